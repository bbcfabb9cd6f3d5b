import fc from "fast-check";
import { edgeAddresses, inAny } from "./support/addresses";
import { cidrArbitrary, cidrListArbitrary } from "./support/arbitraries";
import { type Decision, decide, type RequestCase } from "./support/iam";
import { PROPERTY_SEED, propertyRuns } from "./support/property-settings";
import { oneEnvironment, policyOf, synthEnvironment } from "./support/synth";

// The property: for random allow-lists and random requests, the independent IAM evaluator's
// decision on the synthesized policy equals the decision computed directly from the inputs with
// ipaddr.js. Each run synthesizes one allow-list and decides a dozen requests against it.

const URL_ACTIONS = [
  "sagemaker:CreatePresignedNotebookInstanceUrl",
  "sagemaker:CreatePresignedDomainUrl",
  "sagemaker:CreatePresignedMlflowTrackingServerUrl",
];
const OTHER_ACTION = "sagemaker:DescribeNotebookInstance";
const ENDPOINTS = ["vpce-0a1b2c3d", "vpce-0123456789abcdef0", "vpce-11111111"];
const VPCS = ["vpc-0a1b2c3d", "vpc-0123456789abcdef0", "vpc-22222222"];
const PRINCIPALS = ["BreakGlass", "Deployer", "SageMakerNotebookUser", "Analyst"].map((name) => `arn:aws:iam::111122223333:role/${name}`);

interface AllowlistCase {
  readonly allowedCidrs: string[];
  readonly allowedVpcEndpoints: string[];
  readonly allowedVpcs: string[];
  readonly exemptPrincipalArns: string[];
  readonly exemptAwsServiceCalls: boolean;
  readonly actions: string[];
}

const allowlistArbitrary: fc.Arbitrary<AllowlistCase> = fc
  .record({
    allowedCidrs: cidrListArbitrary,
    allowedVpcEndpoints: fc.subarray(ENDPOINTS, { maxLength: 2 }),
    allowedVpcs: fc.subarray(VPCS, { maxLength: 2 }),
    exemptPrincipalArns: fc.subarray(PRINCIPALS.slice(0, 2)),
    exemptAwsServiceCalls: fc.boolean(),
    actions: fc.subarray(URL_ACTIONS, { minLength: 1 }),
  })
  .filter((allowlist) => allowlist.allowedCidrs.length + allowlist.allowedVpcEndpoints.length + allowlist.allowedVpcs.length > 0);

/** A request: from the internet (an address at or next to an edge, or anywhere in a block), or through an endpoint. */
function requestArbitrary(allowlist: AllowlistCase): fc.Arbitrary<RequestCase> {
  const edges = edgeAddresses(allowlist.allowedCidrs);
  const sourceIp = fc.oneof(
    edges.length > 0 ? fc.constantFrom(...edges) : cidrArbitrary.map((cidr) => cidr.split("/")[0]),
    cidrArbitrary.map((cidr) => cidr.split("/")[0]),
  );
  const network = fc.oneof(
    sourceIp.map((ip) => ({ sourceIp: ip, context: {} as Record<string, string> })),
    fc
      .record({ "aws:SourceVpce": fc.constantFrom(...ENDPOINTS), "aws:SourceVpc": fc.constantFrom(...VPCS) })
      .map((context) => ({ sourceIp: undefined, context })),
    fc.constant({ sourceIp: undefined, context: {} as Record<string, string> }),
  );
  return fc
    .record({
      network,
      principal: fc.constantFrom(...PRINCIPALS),
      action: fc.constantFrom(...URL_ACTIONS, OTHER_ACTION),
      viaService: fc.boolean(),
    })
    .map(({ network: { sourceIp: ip, context }, principal, action, viaService }) => ({
      action,
      principal,
      sourceIp: ip,
      context: { ...context, "aws:ViaAWSService": String(viaService) },
    }));
}

/** The decision computed straight from the inputs: denied only when nothing allows the request. */
function expectedDecision(allowlist: AllowlistCase, request: RequestCase): Decision {
  const context = request.context ?? {};
  const guarded = allowlist.actions.includes(request.action ?? "");
  const fromAllowedAddress = request.sourceIp !== undefined && inAny(request.sourceIp, allowlist.allowedCidrs);
  const throughAllowedNetwork =
    allowlist.allowedVpcEndpoints.includes(context["aws:SourceVpce"]) || allowlist.allowedVpcs.includes(context["aws:SourceVpc"]);
  const exempt = allowlist.exemptPrincipalArns.includes(request.principal ?? "");
  const serviceCall = allowlist.exemptAwsServiceCalls && context["aws:ViaAWSService"] === "true";
  return guarded && !fromAllowedAddress && !throughAllowedNetwork && !exempt && !serviceCall ? "denied" : "allowed";
}

describe("the policy is exact (property-based, seed printed on failure)", () => {
  test("the IAM evaluator decides every request as the inputs say", async () => {
    await fc.assert(
      fc.asyncProperty(
        allowlistArbitrary.chain((allowlist) =>
          fc.tuple(fc.constant(allowlist), fc.array(requestArbitrary(allowlist), { minLength: 12, maxLength: 12 })),
        ),
        async ([allowlist, requests]) => {
          const policy = policyOf(synthEnvironment(oneEnvironment({ ...allowlist }), "dev"));
          for (const request of requests) {
            const decision = await decide(policy, request);
            if (decision !== expectedDecision(allowlist, request)) {
              throw new Error(`${JSON.stringify(request)} was ${decision} by the evaluator against ${policy}`);
            }
          }
        },
      ),
      { seed: PROPERTY_SEED, numRuns: propertyRuns(250) },
    );
  });
});
