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
  writeGenerationFiles,
  type StoredIndex,
} from "../store/index-store.js";
import { indexFormatVersion, type IndexManifest, type IndexManifestInput, type SkippedEntry } from "../store/index-manifest.js";
import { LexicalIndex } from "../store/lexical-index.js";
import { defaultChunking, type ChunkingOptions } from "./chunk-blocks.js";
import { chunkDocument, cleanDocument } from "./chunk-document.js";
import { walkCorpus, type CorpusFile, type SkippedCorpusEntry } from "./corpus-files.js";
import { corpusManifestFile, readCorpusManifest } from "./corpus-manifest.js";
import { documentFormat, loadDocument } from "./load-document.js";

export type IngestProgress =
  | { phase: "read"; file: string; done: number; total: number }
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
}

export type FileStatus = "unchanged" | "indexed" | "skipped";

export interface IngestReport {
  upToDate: boolean;
  files: { file: string; status: FileStatus; chunks: number; reason?: string }[];
  chunkCount: number;
  embeddedChunks: number;
  durationMs: number;
}

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
      "Create it and put the documents (PDF, .txt, .md) in it, or set CORPUS_DIR.",
    );
  }
  const names = entries.filter((e) => documentFormat(e) !== undefined);
  const { files, skipped } = await walkCorpus(corpusDir, names);
  if (files.length === 0 && skipped.length === 0) {
    throw new CoopdocsError(
      ErrorCode.CorpusEmpty,
      `The corpus folder ${corpusDir} holds no documents (PDF, .txt or .md).`,
      "Copy the documents into it (the default corpus is in ../shared/corpus/).",
    );
  }
  const manifest = entries.includes(corpusManifestFile) ? (await walkCorpus(corpusDir, [corpusManifestFile])).files[0] : undefined;
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
  const seen = new Map([...manifest.files, ...manifest.skipped].map((f) => [f.file, f.hash]));
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
        throw new CoopdocsError(ErrorCode.IndexBusy, `Lost the lock on ${options.indexDir} during the ingest.`, "Run the ingest again.");
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
    logger.warn(`The existing index cannot be read; rebuilding it from scratch. ${error instanceof Error ? error.message : ""}`);
  }
  const reusable = previous && !options.force && sameSettings(previous.manifest, options.embedder.id, chunking);
  const manifestUnchanged = reusable && previous?.manifest.corpusManifestHash === manifestHash;
  const previousHashes = new Map((reusable ? previous?.manifest.files : [])?.map((f) => [f.file, f.hash]));
  const previousSkips = new Map((reusable ? previous?.manifest.skipped : [])?.map((f) => [f.file, f]));
  const current = await readIndexManifest(options.indexDir).catch(() => undefined);

  if (
    manifestUnchanged &&
    previous &&
    current?.createdAt === previous.manifest.createdAt &&
    previous.manifest.files.length + previous.manifest.skipped.length === files.length + walkSkipped.length &&
    files.every((f) => previousHashes.get(f.file) === f.hash || previousSkips.get(f.file)?.hash === f.hash) &&
    walkSkipped.every((f) => previousSkips.get(f.file)?.hash === f.hash)
  ) {
    const stored = previous;
    return {
      upToDate: true,
      files: [
        ...files.map((f) => ({ file: f.file, status: "unchanged" as const, chunks: chunksOf(stored, f.file).length })),
        ...walkSkipped.map((f) => ({ file: f.file, status: "skipped" as const, chunks: 0, reason: f.reason })),
      ],
      chunkCount: stored.manifest.chunkCount,
      embeddedChunks: 0,
      durationMs: Date.now() - started,
    };
  }

  const corpusInfo = await readCorpusManifest(options.corpusDir);
  const report: IngestReport["files"] = [];
  const skipped: SkippedEntry[] = [];
  // One warning per change: an entry skipped for the same reason last time is not reported again.
  const skip = (entry: SkippedEntry) => {
    if (previousSkips.get(entry.file)?.hash !== entry.hash) logger.warn(`Skipped ${entry.file}: ${entry.reason}`);
    skipped.push(entry);
    report.push({ file: entry.file, status: "skipped", chunks: 0, reason: entry.reason });
  };
  walkSkipped.forEach(skip);
  const kept: { chunk: Chunk; vector?: Float32Array }[] = [];
  for (const [i, file] of files.entries()) {
    progress({ phase: "read", file: file.file, done: i, total: files.length });
    if (manifestUnchanged && previous && previousHashes.get(file.file) === file.hash) {
      const reused = chunksOf(previous, file.file);
      kept.push(...reused);
      report.push({ file: file.file, status: "unchanged", chunks: reused.length });
      continue;
    }
    const skippedBefore = previousSkips.get(file.file);
    if (skippedBefore?.hash === file.hash) {
      skip(skippedBefore); // same content that could not be read last time: not retried until it changes
      continue;
    }
    try {
      const loaded = await loadDocument(file.path, file.bytes);
      const chunks = chunkDocument(cleanDocument(loaded, corpusInfo.get(file.file)), chunking);
      if (chunks.length === 0) throw new CoopdocsError(ErrorCode.DocumentUnreadable, `${file.file}: no text found.`);
      kept.push(...chunks.map((chunk) => ({ chunk })));
      report.push({ file: file.file, status: "indexed", chunks: chunks.length });
    } catch (error) {
      if (!CoopdocsError.is(error, ErrorCode.DocumentUnreadable)) throw error;
      skip({ file: file.file, hash: file.hash, reason: error.message.replace(`${file.file}: `, "") });
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

  // Identical passages (a paragraph repeated through a long file) are embedded once.
  const pending = new Map<string, { chunk: Chunk; vector?: Float32Array }[]>();
  for (const k of kept) {
    if (k.vector !== undefined) continue;
    const text = embeddingText(k.chunk);
    pending.set(text, [...(pending.get(text) ?? []), k]);
  }
  const toEmbed = [...pending.entries()];
  const batch = 32;
  for (let i = 0; i < toEmbed.length; i += batch) {
    progress({ phase: "embed", done: i, total: toEmbed.length });
    const slice = toEmbed.slice(i, i + batch);
    const vectors = await options.embedder.embeddings.embedDocuments(slice.map(([text]) => text));
    slice.forEach(([, same], j) => {
      const vector = Float32Array.from(vectors[j] ?? []);
      for (const k of same) k.vector = vector;
    });
  }
  progress({ phase: "embed", done: toEmbed.length, total: toEmbed.length });

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
    files: report
      .filter((r) => r.status !== "skipped")
      .map((r) => ({
        file: r.file,
        hash: files.find((f) => f.file === r.file)?.hash ?? "",
        title: chunks.find((c) => c.meta.file === r.file)?.meta.title ?? r.file,
        chunks: r.chunks,
      })),
    skipped,
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
  logger.info(`Indexed ${chunks.length} chunks from ${manifest.files.length} documents.`);
  return {
    upToDate: false,
    files: report,
    chunkCount: chunks.length,
    embeddedChunks: toEmbed.length,
    durationMs: Date.now() - started,
  };
}

function chunksOf(stored: StoredIndex, file: string): { chunk: Chunk; vector: Float32Array }[] {
  const out: { chunk: Chunk; vector: Float32Array }[] = [];
  stored.chunks.forEach((chunk, i) => {
    const vector = stored.vectors[i];
    if (chunk.meta.file === file && vector) out.push({ chunk, vector });
  });
  return out;
}
