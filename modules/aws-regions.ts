/**
 * AWS region names by partition, as published in the AWS General Reference (2026). A region that
 * is not listed is rejected, so a typo (`eu-wset-1`) fails synth instead of failing at apply time;
 * a region AWS opens later needs one line here.
 */
const REGIONS_BY_PARTITION: Readonly<Record<string, readonly string[]>> = {
  aws: [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
  ],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
  "aws-eusc": ["eusc-de-east-1"],
};

/** Every known region name, sorted. */
export const AWS_REGIONS: readonly string[] = Object.values(REGIONS_BY_PARTITION).flat().sort();

/** The partition (`aws`, `aws-cn`, ...) a known region belongs to, or undefined. */
export function partitionOfRegion(region: string): string | undefined {
  return Object.keys(REGIONS_BY_PARTITION).find((partition) => REGIONS_BY_PARTITION[partition].includes(region));
}
