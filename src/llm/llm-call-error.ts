import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

/** Why a call to the LLM gave no usable text. */
export type LlmFailureKind = "timeout" | "unreachable" | "http" | "invalid" | "empty";

/**
 * A failed LLM call, classified: a CoopdocsError `llm_unavailable` with the kind of failure. `message` is
 * safe to log (no key); `reason` is the user's one line.
 */
export class LlmCallError extends CoopdocsError {
  override readonly name = "LlmCallError";
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.LlmUnavailable, message, undefined, options);
  }

  /** What went wrong, for the user, in a few words without a full stop ("The LLM did not answer in time"). */
  get reason(): string {
    switch (this.kind) {
      case "timeout":
        return "The LLM did not answer in time";
      case "unreachable":
        return "The LLM service could not be reached";
      case "http":
        return `The LLM service returned an error${this.status ? ` (HTTP ${this.status})` : ""}`;
      case "invalid":
        return "The LLM returned an unusable reply";
      case "empty":
        return "The LLM returned an empty reply";
      default:
        return "The LLM call failed";
    }
  }
}

function field(error: unknown, key: string): unknown {
  return typeof error === "object" && error !== null && key in error
    ? (error as Record<string, unknown>)[key]
    : undefined;
}

/** Sorts an error thrown by the LangChain/OpenAI client into an LlmCallError (keeping it as the cause). */
export function classifyLlmError(error: unknown, timedOut: boolean): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (timedOut) return new LlmCallError("timeout", `LLM call timed out: ${message}`, undefined, { cause: error });
  const name = String(field(error, "name") ?? "");
  const status = field(error, "status");
  if (typeof status === "number") {
    return new LlmCallError("http", `LLM service answered HTTP ${status}: ${message}`, status, { cause: error });
  }
  if (/timeout|timed out/i.test(name) || /timed out/i.test(message)) {
    return new LlmCallError("timeout", `LLM call timed out: ${message}`, undefined, { cause: error });
  }
  const cause = field(error, "cause");
  const code = String(field(error, "code") ?? field(cause, "code") ?? "");
  if (
    /Connection/i.test(name) ||
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(code) ||
    /connection error|fetch failed/i.test(message)
  ) {
    return new LlmCallError("unreachable", `LLM service unreachable: ${message}`, undefined, { cause: error });
  }
  return new LlmCallError("invalid", `LLM reply unusable: ${message}`, undefined, { cause: error });
}
