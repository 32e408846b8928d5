import { CoopdocsError, ErrorCode } from "../../core/coopdocs-error.js";

/** The error a loader throws for a file it cannot index; ingest lists the file as skipped with this reason. */
export function unreadable(file: string, reason: string, cause?: unknown): CoopdocsError {
  return new CoopdocsError(
    ErrorCode.DocumentUnreadable,
    `${file}: ${reason}`,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}
