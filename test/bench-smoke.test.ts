import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, scratchDir } from "./support/run-synth";

// The benchmark is not run in CI (it takes minutes); this tiny case keeps it from rotting: it
// must run every command, the anchor included, and write its table, JSON and chart.
describe("npm run bench (smoke case)", () => {
  test("runs every command on a tiny input and writes results.json and synth-time.svg", () => {
    const out = scratchDir();
    const run = spawnSync(process.execPath, ["bench/run.js"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BENCH_SMOKE: "1", BENCH_OUT: out },
      encoding: "utf8",
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^4x5x3\s+anchor \(npx ts-node main\.ts\)\s+1\s+\d/m);
    expect(run.stdout).toMatch(/^4x5x3\s+cdktf\.json app \(node bin\/app\.js\)\s+1\s+\d/m);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results.sizes.map((size: { name: string }) => size.name)).toEqual(["4x5x3"]);
    expect(results.sizes[0].anchor.seconds.median).toBeGreaterThan(0);
    expect(readFileSync(join(out, "synth-time.svg"), "utf8")).toMatch(/^<svg [^>]*>[\s\S]*<polyline[\s\S]*<\/svg>\n$/);
  }, 120_000);
});
