import { runCheck } from "./modules/check-cli";
import { variables } from "./variables";

process.exitCode = runCheck(process.argv.slice(2), process.env, variables);
