import { type Cidr, cidrContains, cidrsOverlap, isCidrProblem, parseCidr } from "./cidr";

/** A range of addresses that never appears as `aws:SourceIp`, and why. */
export interface NonPublicRange {
  readonly cidr: Cidr;
  readonly text: string;
  readonly reason: string;
}

// aws:SourceIp only ever holds the caller's public address (requests through a VPC endpoint carry
// none), so an allow-list entry in these ranges allows nobody. From the IANA special-purpose address
// registries (RFC 6890 and successors). The documentation ranges (RFC 5737, RFC 3849, RFC 9637) are
// deliberately missing: they are what examples and tests use.
const NON_PUBLIC_IPV4: readonly (readonly [string, string])[] = [
  ["0.0.0.0/8", '"this network"'],
  ["10.0.0.0/8", "private (RFC 1918)"],
  ["100.64.0.0/10", "carrier-grade NAT (RFC 6598)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private (RFC 1918)"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.88.99.0/24", "deprecated 6to4 relay anycast"],
  ["192.168.0.0/16", "private (RFC 1918)"],
  ["198.18.0.0/15", "benchmarking"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved and broadcast"],
];

// Checked in order, so the more specific reason comes first (64:ff9b::/96 lies inside ::/8).
const NON_PUBLIC_IPV6: readonly (readonly [string, string])[] = [
  ["64:ff9b::/96", "NAT64 translation"],
  ["::/8", "unspecified, loopback and IPv4-mapped/compatible (write an IPv4 address as IPv4)"],
  ["100::/64", "discard-only"],
  ["2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"],
  ["fc00::/7", "unique local (the IPv6 private range)"],
  ["fe80::/10", "link-local"],
  ["ff00::/8", "multicast"],
];

const GLOBAL_UNICAST_IPV6 = toRange("2000::/3", "outside the IPv6 global unicast range 2000::/3");

const NON_PUBLIC_RANGES: readonly NonPublicRange[] = [...NON_PUBLIC_IPV4, ...NON_PUBLIC_IPV6].map(([text, reason]) =>
  toRange(text, reason),
);

/**
 * The first non-public range the network reaches into, if any. An IPv6 network must lie inside
 * 2000::/3, the only block from which public addresses are assigned.
 */
export function findNonPublicRange(cidr: Cidr): NonPublicRange | undefined {
  const overlapping = NON_PUBLIC_RANGES.find((range) => cidrsOverlap(range.cidr, cidr));
  if (overlapping !== undefined) {
    return overlapping;
  }
  if (cidr.family === 6 && !cidrContains(GLOBAL_UNICAST_IPV6.cidr, cidr)) {
    return GLOBAL_UNICAST_IPV6;
  }
  return undefined;
}

function toRange(text: string, reason: string): NonPublicRange {
  const cidr = parseCidr(text);
  if (isCidrProblem(cidr)) {
    throw new Error(`bad built-in range ${text}`);
  }
  return { cidr, text, reason };
}
