import { findNonPublicRange } from "./address-ranges";
import { type CheckRequest, checkRequest } from "./check-request";
import { parseAddress } from "./cidr";
import { resolveAction } from "./iam-actions";
import { loadVariables } from "./load-variables";
import { NOTEBOOK_URL_ACTION } from "./policy-document";
import { Problems, ValidationError } from "./problems";
import { checkPrincipalArn, checkVpcEndpointId, checkVpcId } from "./validate-access-paths";

/** How to call `npm run check`. */
export const CHECK_USAGE = `usage: npm run check -- <environment> [<ip>] [--action NAME] [--vpce ID] [--vpc ID] [--principal ARN] [--resource ARN] [--via-aws-service]
  Answers whether a request would be allowed by the environment's allow-list: prints "allowed" or
  "denied" and why; exits 0 when allowed, 1 when denied, 2 on bad input. The address may be left
  out when --vpce or --vpc describes a request through a VPC endpoint.`;

const VALUE_OPTIONS = ["--action", "--vpce", "--vpc", "--principal", "--resource"] as const;

/**
 * `npm run check`: reads the same variables as synth (NOTEBOOK_IP_VARIABLES or variables.ts) and
 * decides one request with the same policy builder. Returns the exit code.
 */
export function runCheck(args: readonly string[], env: NodeJS.ProcessEnv, fallbackVariables: unknown): number {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(CHECK_USAGE);
    return 0;
  }
  try {
    const { environment, request } = parseArguments(args);
    const environments = loadVariables(env, fallbackVariables);
    const config = environments.find((candidate) => candidate.name === environment);
    if (config === undefined) {
      const known = environments.map((candidate) => candidate.name).join(", ");
      throw new ValidationError([`check.environment: "${environment}" is not an environment of the variables; expected one of ${known}`]);
    }
    const result = checkRequest(config.allowlist, request);
    console.log(`${result.decision}: ${result.reason}`);
    return result.decision === "allowed" ? 0 : 1;
  } catch (error) {
    if (error instanceof ValidationError) {
      console.error(`${error.message}\n${CHECK_USAGE}`);
      return 2;
    }
    throw error;
  }
}

function parseArguments(args: readonly string[]): { environment: string; request: CheckRequest } {
  const problems = new Problems();
  const positional: string[] = [];
  const options = new Map<string, string>();
  let viaAwsService = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--via-aws-service") {
      viaAwsService = true;
    } else if ((VALUE_OPTIONS as readonly string[]).includes(arg)) {
      if (i + 1 >= args.length) {
        problems.add(`check.${arg.slice(2)}`, undefined, "has no value", `${arg} followed by a value`);
      } else {
        options.set(arg.slice(2), args[++i]);
      }
    } else if (arg.startsWith("-")) {
      problems.add("check", arg, "is not an option", `${VALUE_OPTIONS.join(", ")} or --via-aws-service`);
    } else {
      positional.push(arg);
    }
  }
  const [environment, sourceIp, ...extra] = positional;
  if (environment === undefined) {
    problems.add("check.environment", undefined, "is required", "the name of an environment, such as dev");
  }
  if (extra.length > 0) {
    problems.add("check", extra, "are more arguments than expected", "an environment and at most one address");
  }
  const request: CheckRequest = {
    sourceIp: checkSourceIp(sourceIp, options, problems),
    action: checkAction(options.get("action"), problems),
    sourceVpce: optional(options.get("vpce"), (id) => checkVpcEndpointId(id, "check.vpce", problems)),
    sourceVpc: optional(options.get("vpc"), (id) => checkVpcId(id, "check.vpc", problems)),
    principalArn: checkPrincipal(options.get("principal"), problems),
    resourceArn: options.get("resource"),
    viaAwsService,
  };
  problems.throwIfAny();
  return { environment: environment as string, request };
}

function checkSourceIp(sourceIp: string | undefined, options: Map<string, string>, problems: Problems): string | undefined {
  if (sourceIp === undefined) {
    if (!options.has("vpce") && !options.has("vpc")) {
      problems.add(
        "check.ip",
        undefined,
        "is required for a request from the internet",
        "an IP address, or --vpce / --vpc for a request through a VPC endpoint",
      );
    }
    return undefined;
  }
  const address = parseAddress(sourceIp);
  if (address === undefined) {
    problems.add("check.ip", sourceIp, "is not an IP address", 'an IPv4 address such as "192.0.2.7" or an IPv6 address');
    return undefined;
  }
  const nonPublic = findNonPublicRange({ family: address.family, network: address.value, prefix: address.family === 4 ? 32 : 128 });
  if (nonPublic !== undefined) {
    problems.add(
      "check.ip",
      sourceIp,
      `is in ${nonPublic.text} (${nonPublic.reason}): AWS never sees such an address as aws:SourceIp`,
      "the public address your traffic leaves from, or --vpce / --vpc for a request from inside a VPC",
    );
    return undefined;
  }
  return sourceIp;
}

function checkAction(action: string | undefined, problems: Problems): string {
  if (action === undefined) {
    return NOTEBOOK_URL_ACTION;
  }
  const resolved = resolveAction(action);
  if ("problem" in resolved) {
    problems.add("check.action", action, resolved.problem, resolved.expected);
    return action;
  }
  if (resolved.matches.length !== 1 || /[*?]/.test(action)) {
    problems.add("check.action", action, "is a pattern", "one action, such as sagemaker:CreatePresignedDomainUrl");
    return action;
  }
  return resolved.text;
}

function optional(value: string | undefined, check: (value: string) => string | undefined): string | undefined {
  return value === undefined ? undefined : check(value);
}

function checkPrincipal(arn: string | undefined, problems: Problems): string | undefined {
  const problem = arn === undefined ? undefined : checkPrincipalArn(arn, undefined);
  if (problem !== undefined || (arn !== undefined && /[*?]/.test(arn))) {
    problems.add("check.principal", arn, problem ?? "is a pattern", '"arn:aws:iam::<account>:role/<name>" or ":user/<name>"');
  }
  return arn;
}
