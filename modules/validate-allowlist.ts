import { findNonPublicRange } from "./address-ranges";
import { compareCidrs, formatCidr, isCidrProblem, parseCidr, type Cidr } from "./cidr";
import { checkIamName, checkIamPath, type IamNameKind } from "./iam-names";
import { buildPolicyDocument, MANAGED_POLICY_MAX_CHARACTERS, policySize, renderPolicy } from "./policy-document";
import type { Problems } from "./problems";
import { describeType, type InputObject, ownValue, readList, readString } from "./read-input";
import type { AllowlistSettings } from "./settings";

/** The fields of {@link AllowlistProps}, in the order the README documents them. */
export const ALLOWLIST_FIELDS = [
  "allowedCidrs",
  "groups",
  "roles",
  "users",
  "policyName",
  "policyPath",
  "policyDescription",
  "tags",
] as const;

const TARGET_FIELDS = { groups: "group", roles: "role", users: "user" } as const;
const DESCRIPTION_CHARACTERS = /^[\t\n\r\x20-\x7e\u00a1-\u00ff]*$/;
const MAX_DESCRIPTION_LENGTH = 1000;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAGS = 50;

/** Defaults that depend on where the allow-list is used (the app's environment, or a stack). */
export interface AllowlistDefaults {
  readonly policyName: string;
}

/**
 * Validates the allow-list fields of `input` (already checked to be an object whose keys are
 * known) and returns them normalized; records every problem under `path`.
 */
export function validateAllowlist(
  input: InputObject,
  path: string,
  defaults: AllowlistDefaults,
  problems: Problems,
): AllowlistSettings {
  const ownPolicyName = readString(input, "policyName", path, problems);
  const nameProblem = ownPolicyName === undefined ? undefined : checkIamName("policy", ownPolicyName);
  if (nameProblem !== undefined) {
    problems.add(`${path}.policyName`, ownPolicyName, nameProblem.problem, nameProblem.expected);
  }
  const policyName = ownPolicyName ?? defaults.policyName;
  const policyPath = readString(input, "policyPath", path, problems) ?? "/";
  const pathProblem = checkIamPath(policyPath);
  if (pathProblem !== undefined) {
    problems.add(`${path}.policyPath`, policyPath, pathProblem.problem, pathProblem.expected);
  }
  const allowedCidrs = validateCidrs(input, path, problems);
  checkPolicySize(allowedCidrs, path, problems);
  return {
    allowedCidrs,
    groups: validateTargets(input, "groups", path, problems),
    roles: validateTargets(input, "roles", path, problems),
    users: validateTargets(input, "users", path, problems),
    policyName,
    policyPath,
    policyDescription: validateDescription(input, path, problems),
    tags: validateTags(input, path, problems),
  };
}

function validateCidrs(input: InputObject, path: string, problems: Problems): string[] {
  if (ownValue(input, "allowedCidrs") === undefined) {
    problems.add(`${path}.allowedCidrs`, undefined, "is required", "a list of public CIDRs");
    return [];
  }
  const cidrs = readList(input, "allowedCidrs", path, problems, (text, itemPath) => checkCidr(text, itemPath, problems));
  const raw = ownValue(input, "allowedCidrs");
  if (Array.isArray(raw) && raw.length === 0) {
    problems.add(
      `${path}.allowedCidrs`,
      [],
      "is empty, which would deny every request and lock everyone out",
      "at least one public CIDR",
    );
  }
  return unique(cidrs.sort(compareCidrs).map(formatCidr));
}

// A Deny-unless-listed statement cannot be split across policies (each would deny what the others
// allow), so a document over IAM's limit is an error here rather than a failed apply later.
function checkPolicySize(allowedCidrs: readonly string[], path: string, problems: Problems): void {
  const size = policySize(renderPolicy(buildPolicyDocument({ allowedCidrs })));
  if (size > MANAGED_POLICY_MAX_CHARACTERS) {
    problems.add(
      `${path}.allowedCidrs`,
      `${allowedCidrs.length} CIDRs`,
      `make a policy of ${size} characters, over IAM's limit of ${MANAGED_POLICY_MAX_CHARACTERS}`,
      "fewer or wider CIDRs",
    );
  }
}

function checkCidr(text: string, itemPath: string, problems: Problems): Cidr | undefined {
  const cidr = parseCidr(text.trim());
  if (isCidrProblem(cidr)) {
    problems.add(itemPath, text, cidr.problem, cidr.expected);
    return undefined;
  }
  if (cidr.prefix === 0) {
    problems.add(
      itemPath,
      text,
      "allows every address, so the policy would deny nothing",
      "the networks your users really come from",
    );
    return undefined;
  }
  const nonPublic = findNonPublicRange(cidr);
  if (nonPublic !== undefined) {
    problems.add(
      itemPath,
      text,
      `reaches into ${nonPublic.text}, ${nonPublic.reason}: aws:SourceIp only ever holds public addresses, so it would allow nobody`,
      "public addresses (the ones your users' traffic leaves from, as AWS sees it)",
    );
    return undefined;
  }
  return cidr;
}

function validateTargets(
  input: InputObject,
  field: keyof typeof TARGET_FIELDS,
  path: string,
  problems: Problems,
): string[] {
  const kind: IamNameKind = TARGET_FIELDS[field];
  const names = readList(input, field, path, problems, (name, itemPath) => {
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
  return unique(names).sort();
}

function validateDescription(input: InputObject, path: string, problems: Problems): string {
  const description =
    readString(input, "policyDescription", path, problems) ??
    "Denies opening SageMaker notebooks from outside the allowed networks (sagemaker-notebook-ip-allowlist).";
  if (description.length > MAX_DESCRIPTION_LENGTH || !DESCRIPTION_CHARACTERS.test(description)) {
    problems.add(
      `${path}.policyDescription`,
      description,
      "is not a valid IAM policy description",
      `at most ${MAX_DESCRIPTION_LENGTH} printable Latin-1 characters`,
    );
  }
  return description;
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
      Object.defineProperty(tags, key, { value: tagValue, enumerable: true, writable: true, configurable: true });
    }
  }
  return tags;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
