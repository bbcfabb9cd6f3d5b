import { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
import { Construct } from "constructs";
import { buildPolicyDocument, renderPolicy } from "./policy-document";
import { Problems } from "./problems";
import { readObject } from "./read-input";
import { type AllowlistProps, type AllowlistSettings, PROJECT_NAME } from "./settings";
import { ALLOWLIST_FIELDS, validateAllowlist } from "./validate-allowlist";

/**
 * One managed policy that denies opening SageMaker notebooks from outside the allowed networks,
 * attached to every listed group, role and user.
 *
 * Attachments are the non-exclusive kind (`aws_iam_*_policy_attachment`), never
 * `aws_iam_policy_attachment`, which would detach the policy from everything Terraform does not
 * manage. Each attachment's construct id comes from the target's name, so adding, removing or
 * reordering targets never replaces another attachment.
 */
export class NotebookIpAllowlist extends Construct {
  /** The managed policy. */
  public readonly policy: IamPolicy;
  /** The validated, normalized settings the policy was built from. */
  public readonly settings: AllowlistSettings;
  /** The policy document exactly as written into the `policy` attribute. */
  public readonly policyJson: string;

  /** Validates `props` (throwing a ValidationError with every problem) and creates the resources. */
  public constructor(scope: Construct, id: string, props: AllowlistProps) {
    super(scope, id);
    const problems = new Problems();
    const input = readObject(props, id, ALLOWLIST_FIELDS, problems) ?? {};
    this.settings = validateAllowlist(input, id, { policyName: defaultPolicyName(this) }, problems);
    problems.throwIfAny();

    this.policyJson = renderPolicy(buildPolicyDocument(this.settings));
    this.policy = new IamPolicy(this, "policy", {
      name: this.settings.policyName,
      path: this.settings.policyPath,
      description: this.settings.policyDescription,
      policy: this.policyJson,
      tags: Object.keys(this.settings.tags).length > 0 ? { ...this.settings.tags } : undefined,
    });
    const policyArn = this.policy.arn;
    for (const group of this.settings.groups) {
      new IamGroupPolicyAttachment(this, `group-${group}`, { group, policyArn });
    }
    for (const role of this.settings.roles) {
      new IamRolePolicyAttachment(this, `role-${role}`, { role, policyArn });
    }
    for (const user of this.settings.users) {
      new IamUserPolicyAttachment(this, `user-${user}`, { user, policyArn });
    }
  }
}

// Stable across synths and unique per construct path, so two allow-lists in one account or stack
// do not collide; long paths keep their end, where the distinguishing ids usually are.
function defaultPolicyName(scope: Construct): string {
  const path = scope.node.path.replace(/[^\w+=,.@-]+/g, "-");
  return `${PROJECT_NAME}-${path}`.slice(-128).replace(/^[^\w]+/, "");
}
