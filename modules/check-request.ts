import { type Cidr, cidrContains, isCidrProblem, parseAddress, parseCidr } from "./cidr";
import { iamPatternToRegExp } from "./iam-patterns";
import { buildPolicyDocument, type PolicyStatement } from "./policy-document";
import type { AllowlistSettings } from "./settings";

/** A request to decide: what a data scientist would do, from where. */
export interface CheckRequest {
  /** The caller's public address, as AWS sees it; absent for a request through a VPC endpoint. */
  readonly sourceIp?: string;
  /** The IAM action. */
  readonly action: string;
  /** The VPC endpoint the request came through. */
  readonly sourceVpce?: string;
  /** The VPC the request came from. */
  readonly sourceVpc?: string;
  /** The caller's IAM role or user ARN. */
  readonly principalArn?: string;
  /** True when an AWS service makes the request on the caller's behalf. */
  readonly viaAwsService?: boolean;
  /** The resource's ARN; when absent, the answer is for a resource the policy guards. */
  readonly resourceArn?: string;
}

/** The answer: allowed or denied, and why in plain words. */
export interface CheckResult {
  readonly decision: "allowed" | "denied";
  readonly reason: string;
}

/**
 * Decides a request against the policy document synth would write for these settings, the way
 * IAM evaluates the one Deny statement (it can only deny; anything it does not deny is left to
 * the caller's other policies). Independent of the IAM evaluator the tests use, which is AGPL.
 */
export function checkRequest(settings: AllowlistSettings, request: CheckRequest): CheckResult {
  const [statement] = buildPolicyDocument(settings).Statement;
  if (!list(statement.Action).some((pattern) => iamPatternToRegExp(pattern, true).test(request.action))) {
    return {
      decision: "allowed",
      reason: `${request.action} is not an action this allow-list guards (${list(statement.Action).join(", ")})`,
    };
  }
  if (
    request.resourceArn !== undefined &&
    !list(statement.Resource).some((pattern) => iamPatternToRegExp(pattern, false).test(request.resourceArn as string))
  ) {
    return { decision: "allowed", reason: `${request.resourceArn} is not a resource this allow-list guards` };
  }
  const exemption = findExemption(statement, request);
  return exemption === undefined
    ? { decision: "denied", reason: describeDenial(settings, request) }
    : { decision: "allowed", reason: exemption };
}

// Each condition of the statement, in the order the builder writes them; the first one that is
// false (so the Deny does not apply) names the reason.
function findExemption(statement: PolicyStatement, request: CheckRequest): string | undefined {
  const condition = statement.Condition;
  const cidrs = list(condition.NotIpAddressIfExists?.["aws:SourceIp"]);
  if (request.sourceIp !== undefined && cidrs.length > 0) {
    const match = cidrs.find((cidr) => addressIn(request.sourceIp as string, cidr));
    if (match !== undefined) {
      return `${request.sourceIp} is in ${match} (allowedCidrs, after aggregation)`;
    }
  }
  const network = condition.StringNotEqualsIfExists ?? {};
  if (request.sourceVpce !== undefined && list(network["aws:SourceVpce"]).includes(request.sourceVpce)) {
    return `the request comes through ${request.sourceVpce}, an allowed VPC endpoint`;
  }
  if (request.sourceVpc !== undefined && list(network["aws:SourceVpc"]).includes(request.sourceVpc)) {
    return `the request comes from ${request.sourceVpc}, an allowed VPC`;
  }
  const exempt = list(condition.ArnNotLikeIfExists?.["aws:PrincipalArn"]);
  const matchedPrincipal =
    request.principalArn === undefined ? undefined : exempt.find((pattern) => arnLike(pattern, request.principalArn as string));
  if (matchedPrincipal !== undefined) {
    return `${request.principalArn} is exempt (${matchedPrincipal} in exemptPrincipalArns)`;
  }
  if (request.viaAwsService === true && condition.BoolIfExists?.["aws:ViaAWSService"] === "false") {
    return "an AWS service makes the request on the caller's behalf, and such calls are exempt (exemptAwsServiceCalls)";
  }
  return undefined;
}

function describeDenial(settings: AllowlistSettings, request: CheckRequest): string {
  const from =
    request.sourceIp !== undefined
      ? `${request.sourceIp} is in none of the ${settings.allowedCidrs.length} allowed CIDR(s)`
      : "the request has no source address (it comes through a VPC endpoint)";
  const network = [request.sourceVpce, request.sourceVpc].filter((id) => id !== undefined);
  const through =
    network.length > 0
      ? `, ${network.join(" / ")} is not an allowed endpoint or VPC`
      : ", and it comes through no allowed VPC endpoint or VPC";
  return `${from}${through}; no exemption applies`;
}

function list(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

function addressIn(address: string, cidrText: string): boolean {
  const parsed = parseAddress(address);
  const cidr = parseCidr(cidrText);
  if (parsed === undefined || isCidrProblem(cidr)) {
    return false;
  }
  const single: Cidr = { family: parsed.family, network: parsed.value, prefix: parsed.family === 4 ? 32 : 128 };
  return cidrContains(cidr, single);
}

// ArnLike compares each of the six colon-separated parts on its own.
function arnLike(pattern: string, arn: string): boolean {
  const patternParts = pattern.split(":");
  const arnParts = arn.split(":");
  if (patternParts.length < 6 || arnParts.length < 6) {
    return false;
  }
  const split = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(":")];
  const [p, a] = [split(patternParts), split(arnParts)];
  return p.every((part, index) => iamPatternToRegExp(part, false).test(a[index]));
}
