import { type Decision, decide, type RequestCase } from "./support/iam";
import { oneEnvironment, policyOf, synthEnvironment } from "./support/synth";

// Each decision is made by the independent IAM evaluator on the policy text synth wrote.
const ACCOUNT = "111122223333";
const ALLOWED_ENDPOINT = "vpce-0a1b2c3d4e5f60718";
const ALLOWED_VPC = "vpc-0123456789abcdef0";
const OTHER_ENDPOINT = "vpce-0fedcba9876543210";
const OTHER_VPC = "vpc-0fedcba9876543210";
const ACTIONS = [
  "sagemaker:CreatePresignedNotebookInstanceUrl",
  "sagemaker:CreatePresignedDomainUrl",
  "sagemaker:CreatePresignedMlflowTrackingServerUrl",
  "sagemaker:CreatePresignedMlflowAppUrl",
  "sagemaker:CreatePartnerAppPresignedUrl",
  "sagemaker:CreateHubContentPresignedUrls",
];

const fullPolicy = policyOf(
  synthEnvironment(
    oneEnvironment({
      allowedCidrs: ["198.51.100.0/24", "2001:db8:1234::/48"],
      allowedVpcEndpoints: [ALLOWED_ENDPOINT],
      allowedVpcs: [ALLOWED_VPC],
      exemptPrincipalArns: [`arn:aws:iam::${ACCOUNT}:role/BreakGlass`, `arn:aws:iam::${ACCOUNT}:role/automation/*-deployer`],
      actions: ACTIONS,
    }),
    "dev",
  ),
);

function throughEndpoint(endpoint: string, vpc: string): Record<string, string> {
  return { "aws:SourceVpce": endpoint, "aws:SourceVpc": vpc, "aws:VpcSourceIp": "10.0.3.7" };
}

const CASES: readonly (readonly [string, Omit<RequestCase, "action">, Decision])[] = [
  ["from the internet, inside an allowed CIDR", { sourceIp: "198.51.100.77" }, "allowed"],
  ["from the internet, inside an allowed IPv6 CIDR", { sourceIp: "2001:db8:1234::9" }, "allowed"],
  ["from the internet, outside every CIDR", { sourceIp: "203.0.113.5" }, "denied"],
  ["from the internet, just outside a CIDR", { sourceIp: "198.51.101.0" }, "denied"],
  ["through the allowed VPC endpoint", { context: throughEndpoint(ALLOWED_ENDPOINT, OTHER_VPC) }, "allowed"],
  ["through another endpoint in another VPC", { context: throughEndpoint(OTHER_ENDPOINT, OTHER_VPC) }, "denied"],
  ["through another endpoint in the allowed VPC", { context: throughEndpoint(OTHER_ENDPOINT, ALLOWED_VPC) }, "allowed"],
  [
    "from an exempt principal, outside every CIDR",
    { principal: `arn:aws:iam::${ACCOUNT}:role/BreakGlass`, sourceIp: "203.0.113.5" },
    "allowed",
  ],
  [
    "from an exempt principal, through another endpoint",
    { principal: `arn:aws:iam::${ACCOUNT}:role/BreakGlass`, context: throughEndpoint(OTHER_ENDPOINT, OTHER_VPC) },
    "allowed",
  ],
  [
    "from a principal matching an exempt pattern",
    { principal: `arn:aws:iam::${ACCOUNT}:role/automation/ci-deployer`, sourceIp: "203.0.113.5" },
    "allowed",
  ],
  [
    "from a principal not matching the exempt pattern",
    { principal: `arn:aws:iam::${ACCOUNT}:role/automation/ci-builder`, sourceIp: "203.0.113.5" },
    "denied",
  ],
  [
    "from an exempt-looking role in another account",
    { principal: "arn:aws:iam::444455556666:role/BreakGlass", sourceIp: "203.0.113.5" },
    "denied",
  ],
  ["by an AWS service on the caller's behalf", { sourceIp: "203.0.113.5", context: { "aws:ViaAWSService": "true" } }, "allowed"],
  ["directly, saying so (aws:ViaAWSService false)", { sourceIp: "203.0.113.5", context: { "aws:ViaAWSService": "false" } }, "denied"],
];

describe.each(ACTIONS)("%s with CIDRs, an endpoint, a VPC and exemptions", (action) => {
  test.each(CASES)("a request %s is %s", async (_name, request, expected) => {
    expect(await decide(fullPolicy, { ...request, action })).toBe(expected);
  });
});

describe("what the policy leaves alone", () => {
  test.each(["sagemaker:DescribeNotebookInstance", "sagemaker:StartNotebookInstance", "s3:GetObject"])(
    "%s from outside every allowed place is never denied",
    async (action) => {
      expect(await decide(fullPolicy, { action, sourceIp: "203.0.113.5" })).toBe("allowed");
      expect(await decide(fullPolicy, { action, context: throughEndpoint(OTHER_ENDPOINT, OTHER_VPC) })).toBe("allowed");
    },
  );

  test("a Studio URL is not guarded unless its action is listed", async () => {
    const notebookOnly = policyOf(synthEnvironment(oneEnvironment({ allowedCidrs: ["198.51.100.0/24"] }), "dev"));
    expect(await decide(notebookOnly, { action: "sagemaker:CreatePresignedDomainUrl", sourceIp: "203.0.113.5" })).toBe("allowed");
  });
});

describe("service calls when exemptAwsServiceCalls is false", () => {
  const strict = policyOf(synthEnvironment(oneEnvironment({ allowedCidrs: ["198.51.100.0/24"], exemptAwsServiceCalls: false }), "dev"));

  test("a call an AWS service makes from outside the allow-list is denied", async () => {
    expect(await decide(strict, { sourceIp: "203.0.113.5", context: { "aws:ViaAWSService": "true" } })).toBe("denied");
  });
});

describe("a notebook reachable only privately (no CIDRs)", () => {
  const privateOnly = policyOf(synthEnvironment(oneEnvironment({ allowedCidrs: [], allowedVpcEndpoints: [ALLOWED_ENDPOINT] }), "dev"));

  test.each<[string, Omit<RequestCase, "action">, Decision]>([
    ["through the allowed endpoint", { context: throughEndpoint(ALLOWED_ENDPOINT, OTHER_VPC) }, "allowed"],
    ["through another endpoint", { context: throughEndpoint(OTHER_ENDPOINT, OTHER_VPC) }, "denied"],
    ["from any internet address", { sourceIp: "198.51.100.77" }, "denied"],
    ["with no network keys at all", {}, "denied"],
  ])("a request %s is %s", async (_name, request, expected) => {
    expect(await decide(privateOnly, request)).toBe(expected);
  });
});

describe("a statement with only the IP list keeps the seed's behaviour", () => {
  // The blog post's policy, verbatim but for the addresses.
  const seed = JSON.stringify({
    Version: "2012-10-17",
    Statement: {
      Effect: "Deny",
      Action: "sagemaker:CreatePresignedNotebookInstanceUrl",
      Resource: "*",
      Condition: { NotIpAddress: { "aws:SourceIp": ["198.51.100.0/24", "2001:db8:1234::/48"] } },
    },
  });
  const requests: readonly RequestCase[] = [
    { sourceIp: "198.51.100.0" },
    { sourceIp: "198.51.100.255" },
    { sourceIp: "198.51.99.255" },
    { sourceIp: "2001:db8:1234::1" },
    { sourceIp: "2001:db8:1235::1" },
    { context: throughEndpoint(ALLOWED_ENDPOINT, ALLOWED_VPC) },
    {},
    { sourceIp: "198.51.100.9", context: { "aws:ViaAWSService": "false" } },
    { sourceIp: "203.0.113.9", context: { "aws:ViaAWSService": "false" } },
    { action: "sagemaker:DescribeNotebookInstance", sourceIp: "203.0.113.9" },
  ];
  const viaService: RequestCase = { sourceIp: "203.0.113.9", context: { "aws:ViaAWSService": "true" } };

  test.each([true, false])("decides every direct request as the seed does (exemptAwsServiceCalls %s)", async (exemptAwsServiceCalls) => {
    const ours = policyOf(
      synthEnvironment(oneEnvironment({ allowedCidrs: ["2001:db8:1234::/48", "198.51.100.0/24"], exemptAwsServiceCalls }), "dev"),
    );
    for (const request of requests) {
      expect([request, await decide(ours, request)]).toEqual([request, await decide(seed, request)]);
    }
  });

  test("differs only for a call made by an AWS service, and only when such calls are exempt", async () => {
    const exempt = policyOf(synthEnvironment(oneEnvironment({ allowedCidrs: ["198.51.100.0/24", "2001:db8:1234::/48"] }), "dev"));
    const strict = policyOf(
      synthEnvironment(oneEnvironment({ allowedCidrs: ["198.51.100.0/24", "2001:db8:1234::/48"], exemptAwsServiceCalls: false }), "dev"),
    );
    expect(await decide(seed, viaService)).toBe("denied");
    expect(await decide(strict, viaService)).toBe("denied");
    expect(await decide(exempt, viaService)).toBe("allowed");
  });
});
