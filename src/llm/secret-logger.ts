import { redact, type Logger } from "../core/logger.js";

function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (value instanceof Error) return { name: value.name, message: redact(value.message, secrets) };
  // Log fields nest a few levels at most; the depth bound keeps a cyclic object from recursing forever.
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
}

/**
 * A logger that removes the given secrets (the LLM API key) from messages and fields before passing
 * them on, whatever logger it wraps: the key never reaches a log line through this feature.
 */
export function withSecrets(logger: Logger, secrets: readonly string[]): Logger {
  // A "secret" under 4 characters (a placeholder such as "x") would redact ordinary words everywhere.
  const kept = secrets.filter((s) => s.length >= 4);
  const wrap =
    (log: Logger["info"]) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const clean = fields === undefined ? undefined : (scrub(fields, kept) as Record<string, unknown>);
      log(redact(message, kept), clean);
    };
  return {
    debug: wrap(logger.debug.bind(logger)),
    info: wrap(logger.info.bind(logger)),
    warn: wrap(logger.warn.bind(logger)),
    error: wrap(logger.error.bind(logger)),
  };
}
