export * from "./types.js";
export { CoopdocsError, ErrorCode } from "./coopdocs-error.js";
export { createConsoleLogger, redact, silentLogger } from "./logger.js";
export type { Logger, LogLevel } from "./logger.js";
export { citationOf } from "./citation.js";
