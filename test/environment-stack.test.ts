import { oneEnvironment, synthEnvironment } from "./support/synth";

describe("EnvironmentStack", () => {
  test("configures the AWS provider with the region, allowed accounts and the role to assume", () => {
    const stack = synthEnvironment(
      oneEnvironment({
        region: "eu-central-1",
        allowedAccountIds: ["111122223333"],
        assumeRoleArn: "arn:aws:iam::111122223333:role/deployer",
      }),
      "dev",
    );
    expect(stack.provider.aws).toEqual([
      {
        region: "eu-central-1",
        allowed_account_ids: ["111122223333"],
        assume_role: [{ role_arn: "arn:aws:iam::111122223333:role/deployer" }],
      },
    ]);
  });

  test("keeps local state in the project's root, by a path relative to the stack's folder", () => {
    expect(synthEnvironment(oneEnvironment(), "dev").terraform.backend).toEqual({ local: { path: "../../../terraform.dev.tfstate" } });
    expect(synthEnvironment(oneEnvironment({ backend: { type: "local", path: "state/dev.tfstate" } }), "dev").terraform.backend).toEqual({
      local: { path: "../../../state/dev.tfstate" },
    });
  });

  test("writes an encrypted S3 backend with defaults from the environment", () => {
    expect(
      synthEnvironment(oneEnvironment({ backend: { type: "s3", bucket: "state", dynamodbTable: "locks" } }), "dev").terraform.backend,
    ).toEqual({
      s3: {
        bucket: "state",
        key: "sagemaker-notebook-ip-allowlist/dev.tfstate",
        region: "eu-west-1",
        encrypt: true,
        dynamodb_table: "locks",
      },
    });
  });

  test("adds S3 native locking when asked", () => {
    const backend = synthEnvironment(oneEnvironment({ backend: { type: "s3", bucket: "state", useLockfile: true } }), "dev").terraform
      .backend;
    expect(backend.s3).toMatchObject({ use_lockfile: true });
  });

  test("writes a Terraform Cloud backend with a named workspace", () => {
    expect(synthEnvironment(oneEnvironment({ backend: { type: "cloud", organization: "acme" } }), "dev").terraform).toMatchObject({
      cloud: { organization: "acme", hostname: "app.terraform.io", workspaces: { name: "sagemaker-notebook-ip-allowlist-dev" } },
    });
  });

  test("outputs the policy's ARN and name", () => {
    const { output } = synthEnvironment(oneEnvironment(), "dev");
    expect(Object.keys(output).sort()).toEqual(["policy_arn", "policy_name"]);
    expect(output.policy_arn.value).toMatch(/^\$\{aws_iam_policy\.allowlist_policy_[0-9A-F]+\.arn\}$/);
    expect(output.policy_name.value).toMatch(/^\$\{aws_iam_policy\.allowlist_policy_[0-9A-F]+\.name\}$/);
  });
});
