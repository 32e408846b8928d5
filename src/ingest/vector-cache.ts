import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Vectors by the hash of the text that was embedded, kept in the index folder beside the generations
 * (`vector-cache-<embedder>.bin`). Each embedded batch is appended at once, so an ingest that is killed
 * and run again embeds only what it had not reached; after a successful ingest the file is rewritten
 * with the vectors of the live index only, so it does not grow without bound.
 * Record layout: 32-byte SHA-256 of the text, then `dimension` little-endian float32s.
 */
export class VectorCache {
  private constructor(
    private readonly file: string,
    private readonly dimension: number,
    private readonly vectors: Map<string, Float32Array>,
  ) {}

  static key(text: string): string {
    return createHash("sha256").update(text).digest("hex");
  }

  static fileFor(indexDir: string, embedderId: string): string {
    const id = createHash("sha256").update(embedderId).digest("hex").slice(0, 12);
    return path.join(indexDir, `vector-cache-${id}.bin`);
  }

  /** Opens (or starts) the cache; a damaged tail (a write cut short) is ignored. */
  static async open(indexDir: string, embedderId: string, dimension: number): Promise<VectorCache> {
    const file = VectorCache.fileFor(indexDir, embedderId);
    const vectors = new Map<string, Float32Array>();
    const record = 32 + dimension * 4;
    try {
      const raw = await readFile(file);
      for (let at = 0; at + record <= raw.length; at += record) {
        const key = raw.subarray(at, at + 32).toString("hex");
        const copy = Buffer.from(raw.subarray(at + 32, at + record));
        vectors.set(key, new Float32Array(copy.buffer, copy.byteOffset, dimension));
      }
    } catch {
      // no cache yet
    }
    await mkdir(indexDir, { recursive: true });
    return new VectorCache(file, dimension, vectors);
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(VectorCache.key(text));
  }

  /** Remembers vectors and appends them to the file at once. */
  async add(entries: { text: string; vector: Float32Array }[]): Promise<void> {
    const fresh = entries.filter((e) => e.vector.length === this.dimension);
    if (fresh.length === 0) return;
    await appendFile(this.file, Buffer.concat(fresh.map((e) => this.record(VectorCache.key(e.text), e.vector))));
    for (const e of fresh) this.vectors.set(VectorCache.key(e.text), e.vector);
  }

  /** Rewrites the file with only these texts' vectors (those of the index just committed). */
  async keepOnly(texts: string[]): Promise<void> {
    const keys = new Set(texts.map(VectorCache.key));
    const kept = [...keys].flatMap((key) => {
      const vector = this.vectors.get(key);
      return vector ? [this.record(key, vector)] : [];
    });
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, Buffer.concat(kept));
    await rename(tmp, this.file);
  }

  private record(key: string, vector: Float32Array): Buffer {
    const floats = Buffer.from(Float32Array.from(vector).buffer);
    return Buffer.concat([Buffer.from(key, "hex"), floats]);
  }
}
