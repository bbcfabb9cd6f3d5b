import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** What Terraform itself keeps in a stack's folder; carried from the old tree into the new one. */
export const TERRAFORM_WORKING_FILES = [".terraform", ".terraform.lock.hcl"] as const;

/**
 * Replaces `outdir` with a tree that `write` builds aside, so a failed synth never leaves a
 * half-written `cdktf.out`: until `write` has finished every stack, the old tree is untouched.
 *
 * The new tree is built next to `outdir` (same filesystem, so the swap is two renames); Terraform's
 * working files of each stack that still exists are moved over; stacks that are gone leave no folder
 * behind. State never lives here (see the local backend's path), so nothing else needs keeping.
 */
export function replaceOutputDirectory(outdir: string, write: (stagingDir: string) => void): void {
  const target = resolve(outdir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.next-`));
  // mkdtemp makes the folder private; cdktf.out is an ordinary folder.
  chmodSync(staging, 0o755);
  try {
    write(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  const previous = `${staging.replace(/\.next-/, ".previous-")}`;
  renameSync(target, previous);
  renameSync(staging, target);
  carryTerraformWorkingFiles(previous, target);
  rmSync(previous, { recursive: true, force: true });
}

function carryTerraformWorkingFiles(from: string, to: string): void {
  const stacks = join(from, "stacks");
  if (!existsSync(stacks)) {
    return;
  }
  for (const stack of readdirSync(stacks)) {
    const newStack = join(to, "stacks", stack);
    if (!existsSync(newStack)) {
      continue;
    }
    for (const name of TERRAFORM_WORKING_FILES) {
      const source = join(stacks, stack, name);
      if (existsSync(source)) {
        renameSync(source, join(newStack, name));
      }
    }
  }
}
