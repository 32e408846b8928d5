import { type ChildProcessByStdio, spawn } from "node:child_process";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsx = import.meta.resolve("tsx");

/**
 * Runs a TypeScript script of the repository (`tests/reliability/cli-entry.ts` is the CLI from source) in a
 * child process with tsx, its output piped, LOG_LEVEL=info unless `env` says otherwise.
 */
export function spawnSource(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): ChildProcessByStdio<Writable, Readable, Readable> {
  return spawn(process.execPath, ["--import", tsx, path.join(repoRoot, script), ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...process.env, LOG_LEVEL: "info", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** The CLI from source (`coopdocs <args>`) in a child process, its stdin at end of file. */
export function spawnCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawnSource("tests/reliability/cli-entry.ts", args, options);
  child.stdin.end();
  return child;
}
