import { validateVariables } from "../modules/validate-variables";
import { type SynthesizedStack, synthConfig } from "./support/synth";

// Terraform addresses are the contract with existing state: a change of CIDRs or targets, or a
// new environment, must keep every existing address, and change the policy's text in place.

function synthAll(variables: unknown): Map<string, SynthesizedStack> {
  return new Map(validateVariables(variables).map((config) => [config.name, synthConfig(config)]));
}

function addresses(stack: SynthesizedStack): string[] {
  return Object.entries(stack.resource).flatMap(([type, resources]) => Object.keys(resources).map((name) => `${type}.${name}`));
}

function withoutMetadata(resource: Record<string, unknown>): Record<string, unknown> {
  const { "//": _metadata, ...attributes } = resource;
  return attributes;
}

const before = {
  environments: {
    dev: {
      region: "eu-west-1",
      allowedCidrs: ["192.0.2.0/24"],
      groups: ["data-scientists"],
      roles: ["Analyst", "Engineer"],
      users: ["auditor"],
    },
    prod: { region: "us-east-1", allowedCidrs: ["198.51.100.0/24"], roles: ["Analyst"] },
  },
};
const after = {
  environments: {
    dev: {
      region: "eu-west-1",
      allowedCidrs: ["203.0.113.0/24", "192.0.2.0/25"],
      allowedVpcEndpoints: ["vpce-0a1b2c3d"],
      groups: ["admins", "data-scientists"],
      roles: ["Engineer", "NewTeam", "Analyst"],
      users: ["auditor"],
    },
    prod: { region: "us-east-1", allowedCidrs: ["198.51.100.0/24"], roles: ["Analyst"] },
    qa: { region: "eu-west-1", allowedCidrs: ["192.0.2.0/24"], roles: ["Analyst"] },
  },
};

describe("safe changes", () => {
  const old = synthAll(before);
  const changed = synthAll(after);

  test.each(["dev", "prod"])("every resource of %s keeps its address", (name) => {
    const kept = addresses(changed.get(name) as SynthesizedStack);
    for (const address of addresses(old.get(name) as SynthesizedStack)) {
      expect(kept).toContain(address);
    }
  });

  test("only the policy's document changes in place; attachments are untouched", () => {
    const [oldDev, newDev] = [old.get("dev"), changed.get("dev")] as SynthesizedStack[];
    for (const [type, resources] of Object.entries(oldDev.resource)) {
      for (const [name, resource] of Object.entries(resources)) {
        const { policy: oldPolicy, ...oldRest } = withoutMetadata(resource);
        const { policy: newPolicy, ...newRest } = withoutMetadata(newDev.resource[type][name]);
        expect(newRest).toEqual(oldRest);
        expect(newPolicy !== oldPolicy).toBe(type === "aws_iam_policy");
      }
    }
  });

  test("an untouched environment is byte-for-byte the same", () => {
    expect(JSON.stringify(changed.get("prod"))).toBe(JSON.stringify(old.get("prod")));
  });

  test("adding targets adds attachments and nothing else", () => {
    const oldAddresses = addresses(old.get("dev") as SynthesizedStack);
    const added = addresses(changed.get("dev") as SynthesizedStack).filter((address) => !oldAddresses.includes(address));
    expect(added.map((address) => address.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
      "aws_iam_group_policy_attachment.allowlist_group-admins",
      "aws_iam_role_policy_attachment.allowlist_role-NewTeam",
    ]);
  });

  test("the policy and its attachments are replaced create-before-destroy, so targets are never unprotected", () => {
    const dev = changed.get("dev") as SynthesizedStack;
    for (const type of [
      "aws_iam_policy",
      "aws_iam_group_policy_attachment",
      "aws_iam_role_policy_attachment",
      "aws_iam_user_policy_attachment",
    ]) {
      for (const resource of Object.values(dev.resource[type])) {
        expect(resource.lifecycle).toEqual({ create_before_destroy: true });
      }
    }
  });
});
