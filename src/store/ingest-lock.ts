import { mkdir } from "node:fs/promises";
import path from "node:path";
import lockfile from "proper-lockfile";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

/** The lock folder proper-lockfile creates beside the generations (mkdir is atomic, so two takers cannot both win). */
export const ingestLockName = "ingest.lock";

// A lock whose mtime is older than this is stale (its owner died); the owner refreshes it every
// `lockUpdateMs`. 60 s lets a long synchronous step (building the HNSW graph of a large corpus blocks
// the event loop) miss refreshes without losing the lock; the price is that a killed ingest's lock is
// taken over only after a minute (readers do not wait for it meanwhile).
const lockStaleMs = 60_000;
const lockUpdateMs = 10_000;

function lockOptions(indexDir: string) {
  return {
    lockfilePath: path.join(indexDir, ingestLockName),
    realpath: false,
    stale: lockStaleMs,
    update: lockUpdateMs,
  };
}

export interface IngestLock {
  release(): Promise<void>;
  /** Set when the lock was lost midway (its folder removed or taken over): the holder must not commit. */
  readonly compromised: Error | undefined;
}

/**
 * Makes sure only one ingest writes an index folder at a time (a bot's automatic rebuild and a manual
 * `coopdocs ingest`, say). A second one fails at once with `index_busy`; a lock left by a killed process
 * is stale after 60 s and taken over.
 */
export async function acquireIngestLock(indexDir: string): Promise<IngestLock> {
  await mkdir(indexDir, { recursive: true });
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(indexDir, {
      ...lockOptions(indexDir),
      retries: 0,
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new CoopdocsError(
        ErrorCode.IndexBusy,
        `Another ingest is updating the index in ${indexDir}.`,
        "Wait for it to finish, then try again.",
        { cause: error },
      );
    }
    throw error;
  }
  return {
    get compromised() {
      return compromised;
    },
    async release() {
      if (compromised) return;
      await release().catch(() => undefined); // already gone (index folder removed): nothing to release
    },
  };
}

/** Whether an ingest (in any process) holds the lock now; a stale lock counts as free. */
export async function isIngestLocked(indexDir: string): Promise<boolean> {
  try {
    return await lockfile.check(indexDir, lockOptions(indexDir));
  } catch {
    return false; // no index folder yet
  }
}

/** Waits until no ingest holds the lock (polling; a stale lock ends the wait), or throws after `timeoutMs`. */
export async function waitForIngestUnlock(indexDir: string, timeoutMs: number, pollMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await isIngestLocked(indexDir)) {
    if (Date.now() > deadline) {
      throw new CoopdocsError(
        ErrorCode.IndexBusy,
        `Another ingest has been building the index in ${indexDir} for over ${Math.round(timeoutMs / 1000)} s.`,
        "Wait for it to finish, then try again.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
