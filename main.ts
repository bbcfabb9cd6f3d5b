import { synthApp } from "./modules/synth-app";
import { variables } from "./variables";

process.exitCode = synthApp(variables);
