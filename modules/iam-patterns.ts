/**
 * An IAM wildcard pattern as a regular expression: `*` any run of characters, `?` one character,
 * everything else literal. IAM matches actions case-insensitively, ARNs case-sensitively.
 */
export function iamPatternToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s");
}
