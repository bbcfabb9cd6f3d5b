import type { Problems } from "./problems";
import { describeType, type InputObject, isPlainObject } from "./read-input";

/**
 * Lists that allow or attach: an environment's entries are added to the defaults' (an office's
 * CIDRs in `defaults`, a team's own in the environment). Lists that restrict (`allowedAccountIds`,
 * `resourceArns`) and every other field are replaced by the environment's own value.
 */
export const COMBINED_LISTS = [
  "allowedCidrs",
  "allowedVpcEndpoints",
  "allowedVpcs",
  "exemptPrincipalArns",
  "actions",
  "groups",
  "roles",
  "users",
] as const;

/** An environment with the defaults applied, and how to name a problem's true origin. */
export interface MergedEnvironment {
  readonly input: InputObject;
  /** Maps a problem's path in the merged environment to where the value came from. */
  readonly originOf: (path: string) => string;
}

/**
 * Applies `defaults` to one environment: objects (`tags`, and `backend` of the same type) merge
 * key by key with the environment's keys winning; lists in {@link COMBINED_LISTS} are
 * concatenated, defaults first; anything else the environment sets replaces the default.
 */
export function mergeDefaults(name: string, defaults: InputObject | undefined, environment: InputObject): MergedEnvironment {
  if (defaults === undefined) {
    return { input: environment, originOf: (path) => path };
  }
  const merged: Record<string, unknown> = { ...environment };
  const inherited = new Set<string>();
  const listOffsets = new Map<string, number>();
  const inheritedKeys = new Map<string, Set<string>>();
  for (const [field, value] of Object.entries(defaults)) {
    const own = Object.hasOwn(environment, field) ? environment[field] : undefined;
    if (own === undefined) {
      Object.defineProperty(merged, field, { value, enumerable: true, writable: true, configurable: true });
      inherited.add(field);
    } else if ((COMBINED_LISTS as readonly string[]).includes(field) && Array.isArray(value) && Array.isArray(own)) {
      merged[field] = [...value, ...own];
      listOffsets.set(field, value.length);
    } else if (isPlainObject(value) && isPlainObject(own) && (field === "tags" || (field === "backend" && sameBackendType(value, own)))) {
      merged[field] = { ...value, ...own };
      inheritedKeys.set(field, new Set(Object.keys(value).filter((key) => !Object.hasOwn(own, key))));
    }
  }
  return { input: merged, originOf: (path) => originOf(path, name, inherited, listOffsets, inheritedKeys) };
}

function sameBackendType(defaults: InputObject, own: InputObject): boolean {
  return own.type === undefined || own.type === defaults.type;
}

function originOf(
  path: string,
  name: string,
  inherited: ReadonlySet<string>,
  listOffsets: ReadonlyMap<string, number>,
  inheritedKeys: ReadonlyMap<string, ReadonlySet<string>>,
): string {
  const match = path.startsWith(`${name}.`) ? /^([^.[]+)(.*)$/.exec(path.slice(name.length + 1)) : null;
  if (match === null) {
    return path;
  }
  const [, field, rest] = match;
  if (inherited.has(field)) {
    return `defaults.${field}${rest}`;
  }
  const offset = listOffsets.get(field);
  const item = offset === undefined ? null : /^\[(\d+)\](.*)$/.exec(rest);
  if (offset !== undefined && item !== null) {
    const index = Number(item[1]);
    return index < offset ? `defaults.${field}[${index}]${item[2]}` : `${name}.${field}[${index - offset}]${item[2]}`;
  }
  const key = /^\.([^.[]+)/.exec(rest);
  if (key !== null && inheritedKeys.get(field)?.has(key[1])) {
    return `defaults.${field}${rest}`;
  }
  return path;
}

/** Checks the defaults' lists are lists, since a malformed one would otherwise be hidden by an environment's own. */
export function checkDefaultLists(defaults: InputObject, problems: Problems): void {
  for (const field of COMBINED_LISTS) {
    const value = Object.hasOwn(defaults, field) ? defaults[field] : undefined;
    if (value !== undefined && !Array.isArray(value)) {
      problems.add(`defaults.${field}`, value, `is ${describeType(value)}`, "a list of strings");
    }
  }
}
