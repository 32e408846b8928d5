// Runs the CLI from source in a child process (tests that kill it midway): node --import tsx cli-entry.ts <args>
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
