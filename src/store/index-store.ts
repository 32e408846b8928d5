import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { Chunk } from "../core/types.js";
import { indexManifestSchema, type IndexManifest } from "./index-manifest.js";

/**
 * On disk: `INDEX_DIR/CURRENT` names the live generation folder (`gen-…`), which holds the manifest,
 * the chunks, their vectors, the HNSW index and the lexical index. A new generation is written
 * beside the old one and CURRENT is replaced by an atomic rename, so a failed or killed ingest
 * leaves the previous index usable.
 */
export const indexFiles = {
  current: "CURRENT",
  lock: "ingest.lock",
  manifest: "manifest.json",
  chunks: "chunks.json",
  vectors: "vectors.f32",
  lexical: "lexical.json",
  hnsw: "hnsw",
} as const;

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

export async function currentGenerationDir(indexDir: string): Promise<string | undefined> {
  let name: string;
  try {
    name = (await readFile(path.join(indexDir, indexFiles.current), "utf8")).trim();
  } catch {
    return undefined;
  }
  if (!/^gen-[\w-]+$/.test(name)) {
    throw corrupt(indexDir, `${indexFiles.current} does not name an index generation`);
  }
  return path.join(indexDir, name);
}

function corrupt(indexDir: string, reason: string, cause?: unknown): CoopdocsError {
  return new CoopdocsError(
    ErrorCode.IndexCorrupt,
    `The index in ${indexDir} is damaged (${reason}).`,
    "Rebuild it with `npx coopdocs ingest --force`.",
    { cause },
  );
}

export async function readIndexManifest(indexDir: string): Promise<IndexManifest | undefined> {
  const dir = await currentGenerationDir(indexDir);
  if (!dir) return undefined;
  try {
    return indexManifestSchema.parse(JSON.parse(await readFile(path.join(dir, indexFiles.manifest), "utf8")));
  } catch (error) {
    throw corrupt(indexDir, "its manifest cannot be read", error);
  }
}

export interface StoredIndex {
  dir: string;
  manifest: IndexManifest;
  chunks: Chunk[];
  vectors: Float32Array[];
  lexicalJson: string;
}

/** Loads the live generation and checks that its parts agree with each other. */
export async function readStoredIndex(indexDir: string): Promise<StoredIndex | undefined> {
  const manifest = await readIndexManifest(indexDir);
  const dir = await currentGenerationDir(indexDir);
  if (!manifest || !dir) return undefined;
  try {
    const chunks = chunkSchema.parse(JSON.parse(await readFile(path.join(dir, indexFiles.chunks), "utf8")));
    const raw = await readFile(path.join(dir, indexFiles.vectors));
    const dim = manifest.embedder.dimension;
    const all = new Float32Array(raw.buffer, raw.byteOffset, Math.floor(raw.byteLength / 4));
    if (chunks.length !== manifest.chunkCount || all.length !== chunks.length * dim) {
      throw new Error(`${chunks.length} chunks, ${all.length / dim} vectors, manifest says ${manifest.chunkCount}`);
    }
    const vectors = chunks.map((_, i) => all.slice(i * dim, (i + 1) * dim));
    const lexicalJson = await readFile(path.join(dir, indexFiles.lexical), "utf8");
    return { dir, manifest, chunks, vectors, lexicalJson };
  } catch (error) {
    if (error instanceof CoopdocsError) throw error;
    throw corrupt(indexDir, error instanceof Error ? error.message : String(error), error);
  }
}

export interface NewGeneration {
  dir: string;
  /** Makes this generation the live one, then removes older ones. */
  commit(): Promise<void>;
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
    async commit() {
      const tmp = path.join(indexDir, `${indexFiles.current}.${name}.tmp`);
      await writeFile(tmp, `${name}\n`);
      await rename(tmp, path.join(indexDir, indexFiles.current));
      await removeStaleGenerations(indexDir, name);
    },
    async abandon() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Deletes generations and temp files other than `keep` (left behind by replaced or killed ingests). */
async function removeStaleGenerations(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    if ((entry.startsWith("gen-") && entry !== keep) || entry.endsWith(".tmp")) {
      await rm(path.join(indexDir, entry), { recursive: true, force: true });
    }
  }
}

export async function writeGenerationFiles(
  dir: string,
  parts: { manifest: IndexManifest; chunks: Chunk[]; vectors: Float32Array[]; lexicalJson: string },
): Promise<void> {
  const dim = parts.manifest.embedder.dimension;
  const flat = new Float32Array(parts.vectors.length * dim);
  parts.vectors.forEach((v, i) => flat.set(v, i * dim));
  await writeFile(path.join(dir, indexFiles.chunks), JSON.stringify(parts.chunks));
  await writeFile(path.join(dir, indexFiles.vectors), Buffer.from(flat.buffer));
  await writeFile(path.join(dir, indexFiles.lexical), parts.lexicalJson);
  // The manifest goes last: a generation without one is never made current.
  await writeFile(path.join(dir, indexFiles.manifest), JSON.stringify(parts.manifest, null, 2));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Makes sure only one ingest writes an index folder at a time (a bot's automatic rebuild and a manual
 * `coopdocs ingest`, say): a second one stops with a clear error instead of deleting the first one's
 * half-written generation. A lock left by a process that died is taken over. Returns the release function.
 */
export async function acquireIngestLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const lockPath = path.join(indexDir, indexFiles.lock);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
        throw new CoopdocsError(
          ErrorCode.IndexBusy,
          `Another ingest (process ${owner}) is updating the index in ${indexDir}.`,
          "Wait for it to finish, then try again.",
        );
      }
      await rm(lockPath, { force: true }); // left behind by an ingest that was killed
    }
  }
  throw new CoopdocsError(ErrorCode.IndexBusy, `Could not lock the index in ${indexDir}.`, "Try again.");
}
