import { formatCidr, isCidrProblem, parseCidr } from "../modules/cidr";

describe("parseCidr", () => {
  test.each([
    ["52.94.76.0/22", "52.94.76.0/22"],
    ["192.0.2.7", "192.0.2.7/32"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1/128"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["::/0", "::/0"],
    ["2001:db8::/128", "2001:db8::/128"],
  ])("accepts %s as %s", (text, canonical) => {
    const cidr = parseCidr(text);
    expect(isCidrProblem(cidr)).toBe(false);
    expect(isCidrProblem(cidr) ? undefined : formatCidr(cidr)).toBe(canonical);
  });

  test.each([
    ["0x34.94.76.0/22", "is not an IP address or CIDR"],
    ["1", "is not an IP address or CIDR"],
    ["52.94.76/22", "is not an IP address or CIDR"],
    ["052.94.76.0/22", "is not an IP address or CIDR"],
    ["256.1.1.0/24", "is not an IP address or CIDR"],
    ["52.94.76.0/33", "has a prefix length that is not a whole number from 0 to 32"],
    ["52.94.76.0/-1", "has a prefix length that is not a whole number from 0 to 32"],
    ["52.94.76.0/022", "has a prefix length that is not a whole number from 0 to 32"],
    ["52.94.76.0/", "has a prefix length that is not a whole number from 0 to 32"],
    ["2001:db8::/129", "has a prefix length that is not a whole number from 0 to 128"],
    ["fe80::1%eth0", "is not an IP address or CIDR"],
    ["2001:db8:::/32", "is not an IP address or CIDR"],
    ["", "is not an IP address or CIDR"],
  ])("rejects %s: %s", (text, problem) => {
    const result = parseCidr(text);
    expect(isCidrProblem(result) ? result.problem : "accepted").toBe(problem);
  });

  test.each([
    ["52.94.76.9/22", '"52.94.76.0/22"'],
    ["2001:db8::1/32", '"2001:db8::/32"'],
  ])("rejects host bits in %s and names the network %s", (text, network) => {
    const result = parseCidr(text);
    expect(isCidrProblem(result) ? `${result.problem}; ${result.expected}` : "accepted").toBe(
      `has host bits set after the prefix; the network address, probably ${network}`,
    );
  });
});
