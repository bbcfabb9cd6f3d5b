import { decide } from "./support/iam";
import { oneEnvironment, policyOf, synthEnvironment } from "./support/synth";

// Every decision here is made by the independent evaluator (@cloud-copilot/iam-simulate) on the
// policy text that synth wrote, for a principal that is otherwise allowed everything.
const policy = policyOf(
  synthEnvironment(
    oneEnvironment({ allowedCidrs: ["198.51.100.0/24", "192.0.2.7", "2001:db8:1234::/48", "2001:db8::42", "203.0.113.128/25"] }),
    "dev",
  ),
);

describe("the synthesized allow-list policy, decided by the IAM evaluator", () => {
  test.each([
    ["the first address of a range", "198.51.100.0", "allowed"],
    ["the last address of a range", "198.51.100.255", "allowed"],
    ["just below a range", "198.51.99.255", "denied"],
    ["just above a range", "198.51.101.0", "denied"],
    ["a bare IPv4 address", "192.0.2.7", "allowed"],
    ["next to a bare IPv4 address", "192.0.2.8", "denied"],
    ["the first address of a /25", "203.0.113.128", "allowed"],
    ["just below a /25", "203.0.113.127", "denied"],
    ["inside an IPv6 range", "2001:db8:1234:ffff:ffff:ffff:ffff:ffff", "allowed"],
    ["just above an IPv6 range", "2001:db8:1235::", "denied"],
    ["a bare IPv6 address", "2001:db8::42", "allowed"],
    ["next to a bare IPv6 address", "2001:db8::43", "denied"],
    ["an unrelated public address", "8.8.8.8", "denied"],
  ])("opening a notebook from %s (%s) is %s", async (_name, sourceIp, expected) => {
    expect(await decide(policy, { sourceIp })).toBe(expected);
  });

  test("a request with no aws:SourceIp (through a VPC endpoint) is denied, as the seed warns", async () => {
    expect(await decide(policy, { context: { "aws:SourceVpce": "vpce-0123456789abcdef0", "aws:SourceVpc": "vpc-01234567" } })).toBe(
      "denied",
    );
  });

  test.each([
    "sagemaker:DescribeNotebookInstance",
    "sagemaker:CreatePresignedDomainUrl",
    "sagemaker:StartNotebookInstance",
    "s3:GetObject",
  ])("leaves %s from outside the allow-list untouched", async (action) => {
    expect(await decide(policy, { action, sourceIp: "8.8.8.8" })).toBe("allowed");
  });
});
