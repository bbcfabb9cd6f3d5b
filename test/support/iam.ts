import { runSimulation } from "@cloud-copilot/iam-simulate";

/** What the independent evaluator decided: allowed, or denied (explicitly or implicitly). */
export type Decision = "allowed" | "denied";

/** One request to decide: the action and the request context AWS would see. */
export interface RequestCase {
  readonly action?: string;
  /** The resource's ARN; by default one of the action's own resource type (see RESOURCES). */
  readonly resource?: string;
  readonly sourceIp?: string;
  /** The caller's IAM role or user ARN, also given as `aws:PrincipalArn`. */
  readonly principal?: string;
  readonly context?: Readonly<Record<string, string>>;
}

const ACCOUNT = "111122223333";
const DEFAULT_PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/SageMakerNotebookUser`;
const NOTEBOOK_ACTION = "sagemaker:CreatePresignedNotebookInstanceUrl";

// The evaluator checks that the resource is of a type the action takes, so each action the tests
// use names one.
const RESOURCES: Readonly<Record<string, string>> = {
  "sagemaker:CreatePresignedNotebookInstanceUrl": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:notebook-instance/analysis`,
  "sagemaker:DescribeNotebookInstance": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:notebook-instance/analysis`,
  "sagemaker:StartNotebookInstance": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:notebook-instance/analysis`,
  "sagemaker:CreatePresignedDomainUrl": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:user-profile/d-abcdefghijkl/analyst`,
  "sagemaker:CreatePresignedMlflowTrackingServerUrl": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:mlflow-tracking-server/experiments`,
  "sagemaker:CreatePresignedMlflowAppUrl": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:mlflow-app/app-0123456789ab`,
  "sagemaker:CreatePartnerAppPresignedUrl": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:partner-app/app-0123456789ab`,
  "sagemaker:CreateHubContentPresignedUrls": `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:hub-content/models/Model/llama`,
  "s3:GetObject": "arn:aws:s3:::example-bucket/data.csv",
};

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/**
 * Decides a request with @cloud-copilot/iam-simulate, for a principal that has an allow-all policy
 * and the allow-list policy (the JSON string synth wrote) attached. Any "denied" therefore comes
 * from the allow-list.
 */
export async function decide(policyJson: string, request: RequestCase): Promise<Decision> {
  const principal = request.principal ?? DEFAULT_PRINCIPAL;
  const context: Record<string, string> = { "aws:PrincipalArn": principal, ...request.context };
  if (request.sourceIp !== undefined) {
    context["aws:SourceIp"] = request.sourceIp;
  }
  const action = request.action ?? NOTEBOOK_ACTION;
  const result = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource: request.resource ?? resourceFor(action), accountId: ACCOUNT },
        contextVariables: context,
      },
      identityPolicies: [
        { name: "allow-all", policy: ALLOW_ALL },
        { name: "allowlist", policy: JSON.parse(policyJson) },
      ],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") {
    throw new Error(`the evaluator rejected the simulation: ${JSON.stringify(result.errors)}`);
  }
  if (result.resultType !== "single") {
    throw new Error(`expected a single result, got ${result.resultType}`);
  }
  return result.overallResult === "Allowed" ? "allowed" : "denied";
}

function resourceFor(action: string): string {
  const resource = RESOURCES[action];
  if (resource === undefined) {
    throw new Error(`no test resource for ${action}: add one to RESOURCES or pass request.resource`);
  }
  return resource;
}
