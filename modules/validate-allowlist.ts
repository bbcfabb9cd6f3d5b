import { Token } from "cdktf";
import { type Cidr, formatCidr } from "./cidr";
import { checkIamName, checkIamPath, type IamNameKind } from "./iam-names";
import { buildPolicyDocument, MANAGED_POLICY_MAX_CHARACTERS, policySize, renderPolicy } from "./policy-document";
import type { Problems } from "./problems";
import { describeType, type InputObject, isEmptyList, ownValue, readBoolean, readList, readString } from "./read-input";
import type { AllowlistSettings } from "./settings";
import {
  validateActions,
  validateExemptPrincipals,
  validateResourceArns,
  validateVpcEndpoints,
  validateVpcs,
} from "./validate-access-paths";
import { validateCidrs } from "./validate-cidrs";

/** The fields of {@link AllowlistProps}, in the order the README documents them. */
export const ALLOWLIST_FIELDS = [
  "allowedCidrs",
  "allowedVpcEndpoints",
  "allowedVpcs",
  "exemptPrincipalArns",
  "exemptAwsServiceCalls",
  "actions",
  "resourceArns",
  "groups",
  "roles",
  "users",
  "policyName",
  "policyPath",
  "tags",
] as const;

const TARGET_FIELDS = { groups: "group", roles: "role", users: "user" } as const;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** The most tags an IAM policy takes. */
export const MAX_TAGS = 50;

/** What the allow-list's checks depend on where it is used (the app's environment, or a stack). */
export interface AllowlistContext {
  /** The policy name to use when none is given. */
  readonly policyName: string;
  /** The region resource ARNs must be in, when known. */
  readonly region?: string;
  /** The partition ARNs must be in, when known. */
  readonly partition?: string;
  /**
   * Whether group, role and user names may be cdktf tokens (`role.name` of the consumer's own
   * resource): passed through unchecked, since their value is known only to Terraform.
   */
  readonly allowTokens?: boolean;
}

// Settings this module produced: already canonical, so they are never validated again.
const validated = new WeakSet<AllowlistSettings>();

/** True for settings returned by {@link validateAllowlist} (parse once, trust after). */
export function isValidatedAllowlist(value: unknown): value is AllowlistSettings {
  return typeof value === "object" && value !== null && validated.has(value as AllowlistSettings);
}

/**
 * Validates the allow-list fields of `input` (already checked to be an object whose keys are
 * known) and returns them normalized; records every problem under `path`.
 */
export function validateAllowlist(input: InputObject, path: string, context: AllowlistContext, problems: Problems): AllowlistSettings {
  const cidrs = validateCidrs(input, path, problems);
  const actions = validateActions(input, path, problems);
  const settings: AllowlistSettings = {
    allowedCidrs: cidrs.map(formatCidr),
    allowedVpcEndpoints: validateVpcEndpoints(input, path, problems),
    allowedVpcs: validateVpcs(input, path, problems),
    exemptPrincipalArns: validateExemptPrincipals(input, path, context.partition, problems),
    exemptAwsServiceCalls: readBoolean(input, "exemptAwsServiceCalls", path, problems) ?? true,
    actions: actions.map((action) => action.text),
    resourceArns: validateResourceArns(input, path, context, actions, problems),
    groups: validateTargets(input, "groups", path, context, problems),
    roles: validateTargets(input, "roles", path, context, problems),
    users: validateTargets(input, "users", path, context, problems),
    policyName: validatePolicyName(input, path, context.policyName, problems),
    policyPath: validatePolicyPath(input, path, problems),
    tags: validateTags(input, path, problems),
  };
  checkSomethingIsAllowed(input, settings, path, problems);
  checkPolicySize(settings, cidrs, path, problems);
  validated.add(settings);
  return settings;
}

function checkSomethingIsAllowed(input: InputObject, settings: AllowlistSettings, path: string, problems: Problems): void {
  const nothingListed = [settings.allowedCidrs, settings.allowedVpcEndpoints, settings.allowedVpcs].every((list) => list.length === 0);
  if (nothingListed && isEmptyList(ownValue(input, "allowedCidrs"))) {
    problems.add(
      `${path}.allowedCidrs`,
      [],
      "is empty and so are allowedVpcEndpoints and allowedVpcs, which would deny every request and lock everyone out",
      "at least one public CIDR, VPC endpoint or VPC",
    );
  }
}

// A Deny-unless-listed statement cannot be split across policies (each would deny what the others
// allow), so a document over IAM's limit is an error here rather than a failed apply later.
function checkPolicySize(settings: AllowlistSettings, cidrs: readonly Cidr[], path: string, problems: Problems): void {
  const size = policySize(renderPolicy(buildPolicyDocument(settings)));
  if (size <= MANAGED_POLICY_MAX_CHARACTERS) {
    return;
  }
  // Each entry costs its text, two quotes and a comma (the last one has no comma).
  const costs = cidrs.map((cidr) => formatCidr(cidr).length + 3).sort((a, b) => a - b);
  let total = size - costs.reduce((sum, cost) => sum + cost, 0);
  let fitting = 0;
  for (const cost of costs) {
    if (total + cost > MANAGED_POLICY_MAX_CHARACTERS) {
      break;
    }
    total += cost;
    fitting += 1;
  }
  problems.add(
    `${path}.allowedCidrs`,
    `${cidrs.length} CIDRs after aggregation`,
    `make a policy of ${size} characters, over IAM's limit of ${MANAGED_POLICY_MAX_CHARACTERS} (one policy cannot be split: each part would deny what the others allow)`,
    `at most ${fitting} CIDRs of these lengths, so remove at least ${cidrs.length - fitting} or use wider ranges`,
  );
}

function validatePolicyName(input: InputObject, path: string, fallback: string, problems: Problems): string {
  const name = readString(input, "policyName", path, problems);
  const problem = name === undefined ? undefined : checkIamName("policy", name);
  if (problem !== undefined) {
    problems.add(`${path}.policyName`, name, problem.problem, problem.expected);
  }
  return name ?? fallback;
}

function validatePolicyPath(input: InputObject, path: string, problems: Problems): string {
  const policyPath = readString(input, "policyPath", path, problems) ?? "/";
  const problem = checkIamPath(policyPath);
  if (problem !== undefined) {
    problems.add(`${path}.policyPath`, policyPath, problem.problem, problem.expected);
  }
  return policyPath;
}

function validateTargets(
  input: InputObject,
  field: keyof typeof TARGET_FIELDS,
  path: string,
  context: AllowlistContext,
  problems: Problems,
): string[] {
  const kind: IamNameKind = TARGET_FIELDS[field];
  const names = readList(input, field, path, problems, (name, itemPath) => {
    if (context.allowTokens && Token.isUnresolved(name)) {
      return name;
    }
    const problem = checkIamName(kind, name);
    if (problem !== undefined) {
      problems.add(itemPath, name, problem.problem, problem.expected);
      return undefined;
    }
    return name;
  });
  const seen = new Map<string, string>();
  for (const name of names) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined && earlier !== name) {
      problems.add(
        `${path}.${field}`,
        name,
        `names the same ${kind} as "${earlier}" (IAM names are not case-sensitive)`,
        `each ${kind} once, spelt as in IAM`,
      );
    }
    seen.set(name.toLowerCase(), name);
  }
  return [...new Set(names)].sort();
}

function validateTags(input: InputObject, path: string, problems: Problems): Record<string, string> {
  const value = ownValue(input, "tags");
  if (value === undefined) {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add(`${path}.tags`, value, `is ${describeType(value)}`, 'an object of tag names to values, like {"team": "ml"}');
    return {};
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_TAGS) {
    problems.add(`${path}.tags`, `${entries.length} tags`, "are too many", `at most ${MAX_TAGS} tags`);
  }
  const tags: Record<string, string> = {};
  for (const [key, tagValue] of entries.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const tagPath = `${path}.tags.${key}`;
    if (key.length < 1 || key.length > 128 || key.toLowerCase().startsWith("aws:") || !TAG_CHARACTERS.test(key)) {
      problems.add(tagPath, key, "is not a valid tag key", 'a key of 1-128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"');
    } else if (typeof tagValue !== "string" || tagValue.length > 256 || !TAG_CHARACTERS.test(tagValue)) {
      problems.add(tagPath, tagValue, "is not a valid tag value", "a string of 0-256 letters, digits, spaces and _.:/=+-@");
    } else {
      // defineProperty, so a key such as "__proto__" stays a plain tag.
      Object.defineProperty(tags, key, { value: tagValue, enumerable: true, writable: true, configurable: true });
    }
  }
  return tags;
}
