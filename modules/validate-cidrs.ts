import { findNonPublicRange } from "./address-ranges";
import { type Cidr, isCidrProblem, parseCidr } from "./cidr";
import { aggregateCidrs } from "./cidr-aggregation";
import type { Problems } from "./problems";
import { type InputObject, ownValue, readList } from "./read-input";

/**
 * Reads `allowedCidrs`: every entry strictly parsed and public, then aggregated into the fewest
 * CIDRs covering exactly the same addresses. A missing list is a problem; emptiness is judged by
 * the caller, who knows whether endpoints or VPCs are listed.
 */
export function validateCidrs(input: InputObject, path: string, problems: Problems): Cidr[] {
  if (ownValue(input, "allowedCidrs") === undefined) {
    problems.add(
      `${path}.allowedCidrs`,
      undefined,
      "is required",
      "a list of public CIDRs ([] when only allowedVpcEndpoints or allowedVpcs are used)",
    );
    return [];
  }
  return aggregateCidrs(readList(input, "allowedCidrs", path, problems, (text, itemPath) => checkCidr(text, itemPath, problems)));
}

function checkCidr(text: string, itemPath: string, problems: Problems): Cidr | undefined {
  const cidr = parseCidr(text.trim());
  if (isCidrProblem(cidr)) {
    problems.add(itemPath, text, cidr.problem, cidr.expected);
    return undefined;
  }
  if (cidr.prefix === 0) {
    problems.add(itemPath, text, "allows every address, so the policy would deny nothing", "the networks your users really come from");
    return undefined;
  }
  const nonPublic = findNonPublicRange(cidr);
  if (nonPublic !== undefined) {
    problems.add(
      itemPath,
      text,
      `reaches into ${nonPublic.text}, ${nonPublic.reason}: aws:SourceIp only ever holds public addresses, so it would allow nobody`,
      "public addresses; for users inside a VPC, list its VPC endpoint in allowedVpcEndpoints or the VPC in allowedVpcs",
    );
    return undefined;
  }
  return cidr;
}
