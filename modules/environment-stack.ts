import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { NotebookIpAllowlist } from "./notebook-ip-allowlist";
import type { BackendConfig, EnvironmentConfig } from "./settings";

// Terraform runs in cdktf.out/stacks/<env>; the local state path is written relative to that
// folder, so it points into the project's root and the output is the same on every machine.
const STACK_DIR_TO_PROJECT_ROOT = "../../../";

/** One environment: its AWS provider, its backend, the allow-list, and outputs for the policy. */
export class EnvironmentStack extends TerraformStack {
  /** The allow-list construct of this environment. */
  public readonly allowlist: NotebookIpAllowlist;

  /** Creates the stack named after the environment, from already-validated settings. */
  public constructor(scope: Construct, config: EnvironmentConfig) {
    super(scope, config.name);
    new AwsProvider(this, "aws", {
      region: config.region,
      allowedAccountIds: config.allowedAccountIds.length > 0 ? [...config.allowedAccountIds] : undefined,
      assumeRole: config.assumeRoleArn === undefined ? undefined : [{ roleArn: config.assumeRoleArn }],
    });
    configureBackend(this, config.backend);
    this.allowlist = new NotebookIpAllowlist(this, "allowlist", config.allowlist);
    new TerraformOutput(this, "policy_arn", {
      value: this.allowlist.policy.arn,
      description: "ARN of the managed policy that denies opening notebooks from outside the allow-list",
    });
    new TerraformOutput(this, "policy_name", {
      value: this.allowlist.policy.name,
      description: "Name of the managed policy, for attaching it elsewhere (for example in a permission set)",
    });
  }
}

function configureBackend(stack: TerraformStack, backend: BackendConfig): void {
  switch (backend.type) {
    case "local":
      new LocalBackend(stack, { path: `${STACK_DIR_TO_PROJECT_ROOT}${backend.path}` });
      return;
    case "s3":
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: true,
        dynamodbTable: backend.dynamodbTable,
      });
      if (backend.useLockfile) {
        // cdktf 0.21's S3Backend predates Terraform's native S3 locking.
        stack.addOverride("terraform.backend.s3.use_lockfile", true);
      }
      return;
    case "cloud":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(backend.workspace),
      });
      return;
  }
}
