/** Entry point of the `ecostack` command line (bin/ecostack.js and `npm run ecostack`). */
import { runCli } from "./program.ts";

await runCli(process.argv);
