import { closestName, type Problems } from "./problems";

/** A plain JSON-like object whose keys were checked against the fields a place allows. */
export type InputObject = Readonly<Record<string, unknown>>;

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is InputObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` is an object and that every key is one of `fields`; an unknown key is a
 * problem, because a misspelt security setting must not be ignored. Returns the object or undefined.
 */
export function readObject(value: unknown, path: string, fields: readonly string[], problems: Problems): InputObject | undefined {
  if (!isPlainObject(value)) {
    problems.add(path, value, `is ${describeType(value)}`, "an object");
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      const guess = closestName(key, fields);
      const hint = guess === undefined ? "" : ` (did you mean "${guess}"?)`;
      problems.add(`${path}.${key}`, value[key], `is not a known field${hint}`, `only ${fields.join(", ")}`);
    }
  }
  return value;
}

/** The value of an own property, never one inherited through the prototype (`constructor`, ...). */
export function ownValue(object: InputObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Reads a string field: undefined when missing or not a string. A missing field is a problem
 * when `required` says what is expected instead.
 */
export function readString(object: InputObject, key: string, path: string, problems: Problems, required?: string): string | undefined {
  const value = ownValue(object, key);
  if (value === undefined) {
    if (required !== undefined) {
      problems.add(`${path}.${key}`, value, "is required", required);
    }
    return undefined;
  }
  if (typeof value !== "string") {
    problems.add(`${path}.${key}`, value, `is ${describeType(value)}`, required ?? "a string");
    return undefined;
  }
  return value;
}

/** Reads a boolean field: undefined when missing or not a boolean (a problem). */
export function readBoolean(object: InputObject, key: string, path: string, problems: Problems): boolean | undefined {
  const value = ownValue(object, key);
  if (value === undefined || typeof value === "boolean") {
    return value;
  }
  problems.add(`${path}.${key}`, value, `is ${describeType(value)}`, "true or false");
  return undefined;
}

/**
 * Reads a list of strings and checks each with `check`, which returns the normalized value or
 * records a problem and returns undefined. A missing list is empty.
 */
export function readList<T>(
  object: InputObject,
  key: string,
  path: string,
  problems: Problems,
  check: (item: string, itemPath: string) => T | undefined,
): T[] {
  const value = ownValue(object, key);
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.add(`${path}.${key}`, value, `is ${describeType(value)}`, "a list of strings");
    return [];
  }
  const items: T[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = `${path}.${key}[${index}]`;
    if (typeof item !== "string") {
      problems.add(itemPath, item, `is ${describeType(item)}`, "a string");
      return;
    }
    const checked = check(item, itemPath);
    if (checked !== undefined) {
      items.push(checked);
    }
  });
  return items;
}

/** True for a list with no items. */
export function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** "a number", "an array", "null"...: how a message names a value's type. */
export function describeType(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "a list";
  }
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}
