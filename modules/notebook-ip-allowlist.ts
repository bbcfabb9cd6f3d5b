import { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
import { DefaultTokenResolver, StringConcat, Token, Tokenization } from "cdktf";
import { Construct } from "constructs";
import { buildPolicyDocument, renderPolicy } from "./policy-document";
import { Problems } from "./problems";
import { readObject } from "./read-input";
import { type AllowlistProps, type AllowlistSettings, PROJECT_NAME } from "./settings";
import { ALLOWLIST_FIELDS, isValidatedAllowlist, validateAllowlist } from "./validate-allowlist";

// A policy's description cannot change without replacing the policy, so this text is fixed
// (and not a setting): changing it would replace every deployed policy.
const POLICY_DESCRIPTION = "Denies opening SageMaker notebooks from outside the allowed networks (sagemaker-notebook-ip-allowlist).";

/**
 * Props of {@link NotebookIpAllowlist}: the fields of one environment in the variables file,
 * without the provider's and backend's. `groups`, `roles` and `users` may hold tokens such as
 * `role.name` of the consumer's own resources.
 */
export type NotebookIpAllowlistProps = AllowlistProps;

// When the policy must be replaced (a new name), Terraform creates the new policy and attaches it
// before it detaches and deletes the old one, so no target is ever unprotected. (IAM names are
// unique per account, so a new path alone cannot be created first: the README says to rename too.)
const REPLACE_WITHOUT_A_GAP = { createBeforeDestroy: true };

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

  /**
   * Validates `props` (throwing a ValidationError with every problem) and creates the resources.
   * Settings that the variables loader already validated are used as they are.
   */
  public constructor(scope: Construct, id: string, props: NotebookIpAllowlistProps | AllowlistSettings) {
    super(scope, id);
    this.settings = isValidatedAllowlist(props) ? props : validateProps(props, id, defaultPolicyName(this));

    this.policyJson = renderPolicy(buildPolicyDocument(this.settings));
    this.policy = new IamPolicy(this, "policy", {
      name: this.settings.policyName,
      path: this.settings.policyPath,
      description: POLICY_DESCRIPTION,
      policy: this.policyJson,
      tags: Object.keys(this.settings.tags).length > 0 ? { ...this.settings.tags } : undefined,
      lifecycle: REPLACE_WITHOUT_A_GAP,
    });
    const policyArn = this.policy.arn;
    const lifecycle = REPLACE_WITHOUT_A_GAP;
    for (const [id, group] of this.targetIds("group", this.settings.groups)) {
      new IamGroupPolicyAttachment(this, id, { group, policyArn, lifecycle });
    }
    for (const [id, role] of this.targetIds("role", this.settings.roles)) {
      new IamRolePolicyAttachment(this, id, { role, policyArn, lifecycle });
    }
    for (const [id, user] of this.targetIds("user", this.settings.users)) {
      new IamUserPolicyAttachment(this, id, { user, policyArn, lifecycle });
    }
  }

  /**
   * A construct id per target, derived from what the target is, never from its position: the
   * name (`role-Analyst`), or for a token the Terraform expression it stands for
   * (`role-aws_iam_role.analyst_1A2B3C4D.name`), so adding or reordering targets never replaces
   * another attachment. Two tokens for the same attribute get one attachment.
   */
  private targetIds(kind: string, names: readonly string[]): Map<string, string> {
    const ids = new Map<string, string>();
    for (const name of names) {
      const stable = Token.isUnresolved(name) ? this.expressionOf(name) : name;
      ids.set(`${kind}-${stable.replace(/\//g, "_")}`, name);
    }
    return ids;
  }

  private expressionOf(token: string): string {
    const resolver = new DefaultTokenResolver(new StringConcat());
    return String(Tokenization.resolve(token, { scope: this, resolver })).replace(/^\$\{|\}$/g, "");
  }
}

function validateProps(props: NotebookIpAllowlistProps, id: string, policyName: string): AllowlistSettings {
  const problems = new Problems();
  const input = readObject(props, id, ALLOWLIST_FIELDS, problems) ?? {};
  const settings = validateAllowlist(input, id, { policyName, allowTokens: true }, problems);
  problems.throwIfAny();
  return settings;
}

// Stable across synths and unique per construct path, so two allow-lists in one account or stack
// do not collide; long paths keep their end, where the distinguishing ids usually are.
function defaultPolicyName(scope: Construct): string {
  const path = scope.node.path.replace(/[^\w+=,.@-]+/g, "-");
  return `${PROJECT_NAME}-${path}`.slice(-128).replace(/^[^\w]+/, "");
}
