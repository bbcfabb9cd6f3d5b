/**
 * Seed and size of the property runs. `npm test` uses a fixed seed, so every run checks the same
 * cases; fast-check prints the seed and path of a failure, and PROPERTY_SEED replays it.
 * `npm run test:properties` runs many more cases.
 */
export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20261204);

/** Number of generated cases per property; PROPERTY_RUNS overrides. */
export function propertyRuns(standard: number): number {
  return Number(process.env.PROPERTY_RUNS ?? standard);
}
