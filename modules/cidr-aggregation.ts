import { type Cidr, cidrEnd, familyBits } from "./cidr";

/**
 * The fewest CIDRs that cover exactly the addresses of `cidrs`: overlapping and adjacent networks
 * are merged, never an address more or less. IPv4 and IPv6 are kept apart; the result is sorted
 * (IPv4 first, then by address).
 */
export function aggregateCidrs(cidrs: readonly Cidr[]): Cidr[] {
  return ([4, 6] as const).flatMap((family) =>
    mergeIntervals(cidrs.filter((cidr) => cidr.family === family)).flatMap(([start, end]) => intervalToCidrs(family, start, end)),
  );
}

// Half-open address intervals [start, end), sorted, with overlapping and touching ones joined.
function mergeIntervals(cidrs: readonly Cidr[]): [bigint, bigint][] {
  const intervals = cidrs.map((cidr): [bigint, bigint] => [cidr.network, cidrEnd(cidr)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) {
      // biome-ignore lint/complexity/useMathMinMax: Math.max does not take bigints
      last[1] = end > last[1] ? end : last[1];
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

// The largest aligned block that starts at `start` and fits, repeatedly: the minimal cover of an
// interval by CIDRs.
function intervalToCidrs(family: 4 | 6, start: bigint, end: bigint): Cidr[] {
  const bits = familyBits(family);
  const cidrs: Cidr[] = [];
  let next = start;
  while (next < end) {
    let size = 1n << BigInt(bits);
    let prefix = 0;
    while (next % size !== 0n || next + size > end) {
      size >>= 1n;
      prefix += 1;
    }
    cidrs.push({ family, network: next, prefix });
    next += size;
  }
  return cidrs;
}
