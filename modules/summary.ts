import { MANAGED_POLICY_MAX_CHARACTERS, policySize } from "./policy-document";
import type { BackendConfig, EnvironmentConfig } from "./settings";

/**
 * A few lines that tell a reviewer what synth wrote for one environment, and what it allows;
 * `policyJson` is the document as the construct rendered it.
 */
export function summarizeEnvironment(config: EnvironmentConfig, policyJson: string): string {
  const { allowlist } = config;
  const size = policySize(policyJson);
  const targets = allowlist.groups.length + allowlist.roles.length + allowlist.users.length;
  const lines = [
    `${config.name}: region ${config.region}, backend ${describeBackend(config.backend)}`,
    `  policy ${allowlist.policyName}: ${size}/${MANAGED_POLICY_MAX_CHARACTERS} characters`,
    `  guards ${list(allowlist.actions)} on ${list(allowlist.resourceArns)}`,
    `  allows ${allowlist.allowedCidrs.length} CIDR(s) after aggregation: ${list(allowlist.allowedCidrs)}`,
  ];
  if (allowlist.allowedVpcEndpoints.length + allowlist.allowedVpcs.length > 0) {
    lines.push(`  allows VPC endpoints: ${list(allowlist.allowedVpcEndpoints)}; VPCs: ${list(allowlist.allowedVpcs)}`);
  }
  lines.push(
    `  exempts principals: ${list(allowlist.exemptPrincipalArns)}; AWS service calls: ${allowlist.exemptAwsServiceCalls ? "exempt" : "not exempt"}`,
    `  attached to ${targets} target(s): ${allowlist.groups.length} group(s), ${allowlist.roles.length} role(s), ${allowlist.users.length} user(s)`,
  );
  for (const cidr of broadCidrs(allowlist.allowedCidrs)) {
    lines.push(`  warning: ${cidr} is very broad (wider than /${BROAD_PREFIX[cidr.includes(":") ? 6 : 4]}); check that it is meant`);
  }
  if (targets === 0) {
    lines.push("  warning: no groups, roles or users; the policy protects no one until it is attached elsewhere");
  }
  return lines.join("\n");
}

// Wider than a /16 of IPv4 or a /32 of IPv6 (a whole ISP's allocation) is seldom what an office
// or VPN egress really uses: worth a second look, not an error.
const BROAD_PREFIX = { 4: 16, 6: 32 } as const;

/** The CIDRs (canonical text) that are broader than the warning threshold. */
export function broadCidrs(cidrs: readonly string[]): string[] {
  return cidrs.filter((cidr) => Number(cidr.split("/")[1]) < BROAD_PREFIX[cidr.includes(":") ? 6 : 4]);
}

function list(values: readonly string[]): string {
  return values.length === 0 ? "none" : values.join(", ");
}

function describeBackend(backend: BackendConfig): string {
  switch (backend.type) {
    case "local":
      return `local (${backend.path})`;
    case "s3":
      return `s3 (s3://${backend.bucket}/${backend.key})`;
    case "cloud":
      return `cloud (${backend.hostname}, ${backend.organization}/${backend.workspace})`;
  }
}
