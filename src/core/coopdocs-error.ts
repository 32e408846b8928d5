/** Stable error codes: adapters map them to messages and exit codes, tests assert on them. */
export const ErrorCode = {
  ConfigInvalid: "config_invalid",
  CorpusMissing: "corpus_missing",
  CorpusEmpty: "corpus_empty",
  DocumentUnreadable: "document_unreadable",
  IndexMissing: "index_missing",
  IndexIncompatible: "index_incompatible",
  IndexCorrupt: "index_corrupt",
  IndexBusy: "index_busy",
  DiskFull: "disk_full",
  NetworkUnreachable: "network_unreachable",
  QuestionInvalid: "question_invalid",
  EmbedderUnavailable: "embedder_unavailable",
  LlmUnavailable: "llm_unavailable",
  EvalSetInvalid: "evalset_invalid",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error the user can act on. `message` is written for the user (no stack trace is shown for these);
 * `hint` says what to do about it.
 */
export class CoopdocsError extends Error {
  override readonly name: string = "CoopdocsError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static is(error: unknown, code?: ErrorCode): error is CoopdocsError {
    return error instanceof CoopdocsError && (code === undefined || error.code === code);
  }
}
