/** The kinds of IAM name this project writes, with IAM's length limits. */
export const IAM_NAME_LIMITS = {
  group: 128,
  role: 64,
  user: 64,
  policy: 128,
} as const;

/** A kind of IAM entity whose name the project validates. */
export type IamNameKind = keyof typeof IAM_NAME_LIMITS;

/** The characters IAM allows in names. */
export const NAME_CHARACTERS = /^[\w+=,.@-]+$/;
/** The form of an IAM path. */
export const PATH_FORM = /^\/([\x21-\x7e]*\/)?$/;
/** The longest IAM path. */
export const MAX_PATH_LENGTH = 512;

/** What is wrong with an IAM name of the kind, and what is expected; undefined when it is fine. */
export function checkIamName(kind: IamNameKind, name: string): { problem: string; expected: string } | undefined {
  const limit = IAM_NAME_LIMITS[kind];
  const expected = `a ${kind} name of 1-${limit} characters from letters, digits and +=,.@_-`;
  if (name.startsWith("arn:")) {
    const afterType = name.split(":").slice(5).join(":");
    const bareName = afterType.slice(afterType.lastIndexOf("/") + 1);
    return { problem: `is an ARN, not a ${kind} name`, expected: `the ${kind}'s name alone, here probably "${bareName}"` };
  }
  if (name.includes("/")) {
    return {
      problem: `contains a path, which is not part of a ${kind} name`,
      expected: `the ${kind}'s name alone, here probably "${name.slice(name.lastIndexOf("/") + 1)}"`,
    };
  }
  if (name.length === 0 || name.length > limit) {
    return { problem: `is ${name.length} characters long`, expected };
  }
  if (!NAME_CHARACTERS.test(name)) {
    return { problem: "has characters IAM does not allow in names", expected };
  }
  return undefined;
}

/** What is wrong with an IAM path, or undefined when it is fine. */
export function checkIamPath(path: string): { problem: string; expected: string } | undefined {
  if (path.length > MAX_PATH_LENGTH || !PATH_FORM.test(path)) {
    return {
      problem: "is not an IAM path",
      expected: `"/" or a path that starts and ends with "/", printable ASCII without spaces, at most ${MAX_PATH_LENGTH} characters`,
    };
  }
  return undefined;
}
