import { statfs } from "node:fs/promises";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1_000_000))} MB`;
}

/** Turns ENOSPC into a message naming the folder and the space needed; other errors are returned unchanged. */
export async function explainDiskFull(error: unknown, folder: string, bytesNeeded: number): Promise<unknown> {
  if ((error as NodeJS.ErrnoException | undefined)?.code !== "ENOSPC") return error;
  const free = await statfs(folder).then(
    (s) => s.bavail * s.bsize,
    () => undefined,
  );
  return new CoopdocsError(
    ErrorCode.DiskFull,
    `The disk holding ${folder} is full: the new index needs about ${megabytes(bytesNeeded)}` +
      (free === undefined ? "." : `, ${megabytes(free)} are free.`),
    "Free some space (or set INDEX_DIR to another disk) and ingest again; the previous index is still used.",
    { cause: error },
  );
}
