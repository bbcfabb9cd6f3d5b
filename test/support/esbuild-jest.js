"use strict";
// Jest transform: TypeScript to CommonJS with esbuild, no type-checking (`tsc --noEmit` in
// `npm test` does that once for the whole project, instead of once per test file).
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: "ts",
      format: "cjs",
      target: "node20",
      sourcemap: "external",
      sourcefile: filename,
    });
    return { code, map };
  },
};
