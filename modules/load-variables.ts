import { readFileSync } from "node:fs";
import { ValidationError } from "./problems";
import type { EnvironmentConfig } from "./settings";
import { validateVariables } from "./validate-variables";

/** The environment variable that names a JSON variables file to use instead of `variables.ts`. */
export const VARIABLES_FILE_ENV = "NOTEBOOK_IP_VARIABLES";

/**
 * The validated environments: from the JSON file named by `NOTEBOOK_IP_VARIABLES` when it is set,
 * otherwise from `fallback` (the typed `variables.ts`). Throws a ValidationError on any problem.
 */
export function loadVariables(env: NodeJS.ProcessEnv, fallback: unknown): EnvironmentConfig[] {
  const file = env[VARIABLES_FILE_ENV];
  return validateVariables(file === undefined || file === "" ? fallback : readJsonFile(file));
}

/** Parses a JSON file, turning a missing or malformed file into a ValidationError naming the path. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(error)})`;
    throw new ValidationError([`${VARIABLES_FILE_ENV}: "${file}" ${reason}; expected the path of a JSON variables file`]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ValidationError([
      `${VARIABLES_FILE_ENV}: "${file}" is not valid JSON (${(error as Error).message}); expected a JSON object like {"environments": {...}}`,
    ]);
  }
}
