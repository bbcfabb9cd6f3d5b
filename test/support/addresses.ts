import * as ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

const parsedRanges = new Map<string, Range>();

/** Parses a CIDR with ipaddr.js, a bare address meaning /32 or /128 as in IAM. */
export function parseRange(cidr: string): Range {
  let range = parsedRanges.get(cidr);
  if (range === undefined) {
    range = ipaddr.parseCIDR(cidr.includes("/") ? cidr : `${cidr}/${cidr.includes(":") ? 128 : 32}`);
    parsedRanges.set(cidr, range);
  }
  return range;
}

/**
 * The first address of a CIDR. Address arithmetic for tests works on ipaddr.js byte arrays,
 * independent of the project's own bigint code in modules/cidr.ts.
 */
export function firstAddress(cidr: string): string {
  const [address, prefix] = parseRange(cidr);
  return (address.kind() === "ipv6" ? ipaddr.IPv6 : ipaddr.IPv4).networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
}

/** The last address of a CIDR. */
export function lastAddress(cidr: string): string {
  const [address, prefix] = parseRange(cidr);
  return (address.kind() === "ipv6" ? ipaddr.IPv6 : ipaddr.IPv4).broadcastAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
}

/** The address `delta` (+1 or -1) away, or undefined past the end of the family's space. */
export function stepAddress(address: string, delta: 1 | -1): string | undefined {
  const bytes = ipaddr.parse(address).toByteArray();
  for (let i = bytes.length - 1; i >= 0; i--) {
    const value = bytes[i] + delta;
    bytes[i] = (value + 256) % 256;
    if (value >= 0 && value <= 255) {
      return ipaddr.fromByteArray(bytes).toString();
    }
  }
  return undefined;
}

/** True if the address lies in any of the CIDRs (a bare entry is one address). */
export function inAny(address: string, cidrs: readonly string[]): boolean {
  const parsed = ipaddr.parse(address);
  return cidrs.some((cidr) => {
    const range = parseRange(cidr);
    return range[0].kind() === parsed.kind() && parsed.match(range);
  });
}

/** The first and last address of each CIDR, and the addresses just outside them. */
export function edgeAddresses(cidrs: readonly string[]): string[] {
  const edges = cidrs.flatMap((cidr) => {
    const first = firstAddress(cidr);
    const last = lastAddress(cidr);
    return [first, last, stepAddress(first, -1), stepAddress(last, 1)];
  });
  return [...new Set(edges.filter((address): address is string => address !== undefined))];
}

/** A small deterministic pseudo-random generator (mulberry32), so a failing case can be rerun. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
