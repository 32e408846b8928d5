import { existsSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { CoopdocsError } from "../core/coopdocs-error.js";
import { redact } from "../core/logger.js";
import { commandModules } from "./commands/index.js";

/** Loads `.env` from the working folder when present (explicit environment variables win). */
function loadDotEnv(): void {
  const file = path.resolve(".env");
  if (!existsSync(file)) return;
  const saved = { ...process.env };
  process.loadEnvFile(file);
  Object.assign(process.env, saved);
}

/** Prints an error for a person: the message and a hint, no stack trace for errors we expect. */
export function reportError(error: unknown): number {
  if (error instanceof CoopdocsError) {
    process.stderr.write(`Error: ${redact(error.message)}\n`);
    if (error.hint) process.stderr.write(`${error.hint}\n`);
    return 2;
  }
  if (error instanceof CommanderError) return error.exitCode;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Unexpected error: ${redact(message)}\n`);
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error && error.stack) {
    process.stderr.write(`${redact(error.stack)}\n`);
  } else {
    process.stderr.write("Run again with LOG_LEVEL=debug for details.\n");
  }
  return 1;
}

/** Entry point of `coopdocs`; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const program = new Command()
    .name("coopdocs")
    .description("Answers questions about the ASEAN-China environmental cooperation documents, with citations.")
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  for (const register of commandModules) {
    register(program, (code) => {
      exitCode = code;
    });
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}
