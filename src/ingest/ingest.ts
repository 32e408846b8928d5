import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Document } from "@langchain/core/documents";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { Chunk } from "../core/types.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { explainDiskFull } from "../store/disk-full.js";
import { acquireIngestLock } from "../store/ingest-lock.js";
import {
  createGeneration,
  indexFiles,
  readIndexManifest,
  readUsableIndex,
  removeStrayGenerations,
  writeGenerationFiles,
  type StoredIndex,
} from "../store/index-store.js";
import { indexFormatVersion, type IndexManifest, type IndexManifestInput } from "../store/index-manifest.js";
import { LexicalIndex } from "../store/lexical-index.js";
import { defaultChunking, type ChunkingOptions } from "./chunk-blocks.js";
import { chunkDocument, cleanDocument } from "./chunk-document.js";
import { walkCorpus, type CorpusFile, type SkippedCorpusEntry } from "./corpus-files.js";
import { corpusManifestFile, readCorpusManifest } from "./corpus-manifest.js";
import { inProcessRunner, type EmbedRunner } from "./embed-pool.js";
import { documentFormat, loadDocument } from "./load-document.js";
import { supportedExtensions } from "./loaders/index.js";
import { VectorCache } from "./vector-cache.js";

export type IngestProgress =
  | { phase: "read"; file: string; done: number; total: number }
  | { phase: "ocr"; file: string; done: number; total: number }
  | { phase: "embed"; done: number; total: number }
  | { phase: "write" };

export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  chunking?: ChunkingOptions;
  /** Rebuild everything even when nothing changed. */
  force?: boolean;
  logger?: Logger;
  onProgress?: (event: IngestProgress) => void;
  /** Embeds on worker threads (see `embed-pool.ts`); default: on this thread with `embedder`. */
  embedRunner?: EmbedRunner;
}

export type FileStatus = "unchanged" | "indexed" | "skipped" | "failed";

export interface IngestReport {
  upToDate: boolean;
  files: { file: string; status: FileStatus; chunks: number; reason?: string }[];
  chunkCount: number;
  /** Chunks that went through the model in this run (the others came from the index or the vector cache). */
  embeddedChunks: number;
  /** Chunks whose vector came from the vector cache (a re-run after an interrupted ingest, say). */
  cachedVectors: number;
  embedWorkers: number;
  durationMs: number;
}

type FileRecord = IndexManifest["files"][number];
type NotIndexedRecord = IndexManifest["notIndexed"][number];

/** Lists the corpus documents with their content hashes, and the entries skipped with why; clear errors for a missing or empty folder. */
export async function scanCorpus(
  corpusDir: string,
): Promise<{ files: CorpusFile[]; skipped: SkippedCorpusEntry[]; manifestHash: string | null }> {
  let entries: string[];
  try {
    if (!(await stat(corpusDir)).isDirectory()) throw new Error("not a folder");
    entries = await readdir(corpusDir);
  } catch {
    throw new CoopdocsError(
      ErrorCode.CorpusMissing,
      `The corpus folder ${corpusDir} does not exist.`,
      `Create it and put the documents (${supportedExtensions().join(", ")}) in it, or set CORPUS_DIR.`,
    );
  }
  const names = entries.filter((e) => documentFormat(e) !== undefined);
  const { files, skipped } = await walkCorpus(corpusDir, names);
  if (files.length === 0 && skipped.length === 0) {
    throw new CoopdocsError(
      ErrorCode.CorpusEmpty,
      `The corpus folder ${corpusDir} holds no documents (${supportedExtensions().join(", ")}).`,
      "Copy the documents into it (the default corpus is in ../shared/corpus/).",
    );
  }
  const manifest = entries.includes(corpusManifestFile)
    ? (await walkCorpus(corpusDir, [corpusManifestFile])).files[0]
    : undefined;
  return { files, skipped, manifestHash: manifest?.hash ?? null };
}

function sameSettings(manifest: IndexManifest, embedderId: string, chunking: ChunkingOptions): boolean {
  return (
    manifest.formatVersion === indexFormatVersion &&
    manifest.embedder.id === embedderId &&
    manifest.chunking.targetChars === chunking.targetChars &&
    manifest.chunking.maxChars === chunking.maxChars
  );
}

export type IndexState = { state: "fresh" } | { state: "missing" | "stale"; reason: string };

/** Whether the index matches the corpus and settings, without parsing or embedding anything. */
export async function checkIndex(options: {
  corpusDir: string;
  indexDir: string;
  embedderId: string;
  chunking?: ChunkingOptions;
}): Promise<IndexState> {
  // The manifest is enough to tell; the chunks and vectors are read once, by the retriever.
  const manifest = await readIndexManifest(options.indexDir);
  if (!manifest) return { state: "missing", reason: `no index in ${options.indexDir}` };
  return compareWithCorpus(manifest, options);
}

/** Whether an index with this manifest matches the corpus and settings (what changed, when not). */
export async function compareWithCorpus(
  manifest: IndexManifest,
  options: { corpusDir: string; embedderId: string; chunking?: ChunkingOptions },
): Promise<IndexState> {
  const chunking = options.chunking ?? defaultChunking;
  if (!sameSettings(manifest, options.embedderId, chunking)) {
    return { state: "stale", reason: "the index was built with another embedder, chunking or version" };
  }
  const { files, skipped, manifestHash } = await scanCorpus(options.corpusDir);
  // A file skipped last time is compared by what was seen then, so it is retried only when it changes.
  const seen = new Map([...manifest.files, ...manifest.notIndexed].map((f) => [f.file, f.hash]));
  const now = [...files, ...skipped];
  const changed = now.filter((f) => seen.get(f.file) !== f.hash).map((f) => f.file);
  const removed = [...seen.keys()].filter((f) => !now.some((c) => c.file === f));
  if (changed.length + removed.length > 0) {
    return { state: "stale", reason: `changed: ${[...changed, ...removed].join(", ")}` };
  }
  if (manifestHash !== manifest.corpusManifestHash) return { state: "stale", reason: "corpus manifest changed" };
  return { state: "fresh" };
}

/** Text given to the embedder: where the passage sits in the document, then the passage. */
export function embeddingText(chunk: Chunk): string {
  // 2000 characters hold the heading and all but the longest chunks (maxChars 2400, rare long tables) while
  // bounding the embedding time of one passage; set by hand.
  return `${chunk.meta.title} | ${chunk.meta.section}\n${chunk.text}`.slice(0, 2000);
}

/**
 * Builds or updates the index. Unchanged files keep their chunks and vectors; changed files are
 * re-read, re-chunked and re-embedded; unreadable files are skipped with a warning. One ingest at a
 * time per index folder.
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestReport> {
  const lock = await acquireIngestLock(options.indexDir);
  try {
    return await ingestLocked(options, () => {
      // Lost the lock midway (taken over as stale): another ingest may be writing, so do not commit over it.
      if (lock.compromised) {
        throw new CoopdocsError(
          ErrorCode.IndexBusy,
          `Lost the lock on ${options.indexDir} during the ingest.`,
          "Run the ingest again.",
        );
      }
    });
  } finally {
    await lock.release();
  }
}

async function ingestLocked(options: IngestOptions, assertStillLocked: () => void): Promise<IngestReport> {
  const started = Date.now();
  const logger = options.logger ?? silentLogger;
  const chunking = options.chunking ?? defaultChunking;
  const progress = options.onProgress ?? (() => undefined);
  const { files, skipped: walkSkipped, manifestHash } = await scanCorpus(options.corpusDir);

  let previous: StoredIndex | undefined;
  try {
    // The live generation, or the one before it when the live one is damaged: its vectors are reused.
    previous = (await readUsableIndex(options.indexDir))?.stored;
  } catch (error) {
    logger.warn(
      `The existing index cannot be read; rebuilding it from scratch. ${error instanceof Error ? error.message : ""}`,
    );
  }
  const reusable = previous && !options.force && sameSettings(previous.manifest, options.embedder.id, chunking);
  const manifestUnchanged = reusable && previous?.manifest.corpusManifestHash === manifestHash;
  const previousHashes = new Map((reusable ? previous?.manifest.files : [])?.map((f) => [f.file, f.hash]));
  const previousRecords = new Map((reusable ? previous?.manifest.files : [])?.map((f) => [f.file, f]));
  const previousNotIndexed = new Map((manifestUnchanged ? previous?.manifest.notIndexed : [])?.map((f) => [f.file, f]));
  const embedRunner = options.embedRunner ?? inProcessRunner(options.embedder);
  const current = await readIndexManifest(options.indexDir).catch(() => undefined);

  if (
    manifestUnchanged &&
    previous &&
    // The generation read is the live one (not a fallback from a damaged one), and nothing changed.
    current?.createdAt === previous.manifest.createdAt &&
    previous.manifest.files.length + previous.manifest.notIndexed.length === files.length + walkSkipped.length &&
    files.every((f) => previousHashes.get(f.file) === f.hash || previousNotIndexed.get(f.file)?.hash === f.hash) &&
    walkSkipped.every((f) => previousNotIndexed.get(f.file)?.hash === f.hash)
  ) {
    const stored = previous;
    // Nothing to commit, so nothing else clears what killed ingests left: clear it now (we hold the lock).
    await removeStrayGenerations(options.indexDir);
    return {
      upToDate: true,
      files: [
        ...files.map((f) => {
          const skipped = previousNotIndexed.get(f.file);
          return skipped?.hash === f.hash
            ? { file: f.file, status: skipped.status, chunks: 0, reason: skipped.reason }
            : { file: f.file, status: "unchanged" as const, chunks: chunksOf(stored, f.file).length };
        }),
        ...walkSkipped.map((f) => ({ file: f.file, status: "skipped" as const, chunks: 0, reason: f.reason })),
      ],
      chunkCount: stored.manifest.chunkCount,
      embeddedChunks: 0,
      cachedVectors: 0,
      embedWorkers: embedRunner.workers,
      durationMs: Date.now() - started,
    };
  }

  const corpusInfo = await readCorpusManifest(options.corpusDir);
  const report: IngestReport["files"] = [];
  const records = new Map<string, FileRecord>();
  const notIndexed: NotIndexedRecord[] = [];
  const now = new Date().toISOString();
  // One warning per change: an entry left out for the same reason last time is not reported again.
  const leaveOut = (entry: NotIndexedRecord) => {
    if (previousNotIndexed.get(entry.file)?.hash !== entry.hash) {
      logger.warn(`${entry.status === "skipped" ? "Skipped" : "Failed to read"} ${entry.file}: ${entry.reason}`);
    }
    notIndexed.push(entry);
    report.push({ file: entry.file, status: entry.status, chunks: 0, reason: entry.reason });
  };
  for (const entry of walkSkipped) {
    leaveOut({ ...entry, status: "skipped", format: documentFormat(entry.file), checkedAt: now });
  }
  const kept: { chunk: Chunk; vector?: Float32Array }[] = [];
  for (const [i, file] of files.entries()) {
    progress({ phase: "read", file: file.file, done: i, total: files.length });
    const previousRecord = previousRecords.get(file.file);
    if (manifestUnchanged && previous && previousRecord?.hash === file.hash) {
      const reused = chunksOf(previous, file.file);
      kept.push(...reused);
      records.set(file.file, previousRecord);
      report.push({ file: file.file, status: "unchanged", chunks: reused.length });
      continue;
    }
    const skippedBefore = previousNotIndexed.get(file.file);
    if (skippedBefore?.hash === file.hash) {
      leaveOut(skippedBefore); // same content that could not be read last time: not retried until it changes
      continue;
    }
    try {
      const loaded = await loadDocument(file.path, file.bytes, {
        onOcrProgress: (e) => progress({ phase: "ocr", ...e }),
      });
      const cleaned = cleanDocument(loaded, corpusInfo.get(file.file));
      const chunks = chunkDocument(cleaned, chunking);
      if (chunks.length === 0) throw new CoopdocsError(ErrorCode.DocumentUnreadable, `${file.file}: no text found.`);
      kept.push(...chunks.map((chunk) => ({ chunk })));
      records.set(file.file, {
        file: file.file,
        hash: file.hash,
        title: cleaned.title,
        chunks: chunks.length,
        format: loaded.format,
        pages: loaded.pageCount ?? null,
        year: cleaned.year,
        ocrPages: cleaned.ocrPages,
        ...(loaded.encoding ? { encoding: loaded.encoding } : {}),
        indexedAt: now,
      });
      report.push({ file: file.file, status: "indexed", chunks: chunks.length });
    } catch (error) {
      // A file that cannot be read is a warning, never the end of the ingest: skipped when we know why
      // (binary, encrypted, a scan without OCR), failed when the reader broke on it.
      const known = CoopdocsError.is(error, ErrorCode.DocumentUnreadable);
      const message = error instanceof Error ? error.message : String(error);
      leaveOut({
        file: file.file,
        hash: file.hash,
        status: known ? "skipped" : "failed",
        reason: message.startsWith(`${file.file}: `) ? message.slice(file.file.length + 2) : message,
        format: documentFormat(file.file),
        checkedAt: now,
      });
    }
  }
  progress({ phase: "read", file: "", done: files.length, total: files.length });
  if (kept.length === 0) {
    throw new CoopdocsError(
      ErrorCode.CorpusEmpty,
      `No document in ${options.corpusDir} could be read.`,
      report.map((r) => `${r.file}: ${r.reason ?? ""}`).join("\n"),
    );
  }

  const {
    embedded: embeddedChunks,
    cached: cachedVectors,
    cache,
  } = await embedMissing(kept, {
    indexDir: options.indexDir,
    embedder: options.embedder,
    runner: embedRunner,
    useCache: !options.force,
    previous: reusable ? previous : undefined,
    progress,
  });

  progress({ phase: "write" });
  const chunks = kept.map((k) => k.chunk);
  const vectors = kept.map((k) => k.vector ?? new Float32Array());
  const dimension = vectors[0]?.length ?? 0;
  if (dimension === 0 || vectors.some((v) => v.length !== dimension)) {
    throw new CoopdocsError(ErrorCode.EmbedderUnavailable, "The embedder returned vectors of inconsistent size.");
  }
  const manifest: IndexManifestInput = {
    formatVersion: indexFormatVersion,
    embedder: { id: options.embedder.id, dimension },
    chunking,
    files: report.flatMap((r) => {
      const record = records.get(r.file);
      return record ? [record] : [];
    }),
    notIndexed,
    corpusManifestHash: manifestHash,
    chunkCount: chunks.length,
    createdAt: new Date().toISOString(),
  };
  const generation = await createGeneration(options.indexDir);
  try {
    const store = new HNSWLib(options.embedder.embeddings, { space: "cosine", numDimensions: dimension });
    await store.addVectors(
      vectors.map((v) => Array.from(v)),
      chunks.map((c, index) => new Document({ pageContent: c.text, metadata: { index } })),
    );
    await store.save(path.join(generation.dir, indexFiles.hnsw)).catch(async (error: unknown) => {
      throw await explainDiskFull(error, options.indexDir, chunks.length * dimension * 8);
    });
    await writeGenerationFiles(generation.dir, {
      manifest,
      chunks,
      vectors,
      lexicalJson: LexicalIndex.build(chunks).toJSON(),
    });
    assertStillLocked();
    // The sound generation read above (the live one, or the fallback when the live one was damaged) is kept for rollback.
    await generation.commit({ keep: previous ? path.basename(previous.dir) : undefined });
  } catch (error) {
    await generation.abandon().catch(() => undefined);
    throw error;
  }
  await cache
    ?.keepOnly(chunks.map(embeddingText))
    .catch((error: unknown) => logger.warn("Could not compact the vector cache.", { error }));
  logger.info(`Indexed ${chunks.length} chunks from ${manifest.files.length} documents.`);
  return {
    upToDate: false,
    files: report,
    chunkCount: chunks.length,
    embeddedChunks,
    cachedVectors,
    embedWorkers: embedRunner.workers,
    durationMs: Date.now() - started,
  };
}

// Texts per embedding call: large enough to keep the model busy, small enough for steady progress and
// for a killed ingest to lose little (each finished batch is in the vector cache).
const embedBatchSize = 32;

/**
 * Gives every chunk a vector: from the previous index or the vector cache when the same text was
 * embedded before, else from the model, in batches spread over the embed runner's workers.
 */
async function embedMissing(
  kept: { chunk: Chunk; vector?: Float32Array }[],
  options: {
    indexDir: string;
    embedder: Embedder;
    runner: EmbedRunner;
    useCache: boolean;
    previous: StoredIndex | undefined;
    progress: (event: IngestProgress) => void;
  },
): Promise<{ embedded: number; cached: number; cache?: VectorCache }> {
  let missing = kept.filter((k) => k.vector === undefined);
  let cache: VectorCache | undefined;
  let cached = 0;
  if (options.useCache && missing.length > 0) {
    const dimension =
      options.previous?.manifest.embedder.dimension ??
      (await options.embedder.embeddings.embedQuery("dimension")).length;
    cache = await VectorCache.open(options.indexDir, options.embedder.id, dimension);
    const fromIndex = new Map<string, Float32Array>();
    options.previous?.chunks.forEach((c, i) => {
      const v = options.previous?.vectors[i];
      if (v) fromIndex.set(embeddingText(c), v);
    });
    for (const k of missing) {
      const text = embeddingText(k.chunk);
      k.vector = fromIndex.get(text) ?? cache.get(text);
      if (k.vector) cached++;
    }
    missing = missing.filter((k) => k.vector === undefined);
  }
  // Identical passages (a paragraph repeated through a long file) are embedded once.
  const sameText = new Map<string, { chunk: Chunk; vector?: Float32Array }[]>();
  for (const k of missing) {
    const text = embeddingText(k.chunk);
    sameText.set(text, [...(sameText.get(text) ?? []), k]);
  }
  const unique = [...sameText.entries()];
  const batches: (typeof unique)[] = [];
  for (let i = 0; i < unique.length; i += embedBatchSize) batches.push(unique.slice(i, i + embedBatchSize));
  let done = 0;
  options.progress({ phase: "embed", done, total: unique.length });
  // All batches are handed out at once; the runner queues them on its workers.
  await Promise.all(
    batches.map(async (batch) => {
      const texts = batch.map(([text]) => text);
      const vectors = await options.runner.embed(texts);
      batch.forEach(([, same], j) => {
        for (const k of same) k.vector = vectors[j] ?? new Float32Array();
      });
      await cache?.add(texts.map((text, j) => ({ text, vector: vectors[j] ?? new Float32Array() })));
      done += batch.length;
      options.progress({ phase: "embed", done, total: unique.length });
    }),
  );
  return { embedded: unique.length, cached, cache };
}

function chunksOf(stored: StoredIndex, file: string): { chunk: Chunk; vector: Float32Array }[] {
  const out: { chunk: Chunk; vector: Float32Array }[] = [];
  stored.chunks.forEach((chunk, i) => {
    const vector = stored.vectors[i];
    if (chunk.meta.file === file && vector) out.push({ chunk, vector });
  });
  return out;
}
