import { TerraformStack, Testing } from "cdktf";
import "cdktf/lib/testing/adapters/jest";
import { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
import { NotebookIpAllowlist } from "../modules/notebook-ip-allowlist";
import { ValidationError } from "../modules/problems";
import type { AllowlistProps } from "../modules/settings";

function synthAllowlist(props: AllowlistProps): string {
  return Testing.synthScope((scope) => {
    new NotebookIpAllowlist(scope, "allowlist", props);
  });
}

function resourceIds(synthesized: string, type: string): string[] {
  return Object.keys(JSON.parse(synthesized).resource[type] ?? {}).sort();
}

describe("NotebookIpAllowlist", () => {
  const props: AllowlistProps = {
    allowedCidrs: ["192.0.2.0/24"],
    groups: ["data-scientists"],
    roles: ["SageMakerNotebookUser", "MLEngineer"],
    users: ["auditor"],
    policyName: "notebook-allowlist",
    tags: { team: "ml" },
  };

  test("creates one managed policy with the literal JSON document, name, path and tags", () => {
    const synthesized = synthAllowlist(props);
    expect(synthesized).toHaveResourceWithProperties(IamPolicy, {
      name: "notebook-allowlist",
      path: "/",
      tags: { team: "ml" },
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyNotebookAccessFromOutsideAllowedNetworks",
            Effect: "Deny",
            Action: "sagemaker:CreatePresignedNotebookInstanceUrl",
            Resource: "*",
            Condition: { NotIpAddressIfExists: { "aws:SourceIp": ["192.0.2.0/24"] }, BoolIfExists: { "aws:ViaAWSService": "false" } },
          },
        ],
      }),
    });
    expect(resourceIds(synthesized, "aws_iam_policy")).toHaveLength(1);
    expect(synthesized).not.toContain("${data.");
  });

  test("attaches the policy to every target with a non-exclusive attachment", () => {
    const synthesized = synthAllowlist(props);
    expect(synthesized).toHaveResourceWithProperties(IamGroupPolicyAttachment, { group: "data-scientists" });
    expect(synthesized).toHaveResourceWithProperties(IamRolePolicyAttachment, { role: "SageMakerNotebookUser" });
    expect(synthesized).toHaveResourceWithProperties(IamRolePolicyAttachment, { role: "MLEngineer" });
    expect(synthesized).toHaveResourceWithProperties(IamUserPolicyAttachment, { user: "auditor" });
    expect(resourceIds(synthesized, "aws_iam_role_policy_attachment")).toHaveLength(2);
    expect(JSON.parse(synthesized).resource.aws_iam_policy_attachment).toBeUndefined();
  });

  test("keeps every attachment's address when targets are reordered or added", () => {
    const before = synthAllowlist(props);
    const after = synthAllowlist({
      ...props,
      roles: ["NewRole", ...[...(props.roles ?? [])].reverse()],
      groups: ["admins", "data-scientists"],
    });
    for (const type of [
      "aws_iam_group_policy_attachment",
      "aws_iam_role_policy_attachment",
      "aws_iam_user_policy_attachment",
      "aws_iam_policy",
    ]) {
      const kept = resourceIds(after, type);
      for (const id of resourceIds(before, type)) {
        expect(kept).toContain(id);
      }
    }
    expect(resourceIds(after, "aws_iam_role_policy_attachment")).toHaveLength(3);
  });

  test("takes tokens for targets: passes them through, one attachment per referenced resource, ids that survive reordering", () => {
    const synthesize = (order: (roles: IamRole[]) => string[]) =>
      Testing.synthScope((scope) => {
        const roles = ["analyst", "engineer"].map((name) => new IamRole(scope, name, { assumeRolePolicy: "{}" }));
        new NotebookIpAllowlist(scope, "allowlist", { allowedCidrs: ["192.0.2.0/24"], roles: order(roles) });
      });
    const forward = synthesize((roles) => [roles[0].name, roles[1].name, roles[0].name]);
    const reversed = synthesize((roles) => [roles[1].name, roles[0].name]);
    const attachments = JSON.parse(forward).resource.aws_iam_role_policy_attachment;
    expect(
      Object.values(attachments)
        .map((attachment) => (attachment as { role: string }).role)
        .sort(),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform references, as written in cdk.tf.json
    ).toEqual(["${aws_iam_role.analyst.name}", "${aws_iam_role.engineer.name}"]);
    expect(resourceIds(reversed, "aws_iam_role_policy_attachment")).toEqual(resourceIds(forward, "aws_iam_role_policy_attachment"));
  });

  test("still validates literal names beside tokens", () => {
    const stack = new TerraformStack(Testing.app(), "platform");
    const role = new IamRole(stack, "analyst", { assumeRolePolicy: "{}" });
    expect(() => new NotebookIpAllowlist(stack, "allowlist", { allowedCidrs: ["192.0.2.0/24"], roles: [role.name, "not a name"] })).toThrow(
      /allowlist\.roles\[1\]: "not a name" has characters IAM does not allow/,
    );
  });

  test("defaults the policy name from the construct's path, so two allow-lists do not collide", () => {
    const stack = new TerraformStack(Testing.app(), "platform");
    const first = new NotebookIpAllowlist(stack, "analysts", { allowedCidrs: ["192.0.2.0/24"] });
    const second = new NotebookIpAllowlist(stack, "researchers", { allowedCidrs: ["192.0.2.0/24"] });
    expect(first.settings.policyName).toBe("sagemaker-notebook-ip-allowlist-platform-analysts");
    expect(second.settings.policyName).toBe("sagemaker-notebook-ip-allowlist-platform-researchers");
  });

  test("rejects bad props with every problem, naming the construct", () => {
    const create = () =>
      new NotebookIpAllowlist(new TerraformStack(Testing.app(), "platform"), "allowlist", {
        allowedCidrs: ["10.0.0.0/8"],
        roles: ["arn:aws:iam::111122223333:role/x"],
      });
    expect(create).toThrow(ValidationError);
    expect(create).toThrow(/allowlist\.allowedCidrs\[0\]: "10\.0\.0\.0\/8" reaches into[\s\S]*allowlist\.roles\[0\]: .* is an ARN/);
  });
});
