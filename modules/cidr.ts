import * as ipaddr from "ipaddr.js";

/** One IP network: the family, the network address as a number, and the prefix length. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

/** Why a text is not a usable CIDR, in the words of a validation message. */
export interface CidrProblem {
  readonly problem: string;
  readonly expected: string;
}

const BITS = { 4: 32, 6: 128 } as const;
const EXPECTED_FORM = 'an IPv4 CIDR such as "52.94.76.0/22" or an IPv6 CIDR such as "2001:db8::/32"';

/** Number of addresses bits in the family. */
export function familyBits(family: 4 | 6): number {
  return BITS[family];
}

/** The first address after the network (exclusive end), as a number. */
export function cidrEnd(cidr: Cidr): bigint {
  return cidr.network + (1n << BigInt(BITS[cidr.family] - cidr.prefix));
}

/** True if the two networks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network < cidrEnd(b) && b.network < cidrEnd(a);
}

/** True if `inner` lies wholly inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.network <= inner.network && cidrEnd(inner) <= cidrEnd(outer);
}

/** Canonical text: dotted decimal for IPv4, RFC 5952 for IPv6, always with the prefix. */
export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.family, cidr.network)}/${cidr.prefix}`;
}

/** Canonical text of one address given as a number. */
export function formatAddress(family: 4 | 6, address: bigint): string {
  const byteCount = BITS[family] / 8;
  const bytes: number[] = [];
  for (let i = byteCount - 1; i >= 0; i--) {
    bytes.push(Number((address >> BigInt(i * 8)) & 0xffn));
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Parses a CIDR strictly: four-part decimal IPv4 only (ipaddr.js alone would take `0x34.94.76.0`
 * or `1`), a decimal prefix in range, no host bits set. A bare address means /32 or /128.
 */
export function parseCidr(text: string): Cidr | CidrProblem {
  const slash = text.indexOf("/");
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  const address = parseAddress(addressText);
  if (address === undefined) {
    return { problem: "is not an IP address or CIDR", expected: EXPECTED_FORM };
  }
  const bits = BITS[address.family];
  const prefix = prefixText === undefined ? bits : parsePrefix(prefixText, bits);
  if (prefix === undefined) {
    return { problem: `has a prefix length that is not a whole number from 0 to ${bits}`, expected: EXPECTED_FORM };
  }
  const hostBits = BigInt(bits - prefix);
  const network = (address.value >> hostBits) << hostBits;
  const cidr: Cidr = { family: address.family, network, prefix };
  if (network !== address.value) {
    return {
      problem: "has host bits set after the prefix",
      expected: `the network address, probably "${formatCidr(cidr)}"`,
    };
  }
  return cidr;
}

/** True if the value is a {@link CidrProblem} rather than a parsed CIDR. */
export function isCidrProblem(value: Cidr | CidrProblem): value is CidrProblem {
  return "problem" in value;
}

/** Parses one address strictly; undefined when it is not a plain IPv4 or IPv6 address. */
export function parseAddress(text: string): { family: 4 | 6; value: bigint } | undefined {
  if (text.includes(":")) {
    if (!ipaddr.IPv6.isValid(text) || text.includes("%")) {
      return undefined;
    }
    return { family: 6, value: bytesToBigint(ipaddr.IPv6.parse(text).toByteArray()) };
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return undefined;
  }
  return { family: 4, value: bytesToBigint(ipaddr.IPv4.parse(text).toByteArray()) };
}

function parsePrefix(text: string, bits: number): number | undefined {
  if (!/^(0|[1-9]\d{0,2})$/.test(text)) {
    return undefined;
  }
  const prefix = Number(text);
  return prefix <= bits ? prefix : undefined;
}

function bytesToBigint(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) {
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}
