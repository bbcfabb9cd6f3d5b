import type { VariablesFile } from "./modules/settings";

/**
 * The environments this project deploys: one stack each, named after the key. Checked by the
 * compiler here (`satisfies`) and again at run time, with the same rules as a JSON variables file
 * named by NOTEBOOK_IP_VARIABLES. The addresses are documentation ranges (RFC 5737, RFC 3849):
 * replace them with your networks' public egress ranges.
 */
export const variables = {
  environments: {
    dev: {
      region: "eu-west-1",
      allowedCidrs: ["192.0.2.0/24", "2001:db8:1234::/48"],
      groups: ["data-scientists"],
      roles: ["SageMakerNotebookUser"],
    },
    staging: {
      region: "us-east-2",
      allowedCidrs: ["198.51.100.0/24", "192.0.2.10"],
      roles: ["SageMakerNotebookUser", "MLPlatformEngineer"],
      allowedVpcEndpoints: ["vpce-0a1b2c3d4e5f60718"],
      actions: ["sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:CreatePresignedDomainUrl"],
      allowedAccountIds: ["111122223333"],
      tags: { environment: "staging", owner: "ml-platform" },
    },
    prod: {
      region: "ap-southeast-2",
      allowedCidrs: ["203.0.113.0/25", "2001:db8:abcd::/48"],
      groups: ["data-scientists", "ml-leads"],
      users: ["notebook-auditor"],
      exemptPrincipalArns: ["arn:aws:iam::444455556666:role/BreakGlass"],
      allowedAccountIds: ["444455556666"],
      backend: {
        type: "s3",
        bucket: "example-terraform-state",
        key: "sagemaker-notebook-ip-allowlist/prod.tfstate",
        region: "ap-southeast-2",
        dynamodbTable: "terraform-locks",
      },
      tags: { environment: "prod", owner: "ml-platform" },
    },
  },
} satisfies VariablesFile;
