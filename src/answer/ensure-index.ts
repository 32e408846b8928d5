import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { Logger } from "../core/logger.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { compareWithCorpus, ingestCorpus, type IngestProgress, type IngestReport } from "../ingest/ingest.js";
import { waitForIngestUnlock } from "../store/ingest-lock.js";
import { readStoredIndex, readUsableIndex, type StoredIndex, type UsableIndex } from "../store/index-store.js";

export interface EnsureIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  logger: Logger;
  onProgress?: (event: IngestProgress) => void;
  /** How long a first question waits for another process's ingest to build the missing index. */
  waitForIngestMs?: number;
  /** Rebuild even when nothing changed (the live index's forced refresh). */
  force?: boolean;
}

export interface EnsuredIndex {
  /** The verified generation to answer from. */
  stored: StoredIndex;
  /** Set when this call ran an ingest. */
  report?: IngestReport;
  /** Why an out-of-date index was not updated (answers come from `stored` meanwhile). */
  notUpdated?: string;
}

// A first ingest of the bundled corpus takes about a minute on 2 cores; 30 min covers a corpus 30× larger.
const defaultWaitForIngestMs = 30 * 60_000;
// Build, wait for another builder, build again if it failed: more rounds mean something else is wrong.
const maxRounds = 4;

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * The generation to answer from. Readers never wait for writers: an index that is there is used at once,
 * and brought up to date first only when no other process is ingesting. Only a missing (or wholly damaged)
 * index makes a caller build one, or wait for the ingest already building it. An update that cannot run
 * (another ingest busy, disk full, an unreadable corpus) is logged and the current generation is used.
 */
export async function ensureIndex(options: EnsureIndexOptions): Promise<EnsuredIndex> {
  const { logger, indexDir } = options;
  const ingest = () => ingestCorpus({ ...options, force: options.force });
  let lastError: unknown;
  for (let round = 0; round < maxRounds; round++) {
    let usable: UsableIndex | undefined;
    try {
      usable = await readUsableIndex(indexDir);
    } catch (error) {
      if (!CoopdocsError.is(error, ErrorCode.IndexCorrupt)) throw error;
      logger.warn(`${oneLine(error)} No earlier generation is usable: rebuilding it.`);
    }

    if (!usable) {
      if (round === 0) logger.info("No index yet: building it from the corpus (first run only).");
      try {
        const report = await ingest();
        const stored = await readStoredIndex(indexDir);
        if (stored) return { stored, report };
      } catch (error) {
        if (!CoopdocsError.is(error, ErrorCode.IndexBusy)) throw error;
        lastError = error;
        logger.info("Another process is building the index: waiting for it.");
        await waitForIngestUnlock(indexDir, options.waitForIngestMs ?? defaultWaitForIngestMs);
      }
      continue;
    }

    if (usable.damaged) {
      logger.warn(`${oneLine(usable.damaged)} Answering from the previous generation while it is rebuilt.`);
    }
    const state = usable.damaged
      ? { state: "stale" as const, reason: "damaged" }
      : options.force
        ? { state: "stale" as const, reason: "a rebuild was asked for" }
        : await compareWithCorpus(usable.stored.manifest, {
            corpusDir: options.corpusDir,
            embedderId: options.embedder.id,
          }).catch((error: unknown) => ({ state: "unknown" as const, reason: oneLine(error) }));
    if (state.state === "fresh") return { stored: usable.stored };
    if (state.state === "unknown") {
      logger.warn(`The corpus cannot be compared with the index (${state.reason}); answering from the current index.`);
      return { stored: usable.stored };
    }
    if (!usable.damaged) logger.info(`The index is out of date (${state.reason}): updating it.`);
    try {
      const report = await ingest();
      return { stored: (await readStoredIndex(indexDir)) ?? usable.stored, report };
    } catch (error) {
      const why = CoopdocsError.is(error, ErrorCode.IndexBusy) ? "another ingest is running" : oneLine(error);
      logger.warn(`The index could not be updated (${why}); answering from the current index.`);
      return { stored: usable.stored, notUpdated: why };
    }
  }
  throw (
    lastError ??
    new CoopdocsError(ErrorCode.IndexMissing, `No index could be built in ${indexDir}.`, "Run `npx coopdocs ingest`.")
  );
}
