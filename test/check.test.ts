import { spawnSync } from "node:child_process";
import { runCheck } from "../modules/check-cli";
import { type CheckRequest, checkRequest } from "../modules/check-request";
import { validateVariables } from "../modules/validate-variables";
import { variables } from "../variables";
import { type Decision, decide } from "./support/iam";
import { PROJECT_ROOT } from "./support/run-synth";
import { oneEnvironment, policyOf, synthEnvironment } from "./support/synth";

// One table of cases, decided twice: by `check` (our own reading of the policy, no AGPL code at
// run time) and by the independent IAM evaluator on the synthesized policy. Both must agree.

const ACCOUNT = "111122223333";
const FIELDS = {
  allowedCidrs: ["198.51.100.0/25", "198.51.100.128/25", "2001:db8:1234::/48"],
  allowedVpcEndpoints: ["vpce-0a1b2c3d"],
  allowedVpcs: ["vpc-0123456789abcdef0"],
  exemptPrincipalArns: [`arn:aws:iam::${ACCOUNT}:role/automation/*-deployer`],
  actions: ["sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:CreatePresignedDomainUrl"],
};
const settings = validateVariables(oneEnvironment(FIELDS))[0].allowlist;
const policy = policyOf(synthEnvironment(oneEnvironment(FIELDS), "dev"));
const NOTEBOOK = "sagemaker:CreatePresignedNotebookInstanceUrl";
const USER = `arn:aws:iam::${ACCOUNT}:role/SageMakerNotebookUser`;

const CASES: readonly (readonly [string, CheckRequest, Decision, string])[] = [
  [
    "an address in a range",
    { action: NOTEBOOK, sourceIp: "198.51.100.200" },
    "allowed",
    "198.51.100.200 is in 198.51.100.0/24 (allowedCidrs, after aggregation)",
  ],
  ["an IPv6 address in a range", { action: NOTEBOOK, sourceIp: "2001:db8:1234:5::1" }, "allowed", "is in 2001:db8:1234::/48"],
  ["an address just outside", { action: NOTEBOOK, sourceIp: "198.51.101.0" }, "denied", "198.51.101.0 is in none of the 2 allowed CIDR(s)"],
  [
    "through the allowed endpoint",
    { action: NOTEBOOK, sourceVpce: "vpce-0a1b2c3d", sourceVpc: "vpc-0fedcba9" },
    "allowed",
    "through vpce-0a1b2c3d, an allowed VPC endpoint",
  ],
  [
    "from inside the allowed VPC",
    { action: NOTEBOOK, sourceVpce: "vpce-0fedcba9", sourceVpc: "vpc-0123456789abcdef0" },
    "allowed",
    "from vpc-0123456789abcdef0, an allowed VPC",
  ],
  [
    "through another endpoint",
    { action: NOTEBOOK, sourceVpce: "vpce-0fedcba9", sourceVpc: "vpc-0fedcba9" },
    "denied",
    "vpce-0fedcba9 / vpc-0fedcba9 is not an allowed endpoint or VPC",
  ],
  [
    "an exempt principal outside",
    { action: NOTEBOOK, sourceIp: "203.0.113.9", principalArn: `arn:aws:iam::${ACCOUNT}:role/automation/ci-deployer` },
    "allowed",
    "is exempt",
  ],
  ["a plain principal outside", { action: NOTEBOOK, sourceIp: "203.0.113.9", principalArn: USER }, "denied", "no exemption applies"],
  ["a service call", { action: NOTEBOOK, sourceIp: "203.0.113.9", viaAwsService: true }, "allowed", "exemptAwsServiceCalls"],
  ["Studio from outside", { action: "sagemaker:CreatePresignedDomainUrl", sourceIp: "203.0.113.9" }, "denied", "in none of"],
  [
    "an action it does not guard",
    { action: "sagemaker:CreatePresignedMlflowTrackingServerUrl", sourceIp: "203.0.113.9" },
    "allowed",
    "is not an action this allow-list guards",
  ],
];

describe("check agrees with the IAM evaluator", () => {
  test.each(CASES)("%s", async (_name, request, expected, reason) => {
    const result = checkRequest(settings, { principalArn: USER, ...request });
    expect(result.decision).toBe(expected);
    expect(result.reason).toContain(reason);
    const context: Record<string, string> = { "aws:ViaAWSService": String(request.viaAwsService ?? false) };
    if (request.sourceVpce !== undefined) {
      context["aws:SourceVpce"] = request.sourceVpce;
    }
    if (request.sourceVpc !== undefined) {
      context["aws:SourceVpc"] = request.sourceVpc;
    }
    expect(
      await decide(policy, { action: request.action, sourceIp: request.sourceIp, principal: request.principalArn ?? USER, context }),
    ).toBe(expected);
  });
});

function check(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NOTEBOOK_IP_VARIABLES;
  return spawnSync(process.execPath, ["bin/app.js", "check.ts", ...args], { cwd: PROJECT_ROOT, env, encoding: "utf8" });
}

describe("npm run check", () => {
  test("prints allowed with the matching range and exits 0", () => {
    const run = check("prod", "203.0.113.5");
    expect([run.status, run.stdout]).toEqual([0, "allowed: 203.0.113.5 is in 203.0.113.0/25 (allowedCidrs, after aggregation)\n"]);
  });

  test("prints denied with the reason and exits 1", () => {
    const run = check("prod", "203.0.113.200");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^denied: 203\.0\.113\.200 is in none of the 2 allowed CIDR\(s\)/);
  });

  test("answers for a private request through an endpoint without an address", () => {
    expect(check("staging", "--vpce", "vpce-0a1b2c3d4e5f60718").status).toBe(0);
  });

  test.each([
    [["prod", "10.1.2.3"], 'check.ip: "10.1.2.3" is in 10.0.0.0/8'],
    [["prod", "192.0.2"], 'check.ip: "192.0.2" is not an IP address'],
    [["prod"], "check.ip: (missing) is required for a request from the internet"],
    [["nowhere", "192.0.2.1"], 'check.environment: "nowhere" is not an environment of the variables; expected one of dev, prod, staging'],
    [
      ["prod", "192.0.2.1", "--action", "sagemaker:CreatePresignedNotebookUrl"],
      'check.action: "sagemaker:CreatePresignedNotebookUrl" matches no sagemaker action',
    ],
    [["prod", "192.0.2.1", "--vpce", "vpce-XYZ"], 'check.vpce: "vpce-XYZ" is not a valid id'],
    [["prod", "192.0.2.1", "--colour"], 'check: "--colour" is not an option'],
  ])("exits 2 with a clear message on bad input %j", (args, message) => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(runCheck(args, {}, variables)).toBe(2);
      const printed = errors.mock.calls.map((call) => String(call[0])).join("\n");
      expect(printed).toContain(message);
      expect(printed).not.toMatch(/\n\s+at /);
    } finally {
      errors.mockRestore();
    }
  });

  test("exits 2 as a process too, without a stack trace", () => {
    const run = check("prod", "10.1.2.3");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('check.ip: "10.1.2.3" is in 10.0.0.0/8');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
