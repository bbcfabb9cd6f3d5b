/** The name every default (policy, workspace, state key) starts with. */
export const PROJECT_NAME = "sagemaker-notebook-ip-allowlist";

/**
 * The allow-list policy's own settings: what the construct takes, and what each environment of
 * the variables file holds besides its provider and backend.
 */
export interface AllowlistProps {
  /**
   * Public networks (CIDR, or a bare address meaning /32 or /128) from which notebooks may be
   * opened. Aggregated into the fewest CIDRs that cover exactly the same addresses, so order and
   * duplicates change nothing. May be empty when endpoints or VPCs are listed.
   */
  readonly allowedCidrs: readonly string[];
  /**
   * VPC endpoint ids (`vpce-...`): requests through one of them are allowed. Such requests carry
   * no `aws:SourceIp`, so without this they are denied.
   * @default - no endpoints
   */
  readonly allowedVpcEndpoints?: readonly string[];
  /**
   * VPC ids (`vpc-...`): requests from inside one of them, through any VPC endpoint, are allowed.
   * @default - no VPCs
   */
  readonly allowedVpcs?: readonly string[];
  /**
   * IAM role or user ARNs (`ArnLike` patterns) that this policy never denies: break-glass and
   * automation. For a role session, this is the role's ARN, not the session's.
   * @default - no exemptions
   */
  readonly exemptPrincipalArns?: readonly string[];
  /**
   * Do not deny requests an AWS service makes on the caller's behalf (`aws:ViaAWSService`), as in
   * AWS's data-perimeter policies.
   * @default true
   */
  readonly exemptAwsServiceCalls?: boolean;
  /**
   * IAM actions the allow-list guards; each must name at least one real action.
   * @default ["sagemaker:CreatePresignedNotebookInstanceUrl"]
   */
  readonly actions?: readonly string[];
  /**
   * SageMaker resource ARNs (of the environment's region) to guard; patterns may use * and ?.
   * @default ["*"]: every resource
   */
  readonly resourceArns?: readonly string[];
  /**
   * IAM group names to attach the policy to.
   * @default - no groups
   */
  readonly groups?: readonly string[];
  /**
   * IAM role names to attach the policy to.
   * @default - no roles
   */
  readonly roles?: readonly string[];
  /**
   * IAM user names to attach the policy to.
   * @default - no users
   */
  readonly users?: readonly string[];
  /**
   * Name of the managed policy; unique in the account.
   * @default "sagemaker-notebook-ip-allowlist-<environment>" in the app; in the construct, "sagemaker-notebook-ip-allowlist-<construct path>"
   */
  readonly policyName?: string;
  /**
   * IAM path of the managed policy.
   * @default "/"
   */
  readonly policyPath?: string;
  /**
   * Tags on the managed policy.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Local state file, outside `cdktf.out`. */
export interface LocalBackendVariables {
  /** Selects this backend. */
  readonly type: "local";
  /**
   * State file path, relative to the project's root (where `cdktf.json` is).
   * @default "terraform.<environment>.tfstate"
   */
  readonly path?: string;
}

/** State in an S3 bucket. */
export interface S3BackendVariables {
  /** Selects this backend. */
  readonly type: "s3";
  /** Bucket that holds the state. */
  readonly bucket: string;
  /**
   * Object key of the state.
   * @default "sagemaker-notebook-ip-allowlist/<environment>.tfstate"
   */
  readonly key?: string;
  /**
   * Region of the bucket.
   * @default - the environment's region
   */
  readonly region?: string;
  /**
   * DynamoDB table for state locking.
   * @default - no DynamoDB locking
   */
  readonly dynamodbTable?: string;
  /**
   * Lock with a lock file in the bucket (Terraform 1.10+), instead of or besides DynamoDB.
   * @default false
   */
  readonly useLockfile?: boolean;
}

/** State in HCP Terraform / Terraform Enterprise, one named workspace per environment. */
export interface CloudBackendVariables {
  /** Selects this backend. */
  readonly type: "cloud";
  /** Organization that owns the workspace. */
  readonly organization: string;
  /**
   * Workspace name.
   * @default "sagemaker-notebook-ip-allowlist-<environment>"
   */
  readonly workspace?: string;
  /**
   * Hostname of Terraform Enterprise.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

/** Where an environment keeps its Terraform state. */
export type BackendVariables = LocalBackendVariables | S3BackendVariables | CloudBackendVariables;

/** One environment of the variables file: one stack, one AWS provider, one policy. */
export interface EnvironmentVariables extends AllowlistProps {
  /** AWS region of the provider, such as "eu-west-1". */
  readonly region: string;
  /**
   * Account ids the provider may act in; applying to any other account fails.
   * @default - any account
   */
  readonly allowedAccountIds?: readonly string[];
  /**
   * ARN of a role the provider assumes.
   * @default - the caller's own credentials
   */
  readonly assumeRoleArn?: string;
  /**
   * Where the environment's state lives.
   * @default - a local state file, "terraform.<environment>.tfstate" in the project's root
   */
  readonly backend?: BackendVariables;
}

/** The variables file: one entry per environment, keyed by the environment's (and stack's) name. */
export interface VariablesFile {
  /** The path or URL of the JSON Schema, for editors (in a JSON file). */
  readonly $schema?: string;
  /**
   * Values for every environment that does not set its own; allow-lists and targets combine,
   * restrictions and single values are replaced (see the README).
   */
  readonly defaults?: Partial<EnvironmentVariables>;
  /** One entry per environment, keyed by its name: the stack's and its folder's. */
  readonly environments: Readonly<Record<string, Partial<EnvironmentVariables>>>;
}

/** Allow-list settings after validation: canonical, sorted, defaults applied. */
export interface AllowlistSettings {
  readonly allowedCidrs: readonly string[];
  readonly allowedVpcEndpoints: readonly string[];
  readonly allowedVpcs: readonly string[];
  readonly exemptPrincipalArns: readonly string[];
  readonly exemptAwsServiceCalls: boolean;
  readonly actions: readonly string[];
  readonly resourceArns: readonly string[];
  readonly groups: readonly string[];
  readonly roles: readonly string[];
  readonly users: readonly string[];
  readonly policyName: string;
  readonly policyPath: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A backend after validation, with its defaults applied. */
export type BackendConfig =
  | { readonly type: "local"; readonly path: string }
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      readonly dynamodbTable?: string;
      readonly useLockfile: boolean;
    }
  | { readonly type: "cloud"; readonly organization: string; readonly workspace: string; readonly hostname: string };

/** One environment after validation. */
export interface EnvironmentConfig {
  readonly name: string;
  readonly region: string;
  readonly allowedAccountIds: readonly string[];
  readonly assumeRoleArn?: string;
  readonly backend: BackendConfig;
  readonly allowlist: AllowlistSettings;
}
