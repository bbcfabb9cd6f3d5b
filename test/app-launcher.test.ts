import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkoutAt, runSynth, scratchDir } from "./support/run-synth";

// bin/app.js reuses a bundle of main.ts while its inputs are unchanged; an edit must never be
// answered with a stale bundle.

function checkout(): string {
  return checkoutAt(join(scratchDir(), "checkout"));
}

function devPolicy(dir: string): string {
  const stack = JSON.parse(readFileSync(join(dir, "cdktf.out/stacks/dev/cdk.tf.json"), "utf8"));
  return Object.values(stack.resource.aws_iam_policy as Record<string, { policy: string }>)[0].policy;
}

describe("bin/app.js", () => {
  test("rebuilds when variables.ts changes, and reuses the bundle when nothing did", () => {
    const dir = checkout();
    expect(runSynth(undefined, undefined, dir).status).toBe(0);
    expect(devPolicy(dir)).toContain("192.0.2.0/24");

    const variables = join(dir, "variables.ts");
    writeFileSync(variables, readFileSync(variables, "utf8").replace('"192.0.2.0/24", "2001:db8:1234::/48"', '"198.51.100.64/26"'));
    expect(runSynth(undefined, undefined, dir).status).toBe(0);
    expect(devPolicy(dir)).toContain("198.51.100.64/26");
    expect(devPolicy(dir)).not.toContain("192.0.2.0/24");

    const bundle = join(dir, ".bundle-cache", "main.js");
    const built = statSync(bundle).mtimeMs;
    expect(runSynth(undefined, undefined, dir).status).toBe(0);
    expect(devPolicy(dir)).toContain("198.51.100.64/26");
    expect(statSync(bundle).mtimeMs).toBe(built);
  });

  test("fails with the compiler's message, not a stack trace, when a source does not compile", () => {
    const dir = checkout();
    writeFileSync(join(dir, "variables.ts"), "export const variables = { environments: {");
    const run = runSynth(undefined, undefined, dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/variables\.ts:\d+:\d+/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
