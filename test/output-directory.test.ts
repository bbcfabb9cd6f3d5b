import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { replaceOutputDirectory } from "../modules/output-directory";
import { runSynth, scratchDir, treeDigest, writeJson } from "./support/run-synth";

function writeFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function leftovers(parent: string): string[] {
  return readdirSync(parent).filter((name) => name.startsWith(".out."));
}

describe("replaceOutputDirectory", () => {
  test("creates the tree when there was none", () => {
    const outdir = join(scratchDir(), "out");
    replaceOutputDirectory(outdir, (staging) => writeFile(join(staging, "stacks/dev/cdk.tf.json"), "{}"));
    expect(Object.keys(treeDigest(outdir))).toEqual(["stacks/dev/cdk.tf.json"]);
    expect(leftovers(dirname(outdir))).toEqual([]);
  });

  test("leaves the old tree exactly as it was, and nothing aside, when writing fails halfway", () => {
    const outdir = join(scratchDir(), "out");
    writeFile(join(outdir, "stacks/dev/cdk.tf.json"), "old");
    writeFile(join(outdir, "stacks/dev/.terraform.lock.hcl"), "lock");
    const before = treeDigest(outdir);
    expect(() =>
      replaceOutputDirectory(outdir, (staging) => {
        writeFile(join(staging, "stacks/dev/cdk.tf.json"), "new");
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(treeDigest(outdir)).toEqual(before);
    expect(leftovers(dirname(outdir))).toEqual([]);
  });

  test("keeps Terraform's working files of surviving stacks and drops stacks that are gone", () => {
    const outdir = join(scratchDir(), "out");
    writeFile(join(outdir, "stacks/dev/cdk.tf.json"), "old");
    writeFile(join(outdir, "stacks/dev/.terraform.lock.hcl"), "lock");
    writeFile(join(outdir, "stacks/dev/.terraform/providers/aws"), "binary");
    writeFile(join(outdir, "stacks/retired/cdk.tf.json"), "old");
    writeFile(join(outdir, "stacks/retired/.terraform/providers/aws"), "binary");
    replaceOutputDirectory(outdir, (staging) => writeFile(join(staging, "stacks/dev/cdk.tf.json"), "new"));
    expect(Object.keys(treeDigest(outdir)).sort()).toEqual([
      "stacks/dev/.terraform.lock.hcl",
      "stacks/dev/.terraform/providers/aws",
      "stacks/dev/cdk.tf.json",
    ]);
    expect(readFileSync(join(outdir, "stacks/dev/cdk.tf.json"), "utf8")).toBe("new");
    expect(leftovers(dirname(outdir))).toEqual([]);
  });
});

describe("synth's output folder across changes of the variables", () => {
  test("an environment removed from the variables leaves no folder behind; state outside is untouched", () => {
    const dir = scratchDir();
    const outdir = join(dir, "cdktf.out");
    const two = writeJson(dir, "two.json", {
      environments: {
        dev: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"] },
        qa: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"] },
      },
    });
    const one = writeJson(dir, "one.json", { environments: { dev: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"] } } });
    writeFile(join(dir, "terraform.dev.tfstate"), "state");
    expect(runSynth(outdir, two).status).toBe(0);
    writeFile(join(outdir, "stacks/dev/.terraform.lock.hcl"), "lock");
    expect(runSynth(outdir, one).status).toBe(0);
    expect(existsSync(join(outdir, "stacks/qa"))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks)).toEqual(["dev"]);
    expect(readFileSync(join(outdir, "stacks/dev/.terraform.lock.hcl"), "utf8")).toBe("lock");
    expect(readFileSync(join(dir, "terraform.dev.tfstate"), "utf8")).toBe("state");
  });
});
