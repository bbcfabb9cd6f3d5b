import { runSimulation } from "@cloud-copilot/iam-simulate";

/** What the independent evaluator decided: allowed, or denied (explicitly or implicitly). */
export type Decision = "allowed" | "denied";

/** One request to decide: the action and the request context AWS would see. */
export interface RequestCase {
  readonly action?: string;
  readonly sourceIp?: string;
  readonly context?: Readonly<Record<string, string>>;
}

const ACCOUNT = "111122223333";
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/**
 * Decides a request with @cloud-copilot/iam-simulate, for a principal that has an allow-all policy
 * and the allow-list policy (the JSON string synth wrote) attached. Any "denied" therefore comes
 * from the allow-list.
 */
export async function decide(policyJson: string, request: RequestCase): Promise<Decision> {
  const context: Record<string, string> = { ...request.context };
  if (request.sourceIp !== undefined) {
    context["aws:SourceIp"] = request.sourceIp;
  }
  const result = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/SageMakerNotebookUser`,
        action: request.action ?? "sagemaker:CreatePresignedNotebookInstanceUrl",
        resource: { resource: `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:notebook-instance/analysis`, accountId: ACCOUNT },
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
