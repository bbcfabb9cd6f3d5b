import { join } from "node:path";
import { Testing } from "cdktf";
import fc from "fast-check";
import { EnvironmentStack } from "../modules/environment-stack";
import { ValidationError } from "../modules/problems";
import { validateVariables } from "../modules/validate-variables";
import { PROPERTY_SEED, propertyRuns } from "./support/property-settings";
import { runSynth, scratchDir, writeText } from "./support/run-synth";

// Random and mutated variables never crash: every input ends in a ValidationError whose problems
// are one line each, or in environments that synthesize.

const VALID = {
  environments: {
    dev: {
      region: "eu-west-1",
      allowedCidrs: ["192.0.2.0/24", "2001:db8::/48"],
      allowedVpcEndpoints: ["vpce-0a1b2c3d"],
      exemptPrincipalArns: ["arn:aws:iam::111122223333:role/BreakGlass"],
      actions: ["sagemaker:CreatePresignedNotebookInstanceUrl"],
      roles: ["SageMakerNotebookUser"],
      tags: { team: "ml" },
      backend: { type: "s3", bucket: "state" },
    },
  },
};

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

function deeplyNested(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** Any JSON value, including the awkward ones: huge strings, unicode, deep nesting, prototype keys. */
const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("x".repeat(200_000), "\u0000", "\ud83d\ude00/24", "١٩٢.٠.٢.٠/٢٤", "192.0.2.0/24\n", "", " "),
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => JSON.parse(`{"${key}": {"polluted": true}}`)),
  fc.integer({ min: 1, max: 2000 }).map((depth) => JSON.parse(deeplyNested(depth))),
);

/** The valid file with one place (a top-level, environment, field or list item) replaced or added to. */
const mutatedFile: fc.Arbitrary<unknown> = fc
  .record({
    path: fc.constantFrom(
      [],
      ["environments"],
      ["environments", "dev"],
      ...Object.keys(VALID.environments.dev).map((field) => ["environments", "dev", field]),
      ["environments", "dev", "allowedCidrs", "0"],
      ["environments", "dev", "backend", "type"],
    ),
    key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 20 })),
    value: awkwardValue,
    replace: fc.boolean(),
  })
  .map(({ path, key, value, replace }) => {
    const file = JSON.parse(JSON.stringify(VALID));
    let parent = file;
    for (const segment of path.slice(0, -1)) {
      parent = parent[segment];
    }
    if (replace && path.length > 0) {
      parent[path[path.length - 1]] = value;
    } else {
      const target = path.length > 0 ? parent[path[path.length - 1]] : file;
      if (target !== null && typeof target === "object") {
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    // Through JSON text, as a real file arrives: "__proto__" becomes an own key.
    return JSON.parse(JSON.stringify(file));
  });

function checkOutcome(input: unknown): void {
  let environments: ReturnType<typeof validateVariables>;
  try {
    environments = validateVariables(input);
  } catch (error) {
    if (!(error instanceof ValidationError)) {
      throw error;
    }
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem).not.toContain("\n");
      expect(problem.length).toBeLessThan(2000);
    }
    return;
  }
  for (const config of environments) {
    expect(() => Testing.synth(new EnvironmentStack(Testing.app(), config))).not.toThrow();
  }
}

describe("the variables loader under fuzzing (seed printed on failure)", () => {
  test("random JSON values end in a clear validation error", () => {
    fc.assert(fc.property(awkwardValue, checkOutcome), { seed: PROPERTY_SEED, numRuns: propertyRuns(500) });
  });

  test("mutations of a valid file end in a clear validation error or a valid synth", () => {
    fc.assert(fc.property(mutatedFile, checkOutcome), { seed: PROPERTY_SEED, numRuns: propertyRuns(1000) });
  });

  test("prototype keys never pollute objects", () => {
    for (const key of PROTOTYPE_KEYS) {
      checkOutcome(
        JSON.parse(
          `{"environments": {"${key}": {"polluted": true}, "dev": {"region": "eu-west-1", "allowedCidrs": ["192.0.2.0/24"], "tags": {"${key}": "x"}}}}`,
        ),
      );
    }
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ["nested 100,000 levels deep", `{"environments": {"dev": ${deeplyNested(100_000)}}}`],
    ["a 10 MB string", JSON.stringify({ environments: { dev: { region: "x".repeat(10_000_000), allowedCidrs: ["192.0.2.0/24"] } } })],
    ["a prototype key as the environment", '{"environments": {"__proto__": {"region": "eu-west-1", "allowedCidrs": ["192.0.2.0/24"]}}}'],
    ["unicode everywhere", '{"environments": {"dév": {"region": "eu-wést-1", "allowedCidrs": ["١٩٢.٠.٢.٠/٢٤"], "roles": ["rôle"]}}}'],
  ])("synth as a process fails clearly on a file %s", (_name, text) => {
    const dir = scratchDir();
    const run = runSynth(join(dir, "out"), writeText(dir, "variables.json", text));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/problem\(s\) in the notebook IP allow-list settings/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
