// The benchmark's anchor: the same job written the way the cdktf TypeScript template has users
// write it (imports from the provider's root namespaces, run with `npx ts-node main.ts`, which
// type-checks). A fixture for comparison, not product code: it validates nothing.

import { readFileSync } from "node:fs";
import { iamGroupPolicyAttachment, iamPolicy, iamRolePolicyAttachment, iamUserPolicyAttachment, provider } from "@cdktf/provider-aws";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";

interface Environment {
  region: string;
  allowedCidrs: string[];
  groups?: string[];
  roles?: string[];
  users?: string[];
}

class AllowlistStack extends TerraformStack {
  constructor(scope: Construct, name: string, environment: Environment) {
    super(scope, name);
    new provider.AwsProvider(this, "aws", { region: environment.region });
    new LocalBackend(this, { path: `../../../terraform.${name}.tfstate` });
    const policy = new iamPolicy.IamPolicy(this, "policy", {
      name: `sagemaker-notebook-ip-allowlist-${name}`,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Action: "sagemaker:CreatePresignedNotebookInstanceUrl",
            Resource: "*",
            Condition: { NotIpAddress: { "aws:SourceIp": environment.allowedCidrs } },
          },
        ],
      }),
    });
    for (const group of environment.groups ?? []) {
      new iamGroupPolicyAttachment.IamGroupPolicyAttachment(this, `group-${group}`, { group, policyArn: policy.arn });
    }
    for (const role of environment.roles ?? []) {
      new iamRolePolicyAttachment.IamRolePolicyAttachment(this, `role-${role}`, { role, policyArn: policy.arn });
    }
    for (const user of environment.users ?? []) {
      new iamUserPolicyAttachment.IamUserPolicyAttachment(this, `user-${user}`, { user, policyArn: policy.arn });
    }
    new TerraformOutput(this, "policy_arn", { value: policy.arn });
    new TerraformOutput(this, "policy_name", { value: policy.name });
  }
}

const variables = JSON.parse(readFileSync(process.env.NOTEBOOK_IP_VARIABLES as string, "utf8"));
const app = new App();
for (const [name, environment] of Object.entries(variables.environments as Record<string, Environment>)) {
  new AllowlistStack(app, name, environment);
}
app.synth();
