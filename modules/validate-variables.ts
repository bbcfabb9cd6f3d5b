import { AWS_REGIONS, partitionOfRegion } from "./aws-regions";
import { closestName, Problems } from "./problems";
import { type InputObject, isPlainObject, ownValue, readBoolean, readList, readObject, readString } from "./read-input";
import { type BackendConfig, type EnvironmentConfig, PROJECT_NAME } from "./settings";
import { ALLOWLIST_FIELDS, validateAllowlist } from "./validate-allowlist";
import { checkDefaultLists, mergeDefaults } from "./variables-defaults";

/** The fields of one environment in the variables file. */
export const ENVIRONMENT_FIELDS = ["region", ...ALLOWLIST_FIELDS, "allowedAccountIds", "assumeRoleArn", "backend"] as const;

const REGION_EXPECTED = 'an AWS region name such as "eu-west-1"';
/** The form of an environment name: it names the stack and its folder. */
export const ENVIRONMENT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** The form of an AWS account id. */
export const ACCOUNT_ID = /^\d{12}$/;
/** The form of an IAM role ARN (capturing partition, account). */
export const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
/** The fields of each backend type. */
export const BACKEND_FIELDS = {
  local: ["type", "path"],
  s3: ["type", "bucket", "key", "region", "dynamodbTable", "useLockfile"],
  cloud: ["type", "organization", "workspace", "hostname"],
} as const;

/**
 * Validates a whole variables file (from `variables.ts` or JSON) and returns every environment
 * normalized, in name order. Throws a {@link ValidationError} listing every problem at once.
 */
export function validateVariables(input: unknown): EnvironmentConfig[] {
  const problems = new Problems();
  const file = readObject(input, "variables", ["$schema", "defaults", "environments"], problems);
  const environments = file === undefined ? undefined : ownValue(file, "environments");
  const defaults = file === undefined ? undefined : readDefaults(ownValue(file, "defaults"), problems);
  if (file !== undefined && !isPlainObject(environments)) {
    problems.add("variables.environments", environments, "is not an object of environments", 'an object like {"dev": {...}}');
  }
  const configs: EnvironmentConfig[] = [];
  if (isPlainObject(environments)) {
    const names = Object.keys(environments).sort();
    if (names.length === 0) {
      problems.add("variables.environments", environments, "has no environments", "at least one environment");
    }
    checkEnvironmentNames(names, problems);
    for (const name of names) {
      const config = validateEnvironment(name, environments[name], defaults, problems);
      if (config !== undefined) {
        configs.push(config);
      }
    }
  }
  problems.throwIfAny();
  return configs;
}

function checkEnvironmentNames(names: readonly string[], problems: Problems): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    if (!ENVIRONMENT_NAME.test(name)) {
      problems.add(
        name,
        name,
        "cannot be an environment name (it names the stack and its folder)",
        "1-64 letters, digits, - and _, starting with a letter",
      );
    }
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      problems.add(name, name, `differs from "${earlier}" only in case, and their folders would collide`, "distinct names");
    }
    seen.set(name.toLowerCase(), name);
  }
}

function readDefaults(value: unknown, problems: Problems): InputObject | undefined {
  if (value === undefined) {
    return undefined;
  }
  const defaults = readObject(value, "defaults", ENVIRONMENT_FIELDS, problems);
  if (defaults !== undefined) {
    checkDefaultLists(defaults, problems);
  }
  return defaults;
}

function validateEnvironment(
  name: string,
  value: unknown,
  defaults: InputObject | undefined,
  problems: Problems,
): EnvironmentConfig | undefined {
  const own = readObject(value, name, ENVIRONMENT_FIELDS, problems);
  if (own === undefined) {
    return undefined;
  }
  const merged = mergeDefaults(name, defaults, own);
  return problems.withPaths(merged.originOf, () => validateMerged(name, merged.input, problems));
}

function validateMerged(name: string, input: InputObject, problems: Problems): EnvironmentConfig {
  const region = validateRegion(input, name, problems);
  return {
    name,
    region,
    allowedAccountIds: readList(input, "allowedAccountIds", name, problems, (id, path) => {
      if (!ACCOUNT_ID.test(id)) {
        problems.add(path, id, "is not an AWS account id", "12 digits");
        return undefined;
      }
      return id;
    }),
    assumeRoleArn: validateRoleArn(input, name, region, problems),
    backend: validateBackend(input, name, region, problems),
    allowlist: validateAllowlist(input, name, { policyName: `${PROJECT_NAME}-${name}`, ...regionContext(region) }, problems),
  };
}

// Resource and principal ARNs are checked against the region only once the region itself is valid.
function regionContext(region: string): { region?: string; partition?: string } {
  const partition = partitionOfRegion(region);
  return partition === undefined ? {} : { region, partition };
}

function validateRegion(input: InputObject, path: string, problems: Problems): string {
  const region = readString(input, "region", path, problems, REGION_EXPECTED);
  if (region !== undefined && partitionOfRegion(region) === undefined) {
    const guess = closestName(region, AWS_REGIONS);
    problems.add(
      `${path}.region`,
      region,
      `is not an AWS region${guess === undefined ? "" : ` (did you mean "${guess}"?)`}`,
      REGION_EXPECTED,
    );
  }
  return region ?? "";
}

function validateRoleArn(input: InputObject, path: string, region: string, problems: Problems): string | undefined {
  const arn = readString(input, "assumeRoleArn", path, problems);
  if (arn === undefined) {
    return undefined;
  }
  const match = ROLE_ARN.exec(arn);
  const partition = partitionOfRegion(region);
  if (match === null) {
    problems.add(`${path}.assumeRoleArn`, arn, "is not an IAM role ARN", '"arn:aws:iam::<12-digit account>:role/<name>"');
  } else if (partition !== undefined && match[1] !== partition) {
    problems.add(
      `${path}.assumeRoleArn`,
      arn,
      `is in partition "${match[1]}", but region ${region} is in "${partition}"`,
      `an ARN starting "arn:${partition}:iam::"`,
    );
  }
  return arn;
}

function validateBackend(input: InputObject, path: string, region: string, problems: Problems): BackendConfig {
  const backendPath = `${path}.backend`;
  const value = ownValue(input, "backend");
  const fallback: BackendConfig = { type: "local", path: `terraform.${path}.tfstate` };
  if (value === undefined) {
    return fallback;
  }
  const type = isPlainObject(value) ? ownValue(value, "type") : undefined;
  if (type !== "local" && type !== "s3" && type !== "cloud") {
    problems.add(
      isPlainObject(value) ? `${backendPath}.type` : backendPath,
      isPlainObject(value) ? type : value,
      "is not a backend type",
      'an object whose "type" is "local", "s3" or "cloud"',
    );
    return fallback;
  }
  const backend = readObject(value, backendPath, BACKEND_FIELDS[type], problems) ?? {};
  const read = (key: string, required?: string): string | undefined => readString(backend, key, backendPath, problems, required);
  if (type === "local") {
    return { type, path: validateStatePath(read("path") ?? fallback.path, backendPath, problems) };
  }
  if (type === "s3") {
    const ownRegion = read("region");
    const bucketRegion = ownRegion ?? region;
    if (ownRegion !== undefined && partitionOfRegion(ownRegion) === undefined) {
      problems.add(`${backendPath}.region`, bucketRegion, "is not an AWS region", REGION_EXPECTED);
    }
    return {
      type,
      bucket: checkNonEmpty(read("bucket", "the name of the S3 bucket that holds the state"), `${backendPath}.bucket`, problems),
      key: read("key") ?? `${PROJECT_NAME}/${path}.tfstate`,
      region: bucketRegion,
      dynamodbTable: read("dynamodbTable"),
      useLockfile: readBoolean(backend, "useLockfile", backendPath, problems) ?? false,
    };
  }
  return {
    type,
    organization: checkNonEmpty(read("organization", "the Terraform Cloud organization's name"), `${backendPath}.organization`, problems),
    workspace: read("workspace") ?? `${PROJECT_NAME}-${path}`,
    hostname: read("hostname") ?? "app.terraform.io",
  };
}

function validateStatePath(statePath: string, path: string, problems: Problems): string {
  const normalized = statePath.replace(/\\/g, "/");
  const segments = normalized.split("/");
  if (normalized.startsWith("/") || /^[A-Za-z]:/.test(normalized)) {
    problems.add(
      `${path}.path`,
      statePath,
      "is absolute, so the output would differ between checkouts",
      "a path relative to the project's root",
    );
  } else if (segments[0] === "cdktf.out" || segments.includes("..") || normalized.endsWith("/") || normalized === "") {
    problems.add(
      `${path}.path`,
      statePath,
      "is not a file inside the project outside cdktf.out (synth rewrites cdktf.out and the state would be lost)",
      'a relative file path such as "state/terraform.dev.tfstate"',
    );
  }
  return normalized;
}

function checkNonEmpty(value: string | undefined, path: string, problems: Problems): string {
  if (value === "") {
    problems.add(path, value, "is empty", "a name");
  }
  return value ?? "";
}
