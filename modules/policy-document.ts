import type { AllowlistSettings } from "./settings";

/** IAM's limit on a managed policy document, counted without whitespace. Not adjustable. */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;

/** The action whose every use (API, presigned URL, console "Open Jupyter") the allow-list guards by default. */
export const NOTEBOOK_URL_ACTION = "sagemaker:CreatePresignedNotebookInstanceUrl";

/** The statement's Sid: stable, so reviewers and tools can find it across versions. */
export const DENY_STATEMENT_SID = "DenyNotebookAccessFromOutsideAllowedNetworks";

/** An IAM policy document as this project writes it. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** One statement of a {@link PolicyDocument}. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Deny";
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** The settings the document depends on. */
export type PolicySettings = Pick<
  AllowlistSettings,
  "allowedCidrs" | "allowedVpcEndpoints" | "allowedVpcs" | "exemptPrincipalArns" | "exemptAwsServiceCalls" | "actions" | "resourceArns"
>;

/**
 * One Deny statement whose conditions are ANDed, so a request is denied only when it comes from
 * none of the allowed places (AWS's data-perimeter pattern). Each `...IfExists` operator is true
 * when its key is missing:
 * - `NotIpAddressIfExists aws:SourceIp`: true outside the CIDRs, and through a VPC endpoint (no
 *   source IP), so endpoint traffic must be allowed by the next condition;
 * - `StringNotEqualsIfExists aws:SourceVpce / aws:SourceVpc`: true from the internet (no such
 *   keys) and through an endpoint or VPC that is not listed; its keys are ANDed, so matching
 *   either list allows the request;
 * - `ArnNotLikeIfExists aws:PrincipalArn`: false for an exempt principal;
 * - `BoolIfExists aws:ViaAWSService: false`: false when an AWS service calls on the caller's behalf.
 * Conditions with empty lists are left out. Pure: the same settings always give the same document.
 */
export function buildPolicyDocument(settings: PolicySettings): PolicyDocument {
  const condition: Record<string, Record<string, string | readonly string[]>> = {};
  if (settings.allowedCidrs.length > 0) {
    condition.NotIpAddressIfExists = { "aws:SourceIp": [...settings.allowedCidrs] };
  }
  const network: Record<string, readonly string[]> = {};
  if (settings.allowedVpcEndpoints.length > 0) {
    network["aws:SourceVpce"] = [...settings.allowedVpcEndpoints];
  }
  if (settings.allowedVpcs.length > 0) {
    network["aws:SourceVpc"] = [...settings.allowedVpcs];
  }
  if (Object.keys(network).length > 0) {
    condition.StringNotEqualsIfExists = network;
  }
  if (settings.exemptPrincipalArns.length > 0) {
    condition.ArnNotLikeIfExists = { "aws:PrincipalArn": [...settings.exemptPrincipalArns] };
  }
  if (settings.exemptAwsServiceCalls) {
    condition.BoolIfExists = { "aws:ViaAWSService": "false" };
  }
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: DENY_STATEMENT_SID,
        Effect: "Deny",
        Action: oneOrMany(settings.actions),
        Resource: oneOrMany(settings.resourceArns),
        Condition: condition,
      },
    ],
  };
}

function oneOrMany(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0] : [...values];
}

/** The document as the literal JSON written into the `policy` attribute. */
export function renderPolicy(document: PolicyDocument): string {
  return JSON.stringify(document);
}

/** The document's size as IAM counts it toward the 6,144-character limit: whitespace is not counted. */
export function policySize(rendered: string): number {
  return rendered.replace(/\s/g, "").length;
}
