import { readFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import { join } from "node:path";
import { checkoutAt, PROJECT_ROOT, runSynth, scratchDir, treeDigest } from "./support/run-synth";

function allText(dir: string): string {
  return Object.keys(treeDigest(dir))
    .map((file) => readFileSync(join(dir, file), "utf8"))
    .join("\n");
}

describe("deterministic output", () => {
  test("synthesizing the same variables twice gives byte-identical trees", () => {
    const dir = scratchDir();
    expect(runSynth(join(dir, "first")).status).toBe(0);
    expect(runSynth(join(dir, "second")).status).toBe(0);
    expect(treeDigest(join(dir, "second"))).toEqual(treeDigest(join(dir, "first")));
  });

  test("two checkouts at different paths write byte-identical cdktf.out, free of anything machine-specific", () => {
    const root = scratchDir();
    const short = checkoutAt(join(root, "a"));
    const long = checkoutAt(join(root, "a-much-longer-checkout-path", "with", "levels"));
    for (const checkout of [short, long]) {
      expect(runSynth(undefined, undefined, checkout).status).toBe(0);
    }
    const digest = treeDigest(join(short, "cdktf.out"));
    expect(Object.keys(digest).sort()).toEqual([
      "manifest.json",
      "stacks/dev/cdk.tf.json",
      "stacks/prod/cdk.tf.json",
      "stacks/staging/cdk.tf.json",
    ]);
    expect(treeDigest(join(long, "cdktf.out"))).toEqual(digest);

    const text = allText(join(long, "cdktf.out"));
    for (const machineSpecific of [root, PROJECT_ROOT, hostname(), userInfo().homedir]) {
      expect(text).not.toContain(machineSpecific);
    }
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).not.toMatch(/"\/(?:tmp|home|root|Users|work)\//);
  });
});
