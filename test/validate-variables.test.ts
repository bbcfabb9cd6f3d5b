import { validateVariables } from "../modules/validate-variables";
import { variables } from "../variables";
import { oneEnvironment, problemsOf } from "./support/synth";

describe("validateVariables", () => {
  test("accepts the shipped example environments", () => {
    expect(validateVariables(variables).map((environment) => environment.name)).toEqual(["dev", "prod", "staging"]);
  });

  test("normalizes CIDRs: canonical text, explicit prefixes, sorted, duplicates dropped", () => {
    const [dev] = validateVariables(
      oneEnvironment({ allowedCidrs: ["2001:DB8::/32", "198.51.100.0/24", "192.0.2.7", "198.51.100.0/24", " 192.0.2.7/32 "] }),
    );
    expect(dev.allowlist.allowedCidrs).toEqual(["192.0.2.7/32", "198.51.100.0/24", "2001:db8::/32"]);
  });

  test("applies defaults: empty target lists, policy name from the environment, local state outside cdktf.out", () => {
    const [dev] = validateVariables(oneEnvironment());
    expect(dev.allowlist).toMatchObject({
      groups: [],
      roles: [],
      users: [],
      policyName: "sagemaker-notebook-ip-allowlist-dev",
      policyPath: "/",
    });
    expect(dev.backend).toEqual({ type: "local", path: "terraform.dev.tfstate" });
  });

  test("drops duplicate target names and sorts them", () => {
    const [dev] = validateVariables(oneEnvironment({ roles: ["b", "a", "b"] }));
    expect(dev.allowlist.roles).toEqual(["a", "b"]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "a CIDR that does not parse",
      { allowedCidrs: ["52.94.76.0/2x"] },
      'dev.allowedCidrs[0]: "52.94.76.0/2x" has a prefix length that is not a whole number from 0 to 32; expected an IPv4 CIDR such as "52.94.76.0/22" or an IPv6 CIDR such as "2001:db8::/32"',
    ],
    ["an octet over 255", { allowedCidrs: ["52.94.276.0/24"] }, 'dev.allowedCidrs[0]: "52.94.276.0/24" is not an IP address or CIDR'],
    ["a prefix out of range", { allowedCidrs: ["52.94.76.0/33"] }, "is not a whole number from 0 to 32"],
    ["a hex IPv4 form", { allowedCidrs: ["0x34.94.76.0/22"] }, 'dev.allowedCidrs[0]: "0x34.94.76.0/22" is not an IP address or CIDR'],
    ["a shortened IPv4 form", { allowedCidrs: ["1"] }, 'dev.allowedCidrs[0]: "1" is not an IP address or CIDR'],
    [
      "host bits set",
      { allowedCidrs: ["52.94.76.9/22"] },
      'dev.allowedCidrs[0]: "52.94.76.9/22" has host bits set after the prefix; expected the network address, probably "52.94.76.0/22"',
    ],
    [
      "the whole IPv4 internet",
      { allowedCidrs: ["0.0.0.0/0"] },
      'dev.allowedCidrs[0]: "0.0.0.0/0" allows every address, so the policy would deny nothing',
    ],
    ["the whole IPv6 internet", { allowedCidrs: ["::/0"] }, 'dev.allowedCidrs[0]: "::/0" allows every address'],
    [
      "an empty allow-list",
      { allowedCidrs: [] },
      "dev.allowedCidrs: [] is empty and so are allowedVpcEndpoints and allowedVpcs, which would deny every request and lock everyone out; expected at least one public CIDR, VPC endpoint or VPC",
    ],
    [
      "a missing allow-list",
      { allowedCidrs: undefined },
      "dev.allowedCidrs: (missing) is required; expected a list of public CIDRs ([] when only",
    ],
    [
      "a private range",
      { allowedCidrs: ["10.1.0.0/16"] },
      'dev.allowedCidrs[0]: "10.1.0.0/16" reaches into 10.0.0.0/8, private (RFC 1918): aws:SourceIp only ever holds public addresses',
    ],
    ["a range that contains a private one", { allowedCidrs: ["8.0.0.0/5"] }, '"8.0.0.0/5" reaches into 10.0.0.0/8'],
    ["loopback", { allowedCidrs: ["127.0.0.1"] }, "reaches into 127.0.0.0/8, loopback"],
    ["link-local", { allowedCidrs: ["169.254.169.254"] }, "reaches into 169.254.0.0/16, link-local"],
    ["carrier-grade NAT", { allowedCidrs: ["100.64.0.0/10"] }, "carrier-grade NAT"],
    ["IPv6 unique local", { allowedCidrs: ["fd00::/8"] }, "reaches into fc00::/7, unique local"],
    ["IPv6 link-local", { allowedCidrs: ["fe80::/64"] }, "reaches into fe80::/10, link-local"],
    ["IPv4-mapped IPv6", { allowedCidrs: ["::ffff:198.51.100.1"] }, "write an IPv4 address as IPv4"],
    ["multicast", { allowedCidrs: ["224.0.0.1"] }, "multicast"],
    ["a CIDR that is not a string", { allowedCidrs: [42] }, "dev.allowedCidrs[0]: 42 is a number; expected a string"],
    [
      "a list that is a string",
      { allowedCidrs: "192.0.2.0/24" },
      'dev.allowedCidrs: "192.0.2.0/24" is a string; expected a list of strings',
    ],
    [
      "a role name with a space",
      { roles: ["Data Scientist"] },
      'dev.roles[0]: "Data Scientist" has characters IAM does not allow in names; expected a role name of 1-64 characters from letters, digits and +=,.@_-',
    ],
    ["a role name over 64 characters", { roles: ["r".repeat(65)] }, "is 65 characters long; expected a role name of 1-64"],
    ["a group name over 128 characters", { groups: ["g".repeat(129)] }, "is 129 characters long; expected a group name of 1-128"],
    ["an empty user name", { users: [""] }, 'dev.users[0]: "" is 0 characters long'],
    [
      "an ARN where a role name belongs",
      { roles: ["arn:aws:iam::111122223333:role/team/DataScientist"] },
      'dev.roles[0]: "arn:aws:iam::111122223333:role/team/DataScientist" is an ARN, not a role name; expected the role\'s name alone, here probably "DataScientist"',
    ],
    [
      "a path where a group name belongs",
      { groups: ["team/analysts"] },
      'contains a path, which is not part of a group name; expected the group\'s name alone, here probably "analysts"',
    ],
    [
      "names differing only in case",
      { roles: ["Analyst", "analyst"] },
      'names the same role as "Analyst" (IAM names are not case-sensitive)',
    ],
    ["a policy name with a slash", { policyName: "a/b" }, 'dev.policyName: "a/b" contains a path'],
    ["a policy path without slashes", { policyPath: "team" }, 'dev.policyPath: "team" is not an IAM path'],
    [
      "a misspelt field",
      { allowedCidr: ["192.0.2.0/24"] },
      'dev.allowedCidr: ["192.0.2.0/24"] is not a known field (did you mean "allowedCidrs"?)',
    ],
    ["a wrong type", { region: 1 }, 'dev.region: 1 is a number; expected an AWS region name such as "eu-west-1"'],
    [
      "a region that is not a region",
      { region: "eu-wset-1" },
      'dev.region: "eu-wset-1" is not an AWS region (did you mean "eu-west-1"?); expected an AWS region name such as "eu-west-1"',
    ],
    ["an availability zone for a region", { region: "eu-west-1a" }, '"eu-west-1a" is not an AWS region'],
    ["a missing region", { region: undefined }, "dev.region: (missing) is required"],
    [
      "an account id that is too short",
      { allowedAccountIds: ["12345"] },
      'dev.allowedAccountIds[0]: "12345" is not an AWS account id; expected 12 digits',
    ],
    ["a malformed role ARN to assume", { assumeRoleArn: "arn:aws:iam::1:role/x" }, "is not an IAM role ARN"],
    [
      "a role ARN of another partition",
      { assumeRoleArn: "arn:aws-cn:iam::111122223333:role/deployer" },
      'is in partition "aws-cn", but region eu-west-1 is in "aws"',
    ],
    ["an unknown backend type", { backend: { type: "gcs" } }, 'dev.backend.type: "gcs" is not a backend type'],
    ["an s3 backend without a bucket", { backend: { type: "s3" } }, "dev.backend.bucket: (missing) is required"],
    ["a cloud backend without an organization", { backend: { type: "cloud" } }, "dev.backend.organization: (missing) is required"],
    [
      "a misspelt backend field",
      { backend: { type: "s3", bucket: "b", dynamoDbTable: "t" } },
      'dev.backend.dynamoDbTable: "t" is not a known field (did you mean "dynamodbTable"?)',
    ],
    ["an absolute local state path", { backend: { type: "local", path: "/var/state/dev.tfstate" } }, "is absolute"],
    ["local state inside cdktf.out", { backend: { type: "local", path: "cdktf.out/dev.tfstate" } }, "synth rewrites cdktf.out"],
    ["a tag key reserved by AWS", { tags: { "aws:owner": "x" } }, 'dev.tags.aws:owner: "aws:owner" is not a valid tag key'],
    ["a tag value that is not a string", { tags: { owner: 1 } }, "dev.tags.owner: 1 is not a valid tag value"],
    [
      "a prototype key as a field",
      JSON.parse('{"__proto__": {"polluted": true}}'),
      'dev.__proto__: {"polluted":true} is not a known field',
    ],
  ])("rejects %s", (_name, fields, message) => {
    expect(problemsOf(oneEnvironment(fields)).join("\n")).toContain(message);
  });

  test.each<[string, unknown, string]>([
    ["a file that is not an object", [], "variables: [] is a list; expected an object"],
    ["no environments field", {}, "variables.environments: (missing) is not an object of environments"],
    ["no environments", { environments: {} }, "variables.environments: {} has no environments; expected at least one environment"],
    ["an environment name with a space", { environments: { "my env": {} } }, '"my env" cannot be an environment name'],
    ["an environment name that is a path", { environments: { "../prod": {} } }, '"../prod" cannot be an environment name'],
    [
      "names that collide on a case-insensitive disk",
      {
        environments: {
          Dev: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"] },
          dev: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"] },
        },
      },
      'dev: "dev" differs from "Dev" only in case',
    ],
    ["an environment that is not an object", { environments: { dev: "eu-west-1" } }, 'dev: "eu-west-1" is a string; expected an object'],
    [
      "an unknown top-level field",
      { environments: {}, default: {} },
      'variables.default: {} is not a known field (did you mean "defaults"?)',
    ],
  ])("rejects %s", (_name, input, message) => {
    expect(problemsOf(input).join("\n")).toContain(message);
  });

  test("reports every problem of every environment at once", () => {
    const problems = problemsOf({
      environments: {
        dev: { region: "eu-west-9", allowedCidrs: ["10.0.0.0/8", "52.94.76.9/22"], roles: ["a b"] },
        prod: { region: "us-east-1", allowedCidrs: ["0.0.0.0/0"], grups: ["x"] },
      },
    });
    expect(problems.map((problem) => problem.slice(0, problem.indexOf(":")))).toEqual([
      "dev.region",
      "dev.allowedCidrs[0]",
      "dev.allowedCidrs[1]",
      "dev.roles[0]",
      "prod.grups",
      "prod.allowedCidrs[0]",
    ]);
  });

  test("rejects a policy over IAM's 6,144 characters with the size, the limit and how many CIDRs fit", () => {
    // Every other /48, so aggregation cannot merge them.
    const allowedCidrs = Array.from({ length: 400 }, (_, i) => `2001:db8:${(i * 2).toString(16)}::/48`);
    const [problem] = problemsOf(oneEnvironment({ allowedCidrs }));
    const match =
      /^dev\.allowedCidrs: "400 CIDRs after aggregation" make a policy of (\d+) characters, over IAM's limit of 6144 \(.*\); expected at most (\d+) CIDRs of these lengths, so remove at least (\d+) or use wider ranges$/.exec(
        problem,
      );
    expect(match).not.toBeNull();
    const [, size, fitting, remove] = (match as RegExpExecArray).map(Number);
    expect(size).toBeGreaterThan(6144);
    expect(fitting + remove).toBe(400);
    // The count is exact: that many fit, one more does not.
    expect(problemsOf(oneEnvironment({ allowedCidrs: allowedCidrs.slice(0, fitting) }))).toEqual([]);
    expect(problemsOf(oneEnvironment({ allowedCidrs: allowedCidrs.slice(0, fitting + 1) }))).toHaveLength(1);
  });

  test("cuts a huge value short in the message", () => {
    const [problem] = problemsOf(oneEnvironment({ region: "x".repeat(100_000) }));
    expect(problem.length).toBeLessThan(300);
  });
});

describe("validateVariables: VPC endpoints, exemptions, actions and resources", () => {
  test("aggregates CIDRs before rendering", () => {
    const [dev] = validateVariables(oneEnvironment({ allowedCidrs: ["192.0.2.128/25", "192.0.2.0/25", "192.0.2.7"] }));
    expect(dev.allowlist.allowedCidrs).toEqual(["192.0.2.0/24"]);
  });

  test("accepts an empty CIDR list when a VPC endpoint or VPC is listed", () => {
    expect(() => validateVariables(oneEnvironment({ allowedCidrs: [], allowedVpcEndpoints: ["vpce-0a1b2c3d"] }))).not.toThrow();
    expect(() => validateVariables(oneEnvironment({ allowedCidrs: [], allowedVpcs: ["vpc-0123456789abcdef0"] }))).not.toThrow();
  });

  test("defaults: the notebook URL action on every resource, AWS service calls exempt", () => {
    const [dev] = validateVariables(oneEnvironment());
    expect(dev.allowlist).toMatchObject({
      actions: ["sagemaker:CreatePresignedNotebookInstanceUrl"],
      resourceArns: ["*"],
      exemptAwsServiceCalls: true,
      allowedVpcEndpoints: [],
      allowedVpcs: [],
      exemptPrincipalArns: [],
    });
  });

  test("writes actions in AWS's casing, deduplicated and sorted; wildcards as given", () => {
    const [dev] = validateVariables(
      oneEnvironment({
        actions: ["SageMaker:createpresigneddomainurl", "sagemaker:CreatePresigned*Url", "sagemaker:CreatePresignedDomainUrl"],
      }),
    );
    expect(dev.allowlist.actions).toEqual(["sagemaker:CreatePresigned*Url", "sagemaker:CreatePresignedDomainUrl"]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "a private range, pointing to endpoints instead",
      { allowedCidrs: ["172.31.0.0/16"] },
      "for users inside a VPC, list its VPC endpoint in allowedVpcEndpoints or the VPC in allowedVpcs",
    ],
    [
      "everything empty",
      { allowedCidrs: [], allowedVpcEndpoints: [], allowedVpcs: [] },
      "dev.allowedCidrs: [] is empty and so are allowedVpcEndpoints and allowedVpcs, which would deny every request and lock everyone out",
    ],
    [
      "an endpoint id of the wrong length",
      { allowedVpcEndpoints: ["vpce-0a1b2c3d4"] },
      'dev.allowedVpcEndpoints[0]: "vpce-0a1b2c3d4" is not a valid id; expected "vpce-" and 8 or 17 lowercase hex digits',
    ],
    ["an endpoint id in capitals", { allowedVpcEndpoints: ["VPCE-0A1B2C3D"] }, "is not a valid id (AWS writes these ids in lowercase)"],
    [
      "a VPC id where an endpoint belongs",
      { allowedVpcEndpoints: ["vpc-0a1b2c3d"] },
      'dev.allowedVpcEndpoints[0]: "vpc-0a1b2c3d" is not a valid id',
    ],
    [
      "a VPC id with a non-hex digit",
      { allowedVpcs: ["vpc-0a1b2c3g"] },
      'dev.allowedVpcs[0]: "vpc-0a1b2c3g" is not a valid id; expected "vpc-" and 8 or 17 lowercase hex digits',
    ],
    ["an exemption that is not an ARN", { exemptPrincipalArns: ["BreakGlass"] }, 'dev.exemptPrincipalArns[0]: "BreakGlass" is not an ARN'],
    [
      "an assumed-role session ARN as an exemption",
      { exemptPrincipalArns: ["arn:aws:sts::111122223333:assumed-role/BreakGlass/alice"] },
      "is a session ARN, but aws:PrincipalArn holds the role's ARN",
    ],
    [
      "an exemption with a wildcard account",
      { exemptPrincipalArns: ["arn:aws:iam::*:role/BreakGlass"] },
      "is not an IAM role or user ARN with a 12-digit account",
    ],
    [
      "an exemption with a wildcard service",
      { exemptPrincipalArns: ["arn:aws:*::111122223333:role/BreakGlass"] },
      "is not an IAM role or user ARN",
    ],
    [
      "an exemption of every role",
      { exemptPrincipalArns: ["arn:aws:iam::111122223333:role/*"] },
      "has a name of wildcards only, which exempts every role it reaches",
    ],
    [
      "an exemption of every user under a path",
      { exemptPrincipalArns: ["arn:aws:iam::111122223333:user/ops/*"] },
      "exempts every user it reaches",
    ],
    ["an exemption of a group", { exemptPrincipalArns: ["arn:aws:iam::111122223333:group/admins"] }, "does not name a role or user"],
    [
      "an exemption in another partition",
      { exemptPrincipalArns: ["arn:aws-cn:iam::111122223333:role/BreakGlass"] },
      'is in partition "aws-cn", not the environment\'s "aws"',
    ],
    [
      "exemptAwsServiceCalls that is not a boolean",
      { exemptAwsServiceCalls: "yes" },
      'dev.exemptAwsServiceCalls: "yes" is a string; expected true or false',
    ],
    [
      "a misspelt action, with the closest real names",
      { actions: ["sagemaker:CreatePresignedNotebookUrl"] },
      'dev.actions[0]: "sagemaker:CreatePresignedNotebookUrl" matches no sagemaker action; expected a real action, such as "sagemaker:CreatePresignedNotebookInstanceUrl"',
    ],
    [
      "an unknown service",
      { actions: ["sagemkaer:CreatePresignedDomainUrl"] },
      'names an unknown service "sagemkaer" (did you mean "sagemaker"?)',
    ],
    ["a wildcard that matches nothing", { actions: ["sagemaker:OpenNotebook*"] }, '"sagemaker:OpenNotebook*" matches no sagemaker action'],
    ["a bare wildcard", { actions: ["*"] }, 'dev.actions[0]: "*" is not an IAM action'],
    ["an empty action list", { actions: [] }, "dev.actions: [] is empty, so the policy would guard nothing"],
    [
      "a resource ARN of another region",
      { resourceArns: ["arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/a"] },
      'is in region "us-east-1", not the environment\'s "eu-west-1"',
    ],
    ["a resource ARN of another service", { resourceArns: ["arn:aws:s3:::bucket"] }, "is not a SageMaker resource ARN"],
    [
      "an unknown resource type",
      { resourceArns: ["arn:aws:sagemaker:eu-west-1:111122223333:notebook/a"] },
      'names an unknown SageMaker resource type "notebook"',
    ],
    [
      "a resource ARN without an account",
      { resourceArns: ["arn:aws:sagemaker:eu-west-1::notebook-instance/a"] },
      "does not have a 12-digit account id",
    ],
    [
      "resources that leave an action unguarded",
      { actions: ["sagemaker:CreatePresignedDomainUrl"], resourceArns: ["arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/*"] },
      'dev.actions: "sagemaker:CreatePresignedDomainUrl" takes user-profile resources, none of which resourceArns lists, so it would not be guarded',
    ],
  ])("rejects %s", (_name, fields, message) => {
    expect(problemsOf(oneEnvironment(fields)).join("\n")).toContain(message);
  });

  test("accepts exemption patterns, resource patterns and every URL action", () => {
    const [dev] = validateVariables(
      oneEnvironment({
        exemptPrincipalArns: ["arn:aws:iam::111122223333:role/automation/*-deployer", "arn:aws:iam::111122223333:user/break-glass-?"],
        actions: [
          "sagemaker:CreatePresignedNotebookInstanceUrl",
          "sagemaker:CreatePresignedDomainUrl",
          "sagemaker:CreatePresignedMlflowTrackingServerUrl",
        ],
        resourceArns: [
          "arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/team-*",
          "arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-abc123/*",
          "arn:aws:sagemaker:eu-west-1:111122223333:mlflow-tracking-server/*",
        ],
      }),
    );
    expect(dev.allowlist.resourceArns).toHaveLength(3);
  });
});
