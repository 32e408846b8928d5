import { format } from "node:util";
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger, LogLevel as CoopdocsLogLevel } from "../core/logger.js";

const toBolt: Record<CoopdocsLogLevel, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt's Logger on top of ours, so Bolt's and the WebClient's lines go through the same redaction of tokens.
 * Bolt logs the payloads of requests at debug; ours drops them unless LOG_LEVEL=debug.
 */
export function toBoltLogger(logger: Logger, level: CoopdocsLogLevel = "info"): BoltLogger {
  let current = toBolt[level];
  let name = "bolt";
  const line = (parts: unknown[]) => `[${name}] ${format(...parts)}`;
  return {
    debug: (...parts: unknown[]) => logger.debug(line(parts)),
    info: (...parts: unknown[]) => logger.info(line(parts)),
    warn: (...parts: unknown[]) => logger.warn(line(parts)),
    error: (...parts: unknown[]) => logger.error(line(parts)),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}
