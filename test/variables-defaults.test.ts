import { validateVariables } from "../modules/validate-variables";
import { problemsOf } from "./support/synth";

const OFFICE = ["198.51.100.0/24"];

describe("defaults shared by every environment", () => {
  const [dev, prod] = validateVariables({
    $schema: "./schema/variables.schema.json",
    defaults: {
      region: "eu-west-1",
      allowedCidrs: OFFICE,
      exemptPrincipalArns: ["arn:aws:iam::111122223333:role/BreakGlass"],
      roles: ["PlatformAdmin"],
      allowedAccountIds: ["111122223333"],
      tags: { owner: "ml-platform", costCentre: "42" },
      backend: { type: "cloud", organization: "acme" },
    },
    environments: {
      dev: { allowedCidrs: ["203.0.113.0/24"], roles: ["Analyst"], tags: { costCentre: "7" } },
      prod: {
        region: "us-east-1",
        allowedCidrs: [],
        allowedAccountIds: ["444455556666"],
        backend: { type: "s3", bucket: "prod-state" },
        exemptPrincipalArns: ["arn:aws:iam::111122223333:role/Deployer"],
      },
    },
  });

  test("lists that allow or attach combine: the defaults' entries, then the environment's", () => {
    expect(dev.allowlist.allowedCidrs).toEqual(["198.51.100.0/24", "203.0.113.0/24"]);
    expect(dev.allowlist.roles).toEqual(["Analyst", "PlatformAdmin"]);
    expect(prod.allowlist.allowedCidrs).toEqual(["198.51.100.0/24"]);
    expect(prod.allowlist.exemptPrincipalArns).toEqual([
      "arn:aws:iam::111122223333:role/BreakGlass",
      "arn:aws:iam::111122223333:role/Deployer",
    ]);
  });

  test("lists that restrict, and single values, are the environment's own when it sets them", () => {
    expect(dev.allowedAccountIds).toEqual(["111122223333"]);
    expect(prod.allowedAccountIds).toEqual(["444455556666"]);
    expect(dev.region).toBe("eu-west-1");
    expect(prod.region).toBe("us-east-1");
  });

  test("tags merge key by key, the environment's winning", () => {
    expect(dev.allowlist.tags).toEqual({ costCentre: "7", owner: "ml-platform" });
  });

  test("a backend of the same type merges (the organization shared), of another type replaces", () => {
    expect(dev.backend).toEqual({
      type: "cloud",
      organization: "acme",
      workspace: "sagemaker-notebook-ip-allowlist-dev",
      hostname: "app.terraform.io",
    });
    expect(prod.backend).toMatchObject({ type: "s3", bucket: "prod-state" });
  });

  test("a mistake in the defaults is reported once, where it was written; the environment's own entries keep their positions", () => {
    const problems = problemsOf({
      defaults: { region: "eu-wset-1", allowedCidrs: ["10.0.0.0/8", "198.51.100.0/24"], tags: { "aws:x": "y" } },
      environments: {
        dev: { allowedCidrs: ["52.94.76.9/22"] },
        prod: { region: "us-east-1", allowedCidrs: [] },
      },
    });
    expect(problems.map((problem) => problem.slice(0, problem.indexOf(":")))).toEqual([
      "defaults.region",
      "defaults.allowedCidrs[0]",
      "dev.allowedCidrs[0]",
      "defaults.tags.aws",
    ]);
  });

  test.each([
    [
      { defaults: { allowedCidr: [] }, environments: { dev: { region: "eu-west-1", allowedCidrs: OFFICE } } },
      'defaults.allowedCidr: [] is not a known field (did you mean "allowedCidrs"?)',
    ],
    [
      { defaults: { roles: "Analyst" }, environments: { dev: { region: "eu-west-1", allowedCidrs: OFFICE, roles: ["x"] } } },
      'defaults.roles: "Analyst" is a string; expected a list of strings',
    ],
    [{ defaults: [], environments: { dev: { region: "eu-west-1", allowedCidrs: OFFICE } } }, "defaults: [] is a list; expected an object"],
  ])("rejects malformed defaults %#", (input, message) => {
    expect(problemsOf(input).join("\n")).toContain(message);
  });
});
