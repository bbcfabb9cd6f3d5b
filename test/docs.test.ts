import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { ROOT, readFields, renderReadme, renderSchema } from "../scripts/docs";
import { variables } from "../variables";

// The schema and the README's tables are generated from the code (`npm run docs`); these tests
// fail when either is out of date, or when a public field lacks its TSDoc.

const schemaText = readFileSync(join(ROOT, "schema/variables.schema.json"), "utf8");
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(schemaText));

describe("generated documentation", () => {
  test("schema/variables.schema.json is up to date (run npm run docs)", () => {
    expect(schemaText).toBe(renderSchema());
  });

  test("the README's generated tables are up to date (run npm run docs)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toBe(renderReadme(readme));
  });

  test("every public field has a TSDoc summary, and every optional one an @default", () => {
    for (const [name, fields] of Object.entries(readFields())) {
      for (const field of fields) {
        expect([name, field.name, field.description.length > 0]).toEqual([name, field.name, true]);
        if (field.optional && field.name !== "type") {
          expect([name, field.name, field.default]).toEqual([name, field.name, expect.any(String)]);
        }
      }
    }
  });
});

describe("the variables schema, as an editor applies it", () => {
  test.each([
    ["the example JSON file", JSON.parse(readFileSync(join(ROOT, "examples/variables.json"), "utf8"))],
    ["variables.ts", JSON.parse(JSON.stringify(variables))],
    [
      "a file with defaults",
      {
        defaults: { allowedCidrs: ["198.51.100.0/24"], backend: { type: "cloud", organization: "acme" } },
        environments: { dev: { region: "eu-west-1" } },
      },
    ],
  ])("accepts %s", (_name, file) => {
    expect(validate(file) ? [] : validate.errors).toEqual([]);
  });

  test.each([
    ["an unknown field", { environments: { dev: { region: "eu-west-1", allowedCidrs: [], allowedCidr: [] } } }],
    ["an unknown region", { environments: { dev: { region: "eu-wset-1", allowedCidrs: [] } } }],
    ["a malformed endpoint id", { environments: { dev: { region: "eu-west-1", allowedCidrs: [], allowedVpcEndpoints: ["vpce-XYZ"] } } }],
    ["a role name with a space", { environments: { dev: { region: "eu-west-1", allowedCidrs: [], roles: ["Data Scientist"] } } }],
    ["an s3 backend without a bucket", { environments: { dev: { region: "eu-west-1", allowedCidrs: [], backend: { type: "s3" } } } }],
    ["an environment name with a space", { environments: { "my env": { region: "eu-west-1", allowedCidrs: [] } } }],
    ["no environments", {}],
  ])("rejects %s", (_name, file) => {
    expect(validate(file)).toBe(false);
  });
});
