import { Testing } from "cdktf";
import { EnvironmentStack } from "../../modules/environment-stack";
import { ValidationError } from "../../modules/problems";
import type { EnvironmentConfig } from "../../modules/settings";
import { validateVariables } from "../../modules/validate-variables";

/** The parsed `cdk.tf.json` of a stack, as far as tests read it. */
export interface SynthesizedStack {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly terraform: { readonly backend: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  readonly provider: { readonly aws: readonly Record<string, unknown>[] };
  readonly output: Record<string, { readonly value: string }>;
}

/** Validates `variables` and synthesizes the named environment's stack in memory. */
export function synthEnvironment(variables: unknown, name: string): SynthesizedStack {
  const config = validateVariables(variables).find((environment) => environment.name === name);
  if (config === undefined) {
    throw new Error(`no environment ${name}`);
  }
  return synthConfig(config);
}

/** Synthesizes one already-validated environment's stack in memory. */
export function synthConfig(config: EnvironmentConfig): SynthesizedStack {
  const stack = new EnvironmentStack(Testing.app(), config);
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

/** The `policy` attribute (a JSON string) of the stack's only aws_iam_policy. */
export function policyOf(stack: SynthesizedStack): string {
  const policies = Object.values(stack.resource.aws_iam_policy ?? {});
  if (policies.length !== 1) {
    throw new Error(`expected one aws_iam_policy, found ${policies.length}`);
  }
  return policies[0].policy as string;
}

/** The smallest valid variables file with one environment `dev`, with `fields` merged in. */
export function oneEnvironment(fields: Record<string, unknown> = {}): { environments: Record<string, unknown> } {
  return { environments: { dev: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"], ...fields } } };
}

/** The problems validation reports for `input`; none when it is valid. */
export function problemsOf(input: unknown): readonly string[] {
  try {
    validateVariables(input);
  } catch (error) {
    if (error instanceof ValidationError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}
