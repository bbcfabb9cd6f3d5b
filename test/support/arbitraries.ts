import fc from "fast-check";
import * as ipaddr from "ipaddr.js";
import { lastAddress, stepAddress } from "./addresses";

// Public blocks to draw networks from: small ones so entries overlap and touch.
const IPV4_BLOCKS: readonly [number[], number][] = [
  [[192, 0, 2, 0], 24],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[52, 94, 0, 0], 16],
];
const IPV6_BLOCKS: readonly [number[], number][] = [
  [[0x2001, 0x0db8, 0, 0, 0, 0, 0, 0], 112],
  [[0x2001, 0x0db8, 0x1234, 0, 0, 0, 0, 0], 120],
];

/** A public network inside one of the blocks, written as ipaddr.js writes it; sometimes a bare address. */
export const cidrArbitrary: fc.Arbitrary<string> = fc.oneof(
  blockNetwork(IPV4_BLOCKS, 32, (parts) => ipaddr.fromByteArray(parts)),
  blockNetwork(IPV6_BLOCKS, 128, (parts) => new ipaddr.IPv6(parts)),
);

function blockNetwork(
  blocks: readonly [number[], number][],
  bits: number,
  make: (parts: number[]) => ipaddr.IPv4 | ipaddr.IPv6,
): fc.Arbitrary<string> {
  const partBits = bits / blocks[0][0].length;
  return fc
    .record({
      block: fc.constantFrom(...blocks),
      offset: fc.bigInt({ min: 0n, max: (1n << 16n) - 1n }),
      extra: fc.nat(32),
      bare: fc.boolean(),
    })
    .map(({ block: [base, blockPrefix], offset, extra, bare }) => {
      const prefix = Math.min(bits, blockPrefix + (extra % (bits - blockPrefix + 1)));
      let value = partsToBigint(base, partBits) + (offset % (1n << BigInt(bits - blockPrefix)));
      value = (value >> BigInt(bits - prefix)) << BigInt(bits - prefix);
      const address = make(bigintToParts(value, bits, partBits)).toString();
      return prefix === bits && bare ? address : `${address}/${prefix}`;
    });
}

function partsToBigint(parts: readonly number[], partBits: number): bigint {
  return parts.reduce((value, part) => (value << BigInt(partBits)) | BigInt(part), 0n);
}

function bigintToParts(value: bigint, bits: number, partBits: number): number[] {
  const mask = (1n << BigInt(partBits)) - 1n;
  return Array.from({ length: bits / partBits }, (_, i) => Number((value >> BigInt(bits - partBits * (i + 1))) & mask));
}

// Some entries get a neighbour: the address right after them (adjacent) or one further (a gap
// of exactly one address), the cases where merging is easiest to get wrong.
export const cidrListArbitrary: fc.Arbitrary<string[]> = fc
  .array(fc.tuple(cidrArbitrary, fc.constantFrom(0, 1, 2)), { maxLength: 8 })
  .map((entries) =>
    entries.flatMap(([cidr, neighbour]) => {
      const after = neighbour === 0 ? undefined : stepAddress(lastAddress(cidr), 1);
      const next = after === undefined || neighbour === 1 ? after : stepAddress(after, 1);
      return next === undefined ? [cidr] : [cidr, next];
    }),
  );
