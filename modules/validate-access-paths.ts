import { type IamAction, iamActionsOf, resolveAction, sagemakerResourceTypes } from "./iam-actions";
import type { Problems } from "./problems";
import { type InputObject, isEmptyList, ownValue, readList } from "./read-input";

/** The form of a VPC endpoint id. */
export const VPC_ENDPOINT_ID = /^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** The form of a VPC id. */
export const VPC_ID = /^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const PRINCIPAL_ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;
const IAM_PRINCIPAL_RESOURCE = /^(role|user)\/(?:[\x21-\x7e]*\/)?[\w+=,.@*?-]+$/;
const SAGEMAKER_ARN = /^arn:([^:]*):sagemaker:([^:]*):([^:]*):([a-z-]+)\/[\x21-\x7e]+$/;

/** Reads `allowedVpcEndpoints`: VPC endpoint ids, deduplicated and sorted. */
export function validateVpcEndpoints(input: InputObject, path: string, problems: Problems): string[] {
  return sortedUnique(readList(input, "allowedVpcEndpoints", path, problems, (id, itemPath) => checkVpcEndpointId(id, itemPath, problems)));
}

/** Reads `allowedVpcs`: VPC ids, deduplicated and sorted. */
export function validateVpcs(input: InputObject, path: string, problems: Problems): string[] {
  return sortedUnique(readList(input, "allowedVpcs", path, problems, (id, itemPath) => checkVpcId(id, itemPath, problems)));
}

/** The id if it is a VPC endpoint id; otherwise a problem at `path`, and undefined. */
export function checkVpcEndpointId(id: string, path: string, problems: Problems): string | undefined {
  return checkId(id, path, VPC_ENDPOINT_ID, '"vpce-" and 8 or 17 lowercase hex digits, such as "vpce-0123456789abcdef0"', problems);
}

/** The id if it is a VPC id; otherwise a problem at `path`, and undefined. */
export function checkVpcId(id: string, path: string, problems: Problems): string | undefined {
  return checkId(id, path, VPC_ID, '"vpc-" and 8 or 17 lowercase hex digits, such as "vpc-0123456789abcdef0"', problems);
}

function checkId(id: string, itemPath: string, form: RegExp, expected: string, problems: Problems): string | undefined {
  if (form.test(id)) {
    return id;
  }
  const hint = form.test(id.toLowerCase()) ? " (AWS writes these ids in lowercase)" : "";
  problems.add(itemPath, id, `is not a valid id${hint}`, expected);
  return undefined;
}

/**
 * Reads `exemptPrincipalArns`: IAM role or user ARNs in the environment's partition, matched with
 * `ArnLike`, so `*` and `?` may stand in the path and name, not in the partition, service or account.
 */
export function validateExemptPrincipals(input: InputObject, path: string, partition: string | undefined, problems: Problems): string[] {
  return sortedUnique(
    readList(input, "exemptPrincipalArns", path, problems, (arn, itemPath) => {
      const problem = checkPrincipalArn(arn, partition);
      if (problem !== undefined) {
        problems.add(
          itemPath,
          arn,
          problem,
          `"arn:${partition ?? "aws"}:iam::<12-digit account>:role/<name>" or ":user/<name>"; * and ? only in the path and name`,
        );
        return undefined;
      }
      return arn;
    }),
  );
}

/** What is wrong with an exempt principal ARN (pattern), or undefined. */
export function checkPrincipalArn(arn: string, partition: string | undefined): string | undefined {
  const parts = PRINCIPAL_ARN.exec(arn);
  if (parts === null) {
    return "is not an ARN";
  }
  const [, arnPartition, service, region, account, resource] = parts;
  if (service === "sts") {
    return "is a session ARN, but aws:PrincipalArn holds the role's ARN (arn:...:iam::<account>:role/<name>)";
  }
  if (service !== "iam" || region !== "" || !/^\d{12}$/.test(account)) {
    return "is not an IAM role or user ARN with a 12-digit account";
  }
  if (partition !== undefined && arnPartition !== partition) {
    return `is in partition "${arnPartition}", not the environment's "${partition}"`;
  }
  if (!IAM_PRINCIPAL_RESOURCE.test(resource)) {
    return "does not name a role or user";
  }
  const name = resource.slice(resource.lastIndexOf("/") + 1);
  if (/^[*?]+$/.test(name)) {
    return `has a name of wildcards only, which exempts every ${resource.split("/")[0]} it reaches and switches the policy off for them`;
  }
  return undefined;
}

/**
 * Reads `actions`: each must match real IAM actions (typos fail with the closest names). Returns
 * the canonical entries, deduplicated and sorted, with the actions each covers.
 */
export function validateActions(input: InputObject, path: string, problems: Problems): { text: string; matches: readonly IamAction[] }[] {
  const defaults = [{ text: "sagemaker:CreatePresignedNotebookInstanceUrl", matches: notebookUrlAction() }];
  if (ownValue(input, "actions") === undefined) {
    return defaults;
  }
  const resolved = readList(input, "actions", path, problems, (text, itemPath) => {
    const action = resolveAction(text);
    if ("problem" in action) {
      problems.add(itemPath, text, action.problem, action.expected);
      return undefined;
    }
    return action;
  });
  if (isEmptyList(ownValue(input, "actions"))) {
    problems.add(
      `${path}.actions`,
      [],
      "is empty, so the policy would guard nothing",
      "at least one action, or leave the field out for the default",
    );
  }
  const byText = new Map(resolved.map((action) => [action.text, action]));
  return [...byText.keys()].sort().map((text) => byText.get(text) as (typeof resolved)[number]);
}

function notebookUrlAction(): readonly IamAction[] {
  return iamActionsOf("sagemaker").filter((action) => action.name === "CreatePresignedNotebookInstanceUrl");
}

/**
 * Reads `resourceArns`: "*" (the default) or SageMaker ARNs of the environment's region and
 * partition, whose resource type is real. Every action must take at least one of those types, or
 * it would guard nothing.
 */
export function validateResourceArns(
  input: InputObject,
  path: string,
  where: { region?: string; partition?: string },
  actions: readonly { text: string; matches: readonly IamAction[] }[],
  problems: Problems,
): string[] {
  if (ownValue(input, "resourceArns") === undefined) {
    return ["*"];
  }
  const types = sagemakerResourceTypes();
  const entries = readList(input, "resourceArns", path, problems, (arn, itemPath) => {
    if (arn === "*") {
      return { arn, type: "*" };
    }
    const problem = checkResourceArn(arn, where, types);
    if (problem !== undefined) {
      const example = `"arn:${where.partition ?? "aws"}:sagemaker:${where.region ?? "<region>"}:<12-digit account>:notebook-instance/<name>"`;
      problems.add(itemPath, arn, problem, `"*" or a SageMaker ARN such as ${example}; * and ? only in the resource's name`);
      return undefined;
    }
    return { arn, type: (SAGEMAKER_ARN.exec(arn) as RegExpExecArray)[4] };
  });
  if (isEmptyList(ownValue(input, "resourceArns"))) {
    problems.add(`${path}.resourceArns`, [], "is empty, so the policy would guard nothing", '["*"], or leave the field out');
  }
  const typesListed = new Set(entries.map((entry) => entry.type));
  if (entries.length > 0 && !typesListed.has("*")) {
    for (const action of actions) {
      if (!action.matches.some((match) => match.resourceTypes.some((type) => typesListed.has(type)))) {
        const takes = [...new Set(action.matches.flatMap((match) => match.resourceTypes))];
        problems.add(
          `${path}.actions`,
          action.text,
          `takes ${takes.length > 0 ? takes.join(", ") : "no resource"} resources, none of which resourceArns lists, so it would not be guarded`,
          "resourceArns that include a resource type of every action",
        );
      }
    }
  }
  return sortedUnique(entries.map((entry) => entry.arn));
}

function checkResourceArn(arn: string, where: { region?: string; partition?: string }, types: readonly string[]): string | undefined {
  const parts = SAGEMAKER_ARN.exec(arn);
  if (parts === null) {
    return "is not a SageMaker resource ARN";
  }
  const [, partition, region, account, type] = parts;
  if (where.partition !== undefined && partition !== where.partition) {
    return `is in partition "${partition}", not the environment's "${where.partition}"`;
  }
  if (where.region !== undefined && region !== where.region) {
    return `is in region "${region}", not the environment's "${where.region}"`;
  }
  if (!/^\d{12}$/.test(account)) {
    return "does not have a 12-digit account id";
  }
  if (!types.includes(type)) {
    return `names an unknown SageMaker resource type "${type}"`;
  }
  return undefined;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
