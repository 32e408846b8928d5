/** Levels in increasing severity; "silent" turns logging off (tests). */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const severity: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// Token shapes of Slack (xoxb-, xapp-, ...) and OpenAI-style keys (sk-...), plus Bearer headers.
const secretPatterns: RegExp[] = [
  /\bxox[a-z]-[A-Za-z0-9-]{6,}/g,
  /\bxapp-[A-Za-z0-9-]{6,}/g,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** Replaces every configured secret and every token-shaped string with "[redacted]". */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  for (const pattern of secretPatterns) {
    out = out.replace(pattern, (match, bearer?: string) =>
      typeof bearer === "string" && /^Bearer/i.test(match) ? `${bearer}[redacted]` : "[redacted]",
    );
  }
  return out;
}

export interface ConsoleLoggerOptions {
  level?: LogLevel;
  /** Values that must never be printed (tokens, API keys). */
  secrets?: readonly string[];
  /** Where lines go; stderr by default so stdout stays clean for `ask --json`. */
  write?: (line: string) => void;
}

function serialiseFields(fields: Record<string, unknown>): string {
  return JSON.stringify(fields, (_key, value: unknown) =>
    value instanceof Error ? { name: value.name, message: value.message } : value,
  );
}

/** Human-readable log lines on stderr: `time level message {fields}`, secrets redacted. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const threshold = severity[options.level ?? "info"];
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (level: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
    if (severity[level] < threshold) return;
    const tail = fields && Object.keys(fields).length > 0 ? ` ${serialiseFields(fields)}` : "";
    write(redact(`${new Date().toISOString()} ${level} ${message}${tail}`, secrets));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
