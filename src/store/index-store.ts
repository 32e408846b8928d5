import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { Chunk } from "../core/types.js";
import { explainDiskFull } from "./disk-full.js";
import { checksumFiles, sha256 } from "./generation-files.js";
import { checkHnswIndexFile } from "./hnsw-file-check.js";
import { ingestLockName } from "./ingest-lock.js";
import { indexManifestSchema, type IndexManifest, type IndexManifestInput } from "./index-manifest.js";

/**
 * On disk: `INDEX_DIR/CURRENT` names the live generation folder (`gen-…`), which holds the manifest,
 * the chunks, their vectors, the HNSW index and the lexical index. A new generation is written
 * beside the old one and CURRENT is replaced by an atomic rename, so a failed or killed ingest
 * leaves the previous index usable. The generation before the live one is kept for rollback (and as
 * the fallback when the live one turns out damaged); older ones are renamed away, then deleted.
 */
export const indexFiles = {
  current: "CURRENT",
  lock: ingestLockName,
  manifest: "manifest.json",
  chunks: "chunks.json",
  vectors: "vectors.f32",
  lexical: "lexical.json",
  hnsw: "hnsw",
} as const;

/** Files a generation must hold besides its manifest (the HNSW ones are written by LangChain's HNSWLib.save). */
export const requiredFiles = [
  indexFiles.chunks,
  indexFiles.vectors,
  indexFiles.lexical,
  `${indexFiles.hnsw}/hnswlib.index`,
  `${indexFiles.hnsw}/args.json`,
  `${indexFiles.hnsw}/docstore.json`,
];

const generationPattern = /^gen-[\w-]+$/;
const trashPrefix = "trash-";

const chunkSchema = z.array(
  z.object({
    id: z.string(),
    text: z.string(),
    meta: z.object({
      file: z.string(),
      title: z.string(),
      section: z.string(),
      page: z.number().nullable(),
      start: z.number(),
      end: z.number(),
      year: z.number().nullable(),
      ocr: z.boolean().optional(),
    }),
  }),
);

async function currentGenerationName(indexDir: string): Promise<string | undefined> {
  let name: string;
  try {
    name = (await readFile(path.join(indexDir, indexFiles.current), "utf8")).trim();
  } catch {
    return undefined;
  }
  if (!generationPattern.test(name)) throw corrupt(indexDir, `${indexFiles.current} does not name an index generation`);
  return name;
}

export async function currentGenerationDir(indexDir: string): Promise<string | undefined> {
  const name = await currentGenerationName(indexDir);
  return name ? path.join(indexDir, name) : undefined;
}

function corrupt(indexDir: string, reason: string, cause?: unknown): CoopdocsError {
  return new CoopdocsError(
    ErrorCode.IndexCorrupt,
    `The index in ${indexDir} is damaged (${reason}).`,
    "It is rebuilt automatically by the next `coopdocs ask` or server start; `npx coopdocs ingest --force` rebuilds it now.",
    { cause },
  );
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

async function readManifestIn(indexDir: string, dir: string): Promise<IndexManifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, indexFiles.manifest), "utf8");
  } catch (error) {
    throw corrupt(indexDir, `${path.basename(dir)} has no readable manifest`, error);
  }
  try {
    return indexManifestSchema.parse(JSON.parse(raw));
  } catch (error) {
    throw corrupt(indexDir, "its manifest cannot be read", error);
  }
}

/** The live generation's manifest, read but not verified (enough to tell whether the index is up to date). */
export async function readIndexManifest(indexDir: string): Promise<IndexManifest | undefined> {
  const dir = await currentGenerationDir(indexDir);
  return dir ? readManifestIn(indexDir, dir) : undefined;
}

export interface StoredIndex {
  dir: string;
  manifest: IndexManifest;
  chunks: Chunk[];
  vectors: Float32Array[];
  lexicalJson: string;
}

/**
 * Reads one generation and checks every file against the manifest's checksums (and the HNSW file against
 * the layout hnswlib expects) before anything is parsed or handed to native code.
 */
async function readGeneration(indexDir: string, dir: string): Promise<StoredIndex> {
  const manifest = await readManifestIn(indexDir, dir);
  const files = new Map<string, Buffer>();
  for (const file of requiredFiles) {
    if (!manifest.checksums[file]) throw corrupt(indexDir, `the manifest has no checksum for ${file}`);
  }
  for (const [file, expected] of Object.entries(manifest.checksums)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw corrupt(indexDir, `${file} is missing`, error);
      throw error;
    }
    if (sha256(bytes) !== expected) throw corrupt(indexDir, `${file} does not match its checksum`);
    files.set(file, bytes);
  }
  const dim = manifest.embedder.dimension;
  try {
    const hnswProblem = checkHnswIndexFile(files.get(`${indexFiles.hnsw}/hnswlib.index`) ?? Buffer.alloc(0), {
      count: manifest.chunkCount,
      dimension: dim,
    });
    if (hnswProblem) throw new Error(hnswProblem);
    const chunks = chunkSchema.parse(JSON.parse(files.get(indexFiles.chunks)?.toString("utf8") ?? ""));
    const raw = files.get(indexFiles.vectors) ?? Buffer.alloc(0);
    const aligned = Buffer.from(raw); // a fresh buffer starts at offset 0, as Float32Array needs
    const all = new Float32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4));
    if (chunks.length !== manifest.chunkCount || all.length !== chunks.length * dim) {
      throw new Error(`${chunks.length} chunks, ${all.length / dim} vectors, manifest says ${manifest.chunkCount}`);
    }
    const vectors = chunks.map((_, i) => all.slice(i * dim, (i + 1) * dim));
    return { dir, manifest, chunks, vectors, lexicalJson: files.get(indexFiles.lexical)?.toString("utf8") ?? "" };
  } catch (error) {
    if (error instanceof CoopdocsError) throw error;
    throw corrupt(indexDir, oneLine(error), error);
  }
}

/**
 * Loads and verifies the live generation. When CURRENT moves while it is being read (another process
 * committed and cleaned up), it reads the new one instead of reporting a half-deleted folder.
 */
export async function readStoredIndex(indexDir: string): Promise<StoredIndex | undefined> {
  for (let attempt = 0; ; attempt++) {
    const name = await currentGenerationName(indexDir);
    if (!name) return undefined;
    try {
      return await readGeneration(indexDir, path.join(indexDir, name));
    } catch (error) {
      const moved = (await currentGenerationName(indexDir).catch(() => undefined)) !== name;
      // Three commits in a row during one read: something keeps replacing the index; report instead of looping.
      if (!moved || attempt >= 3) throw error;
    }
  }
}

/** The live generation's name, and the other generation folders, newest first (their names start with the time). */
async function generationsByAge(indexDir: string): Promise<{ current?: string; earlier: string[] }> {
  const current = await currentGenerationName(indexDir).catch(() => undefined);
  const earlier = (await readdir(indexDir).catch(() => [] as string[]))
    .filter((name) => generationPattern.test(name) && name !== current)
    .sort()
    .reverse();
  return { current, earlier };
}

export interface UsableIndex {
  stored: StoredIndex;
  /** Why the live generation could not be used, when `stored` is an earlier one. */
  damaged?: CoopdocsError;
}

/**
 * The live generation, or, when it is damaged, the newest earlier generation that verifies (so questions
 * are answered while it is rebuilt). Undefined when there is no index; throws when none can be used.
 */
export async function readUsableIndex(indexDir: string): Promise<UsableIndex | undefined> {
  let damaged: CoopdocsError;
  try {
    const stored = await readStoredIndex(indexDir);
    return stored ? { stored } : undefined;
  } catch (error) {
    if (!CoopdocsError.is(error, ErrorCode.IndexCorrupt)) throw error;
    damaged = error;
  }
  for (const name of (await generationsByAge(indexDir)).earlier) {
    try {
      return { stored: await readGeneration(indexDir, path.join(indexDir, name)), damaged };
    } catch {
      // half-written by a killed ingest, or damaged too: try the next one
    }
  }
  throw damaged;
}

export interface NewGeneration {
  dir: string;
  /**
   * Makes this generation the live one, then removes all others but `keep` (the sound generation it
   * replaces, kept for rollback; a damaged live one is not kept).
   */
  commit(options?: { keep?: string }): Promise<void>;
  /** Removes the half-written generation. */
  abandon(): Promise<void>;
}

export async function createGeneration(indexDir: string): Promise<NewGeneration> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const dir = path.join(indexDir, name);
  await mkdir(dir);
  return {
    dir,
    async commit({ keep }: { keep?: string } = {}) {
      const tmp = path.join(indexDir, `${indexFiles.current}.${name}.tmp`);
      await writeFile(tmp, `${name}\n`);
      await rename(tmp, path.join(indexDir, indexFiles.current));
      await removeOldGenerations(indexDir, [name, keep]);
    },
    async abandon() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Deletes what killed ingests left behind, when an ingest finds the index up to date and commits nothing:
 * every generation but the live one and the newest earlier one with a manifest (the rollback a damaged
 * live one falls back to). Only the lock holder calls this.
 */
export async function removeStrayGenerations(indexDir: string): Promise<void> {
  const { current, earlier } = await generationsByAge(indexDir);
  let rollback: string | undefined;
  for (const name of earlier) {
    const finished = await stat(path.join(indexDir, name, indexFiles.manifest)).then(
      () => true,
      () => false,
    );
    if (finished) {
      rollback = name;
      break;
    }
  }
  await removeOldGenerations(indexDir, [current, rollback]);
}

/**
 * Deletes generations other than `keep` (replaced ones, or half-written by killed ingests) and temp files.
 * Each folder is first renamed out of the `gen-` namespace (atomic), so a reader sees a generation whole
 * or not at all, never half-deleted. Only the lock holder calls this.
 */
async function removeOldGenerations(indexDir: string, keep: (string | undefined)[]): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const full = path.join(indexDir, entry);
    if (generationPattern.test(entry) && !keep.includes(entry)) {
      const trash = path.join(indexDir, `${trashPrefix}${entry}`);
      await rename(full, trash).then(
        () => rm(trash, { recursive: true, force: true }),
        () => undefined,
      );
    } else if (entry.startsWith(trashPrefix) || (entry.endsWith(".tmp") && !keep.some((k) => k && entry.includes(k)))) {
      await rm(full, { recursive: true, force: true });
    }
  }
}

/**
 * Writes a generation's chunks, vectors and lexical index beside its HNSW folder (already saved), then
 * the manifest with the checksum of each of them. A disk that fills up is reported with the folder and
 * the space needed.
 */
export async function writeGenerationFiles(
  dir: string,
  parts: { manifest: IndexManifestInput; chunks: Chunk[]; vectors: Float32Array[]; lexicalJson: string },
): Promise<IndexManifest> {
  const dim = parts.manifest.embedder.dimension;
  const flat = new Float32Array(parts.vectors.length * dim);
  parts.vectors.forEach((v, i) => flat.set(v, i * dim));
  const chunksJson = JSON.stringify(parts.chunks);
  try {
    await writeFile(path.join(dir, indexFiles.chunks), chunksJson);
    await writeFile(path.join(dir, indexFiles.vectors), Buffer.from(flat.buffer));
    await writeFile(path.join(dir, indexFiles.lexical), parts.lexicalJson);
    const manifest = indexManifestSchema.parse({
      ...parts.manifest,
      checksums: await checksumFiles(dir, indexFiles.manifest),
    });
    // The manifest goes last: a generation without one is never made current.
    await writeFile(path.join(dir, indexFiles.manifest), JSON.stringify(manifest, null, 2));
    return manifest;
  } catch (error) {
    // Roughly twice what is written here: the HNSW graph holds the vectors again.
    throw await explainDiskFull(
      error,
      path.dirname(dir),
      2 * (chunksJson.length + flat.byteLength + parts.lexicalJson.length),
    );
  }
}
