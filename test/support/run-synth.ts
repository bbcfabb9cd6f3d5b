import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

/** The project's root: where package.json and main.ts are. */
export const PROJECT_ROOT = resolve(__dirname, "../..");

/** What one synth process did. */
export interface SynthRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs synth as a user does (`npm run synth`'s command, as a whole process) in a checkout, with
 * its output directory at `outdir` (by default, the checkout's cdktf.out), and optionally a JSON
 * variables file.
 */
export function runSynth(outdir: string | undefined, variablesFile?: string, checkout = PROJECT_ROOT): SynthRun {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  if (outdir === undefined) {
    delete env.CDKTF_OUTDIR;
  }
  delete env.NOTEBOOK_IP_VARIABLES;
  if (checkout !== PROJECT_ROOT) {
    // A checkout's bundle goes beside it, not into the shared node_modules.
    env.NOTEBOOK_ALLOWLIST_CACHE = join(checkout, ".bundle-cache");
  }
  if (variablesFile !== undefined) {
    env.NOTEBOOK_IP_VARIABLES = variablesFile;
  }
  const result = spawnSync(process.execPath, ["bin/app.js"], { cwd: checkout, env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new empty folder for one test. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "notebook-allowlist-"));
}

/** Writes `text` as a file into `dir` and returns the file's path. */
export function writeText(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Writes `content` as JSON into `dir` and returns the file's path. */
export function writeJson(dir: string, name: string, content: unknown): string {
  return writeText(dir, name, JSON.stringify(content));
}

/** Every file below `dir` with a hash of its bytes, to show that a tree did not change. */
export function treeDigest(dir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = join(entry.parentPath, entry.name);
      digest[relative(dir, file)] = createHash("sha256").update(readFileSync(file)).digest("hex");
    }
  }
  return digest;
}

// The files a checkout needs to synthesize and check; node_modules is linked, not copied.
const CHECKOUT_FILES = [
  "bin",
  "main.ts",
  "check.ts",
  "variables.ts",
  "modules",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "cdktf.json",
];

/** A copy of the project at `dir`, as another clone would be, sharing node_modules through a link. */
export function checkoutAt(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const file of CHECKOUT_FILES) {
    cpSync(join(PROJECT_ROOT, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}
