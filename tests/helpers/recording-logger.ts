import type { Logger } from "../../src/core/logger.js";

/** A logger that keeps what it is told: warnings and errors in `warnings`, info lines in `infos`. */
export function recordingLogger(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    debug() {},
    info: (m) => infos.push(m),
    warn: (m) => warnings.push(m),
    error: (m) => warnings.push(m),
  };
}
