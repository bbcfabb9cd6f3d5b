import { buildPolicyDocument, renderPolicy } from "../modules/policy-document";
import { summarizeEnvironment } from "../modules/summary";
import { validateVariables } from "../modules/validate-variables";
import { oneEnvironment } from "./support/synth";

function summary(fields: Record<string, unknown>): string {
  const [config] = validateVariables(oneEnvironment(fields));
  return summarizeEnvironment(config, renderPolicy(buildPolicyDocument(config.allowlist)));
}

describe("summarizeEnvironment", () => {
  test("shows what the environment allows: CIDRs after aggregation, endpoints, VPCs, exemptions, actions", () => {
    const text = summary({
      allowedCidrs: ["192.0.2.0/25", "192.0.2.128/25"],
      allowedVpcEndpoints: ["vpce-0a1b2c3d"],
      allowedVpcs: ["vpc-0a1b2c3d"],
      exemptPrincipalArns: ["arn:aws:iam::111122223333:role/BreakGlass"],
      actions: ["sagemaker:CreatePresignedDomainUrl"],
      roles: ["Analyst"],
    });
    expect(text).toContain("  guards sagemaker:CreatePresignedDomainUrl on *");
    expect(text).toContain("  allows 1 CIDR(s) after aggregation: 192.0.2.0/24");
    expect(text).toContain("  allows VPC endpoints: vpce-0a1b2c3d; VPCs: vpc-0a1b2c3d");
    expect(text).toContain("  exempts principals: arn:aws:iam::111122223333:role/BreakGlass; AWS service calls: exempt");
    expect(text).toContain("  attached to 1 target(s): 0 group(s), 1 role(s), 0 user(s)");
    expect(text).not.toContain("warning");
  });

  test.each([
    ["52.0.0.0/15", "warning: 52.0.0.0/15 is very broad (wider than /16)"],
    ["2600::/31", "warning: 2600::/31 is very broad (wider than /32)"],
  ])("warns when the allow-list grows very broad (%s)", (cidr, warning) => {
    expect(summary({ allowedCidrs: [cidr], roles: ["Analyst"] })).toContain(warning);
  });

  test.each(["52.0.0.0/16", "2600::/32"])("does not warn at the threshold (%s)", (cidr) => {
    expect(summary({ allowedCidrs: [cidr], roles: ["Analyst"] })).not.toContain("warning");
  });

  test("warns when nothing is attached", () => {
    expect(summary({})).toContain("warning: no groups, roles or users; the policy protects no one until it is attached elsewhere");
  });
});
