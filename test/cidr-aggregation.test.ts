import fc from "fast-check";
import { type Cidr, formatCidr, isCidrProblem, parseCidr } from "../modules/cidr";
import { aggregateCidrs } from "../modules/cidr-aggregation";
import { edgeAddresses, inAny, seededRandom } from "./support/addresses";
import { cidrListArbitrary } from "./support/arbitraries";
import { PROPERTY_SEED, propertyRuns } from "./support/property-settings";

function aggregate(texts: readonly string[]): string[] {
  const cidrs = texts.map((text) => {
    const cidr = parseCidr(text);
    if (isCidrProblem(cidr)) {
      throw new Error(`${text}: ${cidr.problem}`);
    }
    return cidr;
  });
  return aggregateCidrs(cidrs).map(formatCidr);
}

function expectSameAddresses(input: readonly string[], output: readonly string[]): void {
  for (const address of edgeAddresses([...input, ...output])) {
    if (inAny(address, input) !== inAny(address, output)) {
      throw new Error(
        `${address} is ${inAny(address, input) ? "in" : "not in"} the input but ${inAny(address, output) ? "in" : "not in"} the aggregate`,
      );
    }
  }
}

describe("aggregateCidrs", () => {
  test.each([
    ["two halves", ["192.0.2.0/25", "192.0.2.128/25"], ["192.0.2.0/24"]],
    ["adjacent and aligned", ["198.51.100.0/24", "198.51.101.0/24"], ["198.51.100.0/23"]],
    ["adjacent but not aligned", ["198.51.101.0/24", "198.51.102.0/24"], ["198.51.101.0/24", "198.51.102.0/24"]],
    ["contained", ["203.0.113.0/24", "203.0.113.64/26", "203.0.113.7/32"], ["203.0.113.0/24"]],
    ["overlapping into a non-aligned span", ["192.0.2.0/25", "192.0.2.64/26", "192.0.2.128/26"], ["192.0.2.0/25", "192.0.2.128/26"]],
    ["duplicates", ["192.0.2.7/32", "192.0.2.7/32"], ["192.0.2.7/32"]],
    ["four quarters", ["192.0.2.192/26", "192.0.2.0/26", "192.0.2.128/26", "192.0.2.64/26"], ["192.0.2.0/24"]],
    ["IPv6 halves", ["2001:db8::/33", "2001:db8:8000::/33"], ["2001:db8::/32"]],
    ["families kept apart, IPv4 first", ["2001:db8::/32", "192.0.2.0/24"], ["192.0.2.0/24", "2001:db8::/32"]],
    ["nothing across a one-address gap", ["192.0.2.0/31", "192.0.2.3/32"], ["192.0.2.0/31", "192.0.2.3/32"]],
    ["nothing across a one-address IPv6 gap", ["2001:db8::/127", "2001:db8::3"], ["2001:db8::/127", "2001:db8::3/128"]],
    ["a run of addresses", ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"], ["192.0.2.1/32", "192.0.2.2/31", "192.0.2.4/32"]],
    ["the top of the IPv4 space", ["255.255.255.254/31", "255.255.255.252/31"], ["255.255.255.252/30"]],
  ])("merges %s", (_name, input, expected) => {
    const output = aggregate(input);
    expect(output).toEqual(expected);
    expectSameAddresses(input, output);
  });

  test.each([1, 2])("covers exactly the same addresses for several hundred random ranges (seed %i)", (seed) => {
    const random = seededRandom(seed);
    const input = Array.from({ length: 600 }, () => randomCidr(random));
    const output = aggregate(input);
    expectSameAddresses(input, output);
    expect(output.length).toBeLessThan(input.length);
    expectMinimal(output);
  });
});

// Random networks crowded into 192.0.0.0/16 and 2001:db8::/30, so overlaps and adjacency are common.
function randomCidr(random: () => number): string {
  const ipv4 = random() < 0.7;
  const family = ipv4 ? 4 : 6;
  const bits = ipv4 ? 32 : 128;
  const prefix = ipv4 ? 20 + Math.floor(random() * 13) : 40 + Math.floor(random() * 89);
  const base = ipv4 ? 0xc0000000n : 0x20010db8n << 96n;
  const spread = ipv4 ? 16 : 98;
  let offset = 0n;
  for (let bit = 0; bit < spread; bit += 16) {
    offset = (offset << 16n) | BigInt(Math.floor(random() * 65536));
  }
  offset &= (1n << BigInt(spread)) - 1n;
  const hostBits = BigInt(bits - prefix);
  return formatCidr({ family, network: ((base + offset) >> hostBits) << hostBits, prefix });
}

// No two outputs overlap, and no two are halves of one larger aligned block.
function expectMinimal(output: readonly string[]): void {
  const cidrs = output.map((text) => parseCidr(text) as Cidr);
  for (let i = 1; i < cidrs.length; i++) {
    const [a, b] = [cidrs[i - 1], cidrs[i]];
    if (a.family !== b.family) {
      continue;
    }
    const size = 1n << BigInt((a.family === 4 ? 32 : 128) - a.prefix);
    expect(a.network + size <= b.network).toBe(true);
    const siblings = a.prefix === b.prefix && a.network + size === b.network && a.network % (size * 2n) === 0n;
    expect(siblings).toBe(false);
  }
}

describe("aggregateCidrs (property-based, seed printed on failure)", () => {
  test("the aggregate covers exactly the input's addresses, and is minimal", () => {
    fc.assert(
      fc.property(cidrListArbitrary, (input) => {
        const output = aggregate(input);
        expectSameAddresses(input, output);
        expectMinimal(output);
        expect(output.length).toBeLessThanOrEqual(new Set(input).size);
      }),
      { seed: PROPERTY_SEED, numRuns: propertyRuns(1000) },
    );
  });
});
