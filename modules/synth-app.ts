import { App } from "cdktf";
import { EnvironmentStack } from "./environment-stack";
import { loadVariables } from "./load-variables";
import { replaceOutputDirectory } from "./output-directory";
import { ValidationError } from "./problems";
import { summarizeEnvironment } from "./summary";

/**
 * The whole synth: load and validate every environment first (nothing is written when anything
 * is wrong), then one stack per environment, built aside and swapped into `cdktf.out` (or
 * `CDKTF_OUTDIR`, as `cdktf synth` sets it) only once every stack is written. Returns the process
 * exit code; user mistakes are printed without a stack trace.
 */
export function synthApp(fallbackVariables: unknown, env: NodeJS.ProcessEnv = process.env): number {
  try {
    const environments = loadVariables(env, fallbackVariables);
    const summaries: string[] = [];
    replaceOutputDirectory(env.CDKTF_OUTDIR || "cdktf.out", (outdir) => {
      const app = new App({ outdir });
      for (const config of environments) {
        summaries.push(summarizeEnvironment(config, new EnvironmentStack(app, config).allowlist.policyJson));
      }
      app.synth();
    });
    console.log(summaries.join("\n"));
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
