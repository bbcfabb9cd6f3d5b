// The library's public API: the construct and its props, the variables file's types and
// validation, and the pure policy builder. Everything else in modules/ is internal.

export type { NotebookIpAllowlistProps } from "./notebook-ip-allowlist";
export { NotebookIpAllowlist } from "./notebook-ip-allowlist";
export type { PolicyDocument, PolicySettings, PolicyStatement } from "./policy-document";
export { buildPolicyDocument, MANAGED_POLICY_MAX_CHARACTERS, policySize, renderPolicy } from "./policy-document";
export { ValidationError } from "./problems";
export type {
  AllowlistProps,
  AllowlistSettings,
  BackendConfig,
  BackendVariables,
  CloudBackendVariables,
  EnvironmentConfig,
  EnvironmentVariables,
  LocalBackendVariables,
  S3BackendVariables,
  VariablesFile,
} from "./settings";
export { validateVariables } from "./validate-variables";
