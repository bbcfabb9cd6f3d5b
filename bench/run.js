#!/usr/bin/env node
"use strict";
// `npm run bench`: synth timed as whole processes, side by side with the cdktf template's way of
// writing the same job (bench/anchor), on variables files of growing size given through
// NOTEBOOK_IP_VARIABLES. Prints a table and the targets, writes results.json and synth-time.svg.
//
// Only ratios measured in one run mean anything on a shared machine; no absolute time is a target
// by itself. BENCH_SMOKE=1 runs a tiny case once (the test suite does, so this file cannot rot).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { renderChart } = require("./chart");

const root = path.resolve(__dirname, "..");
const smoke = process.env.BENCH_SMOKE === "1";
const outDir = process.env.BENCH_OUT || path.join(__dirname, "results");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "notebook-allowlist-bench-"));
const timeBinary = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const PROJECT_RUNS = smoke ? 1 : 5;
const ANCHOR_RUNS = smoke ? 1 : 3;
const SIZES = smoke
  ? [{ name: "4x5x3", environments: 4, cidrs: 5, attachments: 3 }]
  : [
      { name: "examples" },
      { name: "10x100x10", environments: 10, cidrs: 100, attachments: 10 },
      { name: "100x100x10", environments: 100, cidrs: 100, attachments: 10 },
      { name: "1000x100x10", environments: 1000, cidrs: 100, attachments: 10 },
    ];
// The anchor takes 10-15 s a run whatever the size (ts-node type-checks the provider's root
// namespaces); the two ends of the range keep a full run under three minutes.
const ANCHOR_SIZES = smoke ? ["4x5x3"] : ["examples", "1000x100x10"];

const COMMANDS = {
  floor: { label: "node -e 0", argv: [process.execPath, "-e", "0"], cwd: root },
  app: { label: "cdktf.json app (node bin/app.js)", argv: [process.execPath, "bin/app.js"], cwd: root },
  npm: { label: "npm run synth", argv: ["npm", "run", "--silent", "synth"], cwd: root },
  anchor: {
    label: "anchor (npx ts-node main.ts)",
    argv: ["npx", "--no-install", "ts-node", "main.ts"],
    cwd: path.join(__dirname, "anchor"),
    // The smoke run only proves that the anchor still works; type-checking it takes ten seconds.
    env: smoke ? { TS_NODE_TRANSPILE_ONLY: "true" } : {},
  },
};

/** The example environments of variables.ts, as the JSON that NOTEBOOK_IP_VARIABLES takes. */
function exampleVariables() {
  const esbuild = require("esbuild");
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [path.join(root, "variables.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    write: false,
    logLevel: "error",
  });
  const module = { exports: {} };
  new Function("module", "exports", "require", outputFiles[0].text)(module, module.exports, require);
  return module.exports.variables;
}

/** `environments` environments, each with `cidrs` separate public /24s and `attachments` targets. */
function generatedVariables({ environments, cidrs, attachments }) {
  const result = {};
  for (let e = 0; e < environments; e++) {
    const allowedCidrs = [];
    for (let i = 0; i < cidrs; i++) {
      const n = (e * cidrs + i) * 2; // every other /24, so aggregation cannot merge them
      allowedCidrs.push(`${20 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}.0/24`);
    }
    const names = Array.from({ length: attachments }, (_, i) => i);
    result[`env${e}`] = {
      region: "eu-west-1",
      allowedCidrs,
      roles: names.filter((i) => i % 3 === 0).map((i) => `role${i}`),
      groups: names.filter((i) => i % 3 === 1).map((i) => `group${i}`),
      users: names.filter((i) => i % 3 === 2).map((i) => `user${i}`),
    };
  }
  return { environments: result };
}

function writeVariables(size) {
  const file = path.join(work, `${size.name}.json`);
  fs.writeFileSync(file, JSON.stringify(size.environments ? generatedVariables(size) : exampleVariables()));
  return file;
}

/** Runs a command once as a whole process: wall seconds and peak resident memory (MiB). */
function runOnce(command, variablesFile) {
  const outdir = fs.mkdtempSync(path.join(work, "out-"));
  const env = { ...process.env, ...command.env, NOTEBOOK_IP_VARIABLES: variablesFile, CDKTF_OUTDIR: outdir };
  const argv = timeBinary ? [timeBinary, "-f", "%e %M", ...command.argv] : command.argv;
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: command.cwd, env, encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command.label} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  const timeLine = timeBinary ? result.stderr.trim().split("\n").pop() : undefined;
  const peakKb = timeLine ? Number(timeLine.split(" ")[1]) : NaN;
  return { seconds: wall, peakMiB: peakKb / 1024 };
}

// Runs alternate between the commands (a, b, a, b, ...), so a slow spell of the shared machine
// falls on all of them rather than on whichever ran then.
function measure(commands, variablesFile, runs) {
  const samples = commands.map(() => []);
  for (let run = 0; run < runs; run++) {
    commands.forEach((command, index) => {
      samples[index].push(runOnce(command, variablesFile));
    });
  }
  return samples.map((list) => ({
    runs,
    seconds: summary(list.map((sample) => sample.seconds)),
    peakMiB: summary(list.map((sample) => sample.peakMiB)),
  }));
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: values };
}

function main() {
  const started = Date.now();
  const files = Object.fromEntries(SIZES.map((size) => [size.name, writeVariables(size)]));
  if (!smoke) {
    // Warm-up: builds bin/app.js's bundle and fills the disk cache for every command.
    runOnce(COMMANDS.app, files.examples);
    runOnce(COMMANDS.npm, files.examples);
    runOnce(COMMANDS.anchor, files.examples);
  }

  const [floor] = measure([COMMANDS.floor], Object.values(files)[0], PROJECT_RUNS);
  const results = { floor, sizes: [] };
  for (const size of SIZES) {
    const entry = { ...size, environments: size.environments ?? Object.keys(exampleVariables().environments).length };
    // The smoke run leaves out `npm run synth`: it is the app command behind npm's own start-up.
    const project = smoke ? [COMMANDS.app] : [COMMANDS.app, COMMANDS.npm];
    [entry.app, entry.npm] = measure(project, files[size.name], PROJECT_RUNS);
    if (ANCHOR_SIZES.includes(size.name)) {
      [entry.anchor] = measure([COMMANDS.anchor], files[size.name], ANCHOR_RUNS);
    }
    results.sizes.push(entry);
    process.stderr.write(`measured ${size.name}\n`);
  }
  results.machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  results.footprint = footprint();
  results.targets = smoke ? [] : targets(results);
  results.totalSeconds = (Date.now() - started) / 1000;

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, "synth-time.svg"), renderChart(results));
  console.log(report(results));
  fs.rmSync(work, { recursive: true, force: true });
}

function targets(results) {
  const examples = results.sizes.find((size) => size.name === "examples");
  const big = results.sizes.find((size) => size.name === "1000x100x10");
  const hundred = results.sizes.find((size) => size.name === "100x100x10");
  const check = (name, value, limit, unit = "") => ({ name, value, limit, unit, met: value <= limit });
  return [
    check("examples: npm run synth time / anchor time", examples.npm.seconds.median / examples.anchor.seconds.median, 1 / 20),
    check("examples: app time / anchor time", examples.app.seconds.median / examples.anchor.seconds.median, 1 / 20),
    check("examples: npm run synth peak memory / anchor's", examples.npm.peakMiB.median / examples.anchor.peakMiB.median, 1 / 10),
    check("examples: app time / node -e 0", examples.app.seconds.median / results.floor.seconds.median, 4),
    check("1000x100x10: app time", big.app.seconds.median, 5, " s"),
    check("1000x100x10: app peak memory", big.app.peakMiB.median, 400, " MiB"),
    check("1000 vs 100 environments: time ratio", big.app.seconds.median / hundred.app.seconds.median, 12),
  ];
}

// What a consumer of the library installs: its dependencies and peers (cdktf, constructs, the AWS
// provider, which it needs anyway) and everything they pull in, from package-lock.json.
function footprint() {
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const direct = [...Object.keys(packageJson.dependencies ?? {}), ...Object.keys(packageJson.peerDependencies ?? {})];
  const seen = new Set();
  const queue = direct.map((name) => `node_modules/${name}`);
  while (queue.length > 0) {
    const key = queue.shift();
    const entry = lock.packages[key];
    if (entry === undefined || seen.has(key)) {
      continue;
    }
    seen.add(key);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.peerDependencies, ...entry.optionalDependencies })) {
      // npm places a dependency in the nearest node_modules up from its dependent.
      const candidates = [`${key}/node_modules/${name}`, ...ancestors(key).map((prefix) => `${prefix}node_modules/${name}`)];
      const found = candidates.find((candidate) => lock.packages[candidate] !== undefined);
      if (found !== undefined) {
        queue.push(found);
      }
    }
  }
  const installed = [...seen].map((key) => path.join(root, key)).filter((dir) => fs.existsSync(dir));
  return {
    dependencies: Object.keys(packageJson.dependencies ?? {}),
    peerDependencies: Object.keys(packageJson.peerDependencies ?? {}),
    consumerPackages: installed.length,
    consumerMiB: duMiB(installed),
    nodeModulesMiB: duMiB([path.join(root, "node_modules")]),
  };
}

// "node_modules/a/node_modules/b" -> ["node_modules/a/", ""]: the folders npm searches upwards.
function ancestors(key) {
  const parts = key.split("/node_modules/");
  return parts.map((_, i) => (i === 0 ? "" : `${parts.slice(0, i).join("/node_modules/")}/`)).reverse();
}

function duMiB(paths) {
  if (paths.length === 0) {
    return 0;
  }
  const result = spawnSync("du", ["-sck", ...paths], { encoding: "utf8", maxBuffer: 1 << 26 });
  const total = result.stdout.trim().split("\n").pop();
  return Math.round(Number(total.split(/\s+/)[0]) / 1024);
}

function report(results) {
  const rows = [["case", "command", "runs", "median s", "min-max s", "x anchor", "x node -e 0", "peak MiB"]];
  const floor = results.floor.seconds.median;
  rows.push([
    "-",
    COMMANDS.floor.label,
    results.floor.runs,
    fmt(floor),
    range(results.floor.seconds),
    "",
    "1.0",
    fmt(results.floor.peakMiB.median, 0),
  ]);
  for (const size of results.sizes) {
    for (const key of ["app", "npm", "anchor"]) {
      const measured = size[key];
      if (!measured) {
        continue;
      }
      const anchor = size.anchor ? fmt(measured.seconds.median / size.anchor.seconds.median, 3) : "";
      rows.push([
        size.name,
        COMMANDS[key].label,
        measured.runs,
        fmt(measured.seconds.median),
        range(measured.seconds),
        anchor,
        fmt(measured.seconds.median / floor, 1),
        fmt(measured.peakMiB.median, 0),
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  );
  lines.push("");
  for (const target of results.targets) {
    lines.push(
      `${target.met ? "met " : "MISS"}  ${target.name}: ${fmt(target.value, 3)}${target.unit} (target <= ${fmt(target.limit, 3)}${target.unit})`,
    );
  }
  const { footprint: f } = results;
  lines.push(
    `install: node_modules ${f.nodeModulesMiB} MiB with dev tools; a consumer installs ${f.dependencies.length} dependencies (${f.dependencies.join(", ")}) and ${f.peerDependencies.length} peers (${f.peerDependencies.join(", ")}): ${f.consumerPackages} packages, ${f.consumerMiB} MiB`,
  );
  lines.push(
    `machine: ${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, Node.js ${results.machine.node}; whole run ${fmt(results.totalSeconds, 0)} s`,
  );
  return lines.join("\n");
}

function fmt(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

function range(summary) {
  return `${fmt(summary.min)}-${fmt(summary.max)}`;
}

main();
