import type { Logger } from "../core/logger.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { checkIndex, ingestCorpus, type IngestProgress, type IngestReport } from "../ingest/ingest.js";

export interface EnsureIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  logger: Logger;
  onProgress?: (event: IngestProgress) => void;
}

/** Builds the index when it is missing, or brings it up to date when the corpus or settings changed. */
export async function ensureIndex(options: EnsureIndexOptions): Promise<IngestReport | undefined> {
  const state = await checkIndex({ corpusDir: options.corpusDir, indexDir: options.indexDir, embedderId: options.embedder.id });
  if (state.state === "fresh") return undefined;
  options.logger.info(
    state.state === "missing" ? "No index yet: building it from the corpus (first run only)." : `The index is out of date (${state.reason}): updating it.`,
  );
  return ingestCorpus({ ...options });
}
