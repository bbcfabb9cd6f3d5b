import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decide } from "./support/iam";
import { runSynth, scratchDir, treeDigest, writeJson, writeText } from "./support/run-synth";
import { policyOf, type SynthesizedStack } from "./support/synth";

function readStack(outdir: string, name: string): SynthesizedStack {
  return JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) as SynthesizedStack;
}

describe("synth as a process (npm run synth)", () => {
  test("synthesizes one stack per example environment and prints a summary", async () => {
    const outdir = scratchDir();
    const run = runSynth(outdir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks).sort()).toEqual(["dev", "prod", "staging"]);
    expect(run.stdout).toMatch(/^prod: region ap-southeast-2, backend s3 \(s3:\/\/example-terraform-state\/.*\)$/m);
    expect(run.stdout).toMatch(/^ {2}policy sagemaker-notebook-ip-allowlist-prod: \d+\/6144 characters$/m);
    expect(run.stdout).toMatch(/^ {2}allows 2 CIDR\(s\) after aggregation: 203\.0\.113\.0\/25, 2001:db8:abcd::\/48$/m);
    expect(run.stdout).toMatch(/^ {2}allows VPC endpoints: vpce-0a1b2c3d4e5f60718; VPCs: none$/m);
    const prodPolicy = policyOf(readStack(outdir, "prod"));
    expect(await decide(prodPolicy, { sourceIp: "203.0.113.127" })).toBe("allowed");
    expect(await decide(prodPolicy, { sourceIp: "203.0.113.128" })).toBe("denied");
  });

  test("reads a JSON variables file named by NOTEBOOK_IP_VARIABLES instead of variables.ts", async () => {
    const dir = scratchDir();
    const file = writeJson(dir, "variables.json", {
      environments: { research: { region: "eu-north-1", allowedCidrs: ["198.51.100.0/24"], roles: ["Researcher"] } },
    });
    const run = runSynth(join(dir, "out"), file);
    expect(run.status).toBe(0);
    const stack = readStack(join(dir, "out"), "research");
    expect(stack.provider.aws[0]).toMatchObject({ region: "eu-north-1" });
    expect(await decide(policyOf(stack), { sourceIp: "198.51.100.10" })).toBe("allowed");
    expect(await decide(policyOf(stack), { sourceIp: "192.0.2.10" })).toBe("denied");
  });

  test("fails on bad input with every problem, no stack trace, and the earlier output left exactly as it was", () => {
    const dir = scratchDir();
    const outdir = join(dir, "out");
    expect(runSynth(outdir).status).toBe(0);
    const before = treeDigest(outdir);
    const file = writeJson(dir, "bad.json", {
      environments: {
        dev: { region: "eu-west-1", allowedCidrs: ["52.94.76.9/22", "10.0.0.0/8"] },
        prod: { region: "us-east-1", allowedCidrs: ["192.0.2.0/24"], rolse: ["x"] },
      },
    });
    const run = runSynth(outdir, file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      'dev.allowedCidrs[0]: "52.94.76.9/22" has host bits set after the prefix; expected the network address, probably "52.94.76.0/22"',
    );
    expect(run.stderr).toContain('dev.allowedCidrs[1]: "10.0.0.0/8" reaches into 10.0.0.0/8');
    expect(run.stderr).toContain('prod.rolse: ["x"] is not a known field (did you mean "roles"?)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(treeDigest(outdir)).toEqual(before);
  });

  test.each([
    [
      "does not exist",
      (dir: string) => join(dir, "missing.json"),
      /NOTEBOOK_IP_VARIABLES: ".*missing\.json" does not exist; expected the path of a JSON variables file/,
    ],
    [
      "is not valid JSON",
      (dir: string) => writeText(dir, "broken.json", '{"environments": {"dev": '),
      /NOTEBOOK_IP_VARIABLES: ".*broken\.json" is not valid JSON \(.+\); expected a JSON object/,
    ],
  ])("fails clearly when the variables file %s", (_name, makeFile, message) => {
    const dir = scratchDir();
    const run = runSynth(join(dir, "out"), makeFile(dir));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
