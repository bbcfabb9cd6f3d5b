import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, renderReadme, renderSchema } from "./docs";

// `npm run docs`: rewrites schema/variables.schema.json and the README's generated tables from
// modules/ (the validator's constants and the TSDoc of modules/settings.ts). `npm test` fails
// when either is out of date.
writeFileSync(join(ROOT, "schema/variables.schema.json"), renderSchema());
const readmePath = join(ROOT, "README.md");
writeFileSync(readmePath, renderReadme(readFileSync(readmePath, "utf8")));
console.log("wrote schema/variables.schema.json and README.md's generated tables");
