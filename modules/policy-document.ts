import type { AllowlistSettings } from "./settings";

/** IAM's limit on a managed policy document, counted without whitespace. Not adjustable. */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;

/** The action whose every use (API, presigned URL, console "Open Jupyter") the allow-list guards. */
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

/**
 * The policy that denies opening a notebook unless the request's `aws:SourceIp` is in the
 * allow-list, as in the AWS blog post this project started from. Pure: the same settings always
 * give the same document.
 */
export function buildPolicyDocument(settings: Pick<AllowlistSettings, "allowedCidrs">): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: DENY_STATEMENT_SID,
        Effect: "Deny",
        Action: NOTEBOOK_URL_ACTION,
        Resource: "*",
        Condition: { NotIpAddress: { "aws:SourceIp": [...settings.allowedCidrs] } },
      },
    ],
  };
}

/** The document as the literal JSON written into the `policy` attribute. */
export function renderPolicy(document: PolicyDocument): string {
  return JSON.stringify(document);
}

/** The document's size as IAM counts it toward the 6,144-character limit: whitespace is not counted. */
export function policySize(rendered: string): number {
  return rendered.replace(/\s/g, "").length;
}
