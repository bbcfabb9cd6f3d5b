import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./support/run-synth";

// `help` lists every script of package.json, one line each, and nothing that is not a script.
const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).scripts);
const helpLines = readFileSync(join(PROJECT_ROOT, "help"), "utf8").split("\n");

// How a user types each script: npm's own shortcuts for test and the prepack lifecycle.
function command(script: string): string {
  return script === "test" ? "npm test" : script === "prepack" ? "npm pack" : `npm run ${script}`;
}

describe("help", () => {
  test.each(scripts)("lists the script %s on exactly one line, with a description", (script) => {
    const lines = helpLines.filter((line) =>
      new RegExp(`^ {4}${command(script).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} {2,}\\S`).test(line),
    );
    expect(lines).toHaveLength(1);
  });

  test("names no script that package.json does not have", () => {
    const named = helpLines.flatMap((line) => /^ {4}npm run ([\w:-]+) /.exec(line)?.[1] ?? []);
    expect(named.filter((script) => !scripts.includes(script))).toEqual([]);
  });
});
