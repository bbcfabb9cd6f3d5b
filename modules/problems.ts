/**
 * Collects every problem found in user input, so that one run reports them all.
 *
 * Each problem reads `<path>: <value> <what is wrong>; expected <what is allowed>`, where the path
 * starts with the environment's name (`prod.allowedCidrs[2]`).
 */
export class Problems {
  private readonly found: string[] = [];
  private rewrite: (path: string) => string = (path) => path;

  /** Records one problem with the value at `path`; the same problem twice is recorded once. */
  public add(path: string, value: unknown, whatIsWrong: string, expected: string): void {
    const problem = `${this.rewrite(path)}: ${showValue(value)} ${whatIsWrong}; expected ${expected}`;
    if (!this.found.includes(problem)) {
      this.found.push(problem);
    }
  }

  /**
   * Runs `check` with every recorded path passed through `rewrite`: a value an environment
   * inherited from `defaults` is reported where it was written, once.
   */
  public withPaths<T>(rewrite: (path: string) => string, check: () => T): T {
    const previous = this.rewrite;
    this.rewrite = rewrite;
    try {
      return check();
    } finally {
      this.rewrite = previous;
    }
  }

  /** True once any problem has been recorded. */
  public get any(): boolean {
    return this.found.length > 0;
  }

  /** Throws a {@link ValidationError} listing every problem, if there is any. */
  public throwIfAny(): void {
    if (this.any) {
      throw new ValidationError([...this.found]);
    }
  }
}

/** Thrown for bad user input: carries every problem, and is printed without a stack trace. */
export class ValidationError extends Error {
  /** Every problem found, one line each. */
  public readonly problems: readonly string[];

  public constructor(problems: readonly string[]) {
    super(`${problems.length} problem(s) in the notebook IP allow-list settings:\n  - ${problems.join("\n  - ")}`);
    this.name = "ValidationError";
    this.problems = problems;
  }
}

const MAX_SHOWN = 80;

/** Renders a user's value for a message: JSON, cut short so a huge value cannot flood the terminal. */
export function showValue(value: unknown): string {
  if (value === undefined) {
    return "(missing)";
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deeply nested to print (the stack runs out): say what it is instead.
    text = Array.isArray(value) ? "[…deeply nested list…]" : "{…deeply nested object…}";
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…(${text.length} characters)` : text;
}

/** The name in `candidates` closest to `name`, if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (name.length > 64) {
    return undefined;
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
