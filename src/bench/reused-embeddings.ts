import { Embeddings } from "@langchain/core/embeddings";
import type { Chunk } from "../core/types.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { embeddingText } from "../ingest/ingest.js";
import { gaussian, seededRandom } from "./stats.js";

export interface ReuseStats {
  /** Texts identical to a real chunk's: given that chunk's real vector, unchanged. */
  exact: number;
  /** Synthetic chunks: the length-weighted mean of their source paragraphs' chunk vectors, plus noise. */
  composed: number;
  /** Texts with a paragraph found nowhere in the real corpus: embedded by the real model. */
  embedded: number;
  /** Time spent in the real model for those, ms. */
  modelMs: number;
}

const continued = / \(continued\)$/;

/**
 * Embeddings for the scale benchmark that reuse real vectors instead of running the model on every synthetic
 * chunk (the model costs ~70 ms a chunk: 100× the corpus would take ~25 min). A synthetic chunk is made of
 * real paragraphs, so its vector is the mean of the real vectors of the chunks those paragraphs came from,
 * with small Gaussian noise, normalised: HNSW, BM25 and the answer path then work on data of the real shape.
 * Queries are always embedded by the real model.
 */
export class ReusedVectorEmbeddings extends Embeddings {
  readonly stats: ReuseStats = { exact: 0, composed: 0, embedded: 0, modelMs: 0 };
  private readonly byText = new Map<string, Float32Array>();
  private readonly byLine = new Map<string, number>();
  private readonly lines: { text: string; chunk: number }[] = [];
  private readonly random: () => number;

  constructor(
    private readonly real: Embedder,
    chunks: readonly Chunk[],
    private readonly vectors: readonly Float32Array[],
    private readonly noise = 0.004,
    seed = 42,
  ) {
    super({});
    this.random = seededRandom(seed);
    chunks.forEach((chunk, index) => {
      const vector = vectors[index];
      if (vector) this.byText.set(embeddingText(chunk), vector);
      for (const line of chunk.text.split("\n")) {
        const text = line.trim();
        if (text === "") continue;
        if (!this.byLine.has(text)) this.byLine.set(text, index);
        this.lines.push({ text, chunk: index });
      }
    });
  }

  /** The chunk a paragraph (or a piece of one: split sentences, a cut-off tail) came from. */
  private sourceOf(line: string): number | undefined {
    const text = line.trim().replace(continued, "");
    const direct = this.byLine.get(text);
    if (direct !== undefined) return direct;
    if (text.length < 12) return undefined;
    const hit = this.lines.find((l) => l.text.includes(text) || text.includes(l.text));
    if (hit) this.byLine.set(text, hit.chunk);
    return hit?.chunk;
  }

  private compose(text: string): number[] | undefined {
    const body = text.slice(text.indexOf("\n") + 1);
    const dimension = this.vectors[0]?.length ?? 0;
    const sum = new Float64Array(dimension);
    let weight = 0;
    for (const line of body.split("\n")) {
      if (line.trim() === "") continue;
      const source = this.sourceOf(line);
      if (source === undefined) {
        if (line.trim().length >= 12) return undefined;
        continue;
      }
      const vector = this.vectors[source];
      if (!vector) return undefined;
      const w = line.length;
      for (let i = 0; i < dimension; i++) sum[i] = (sum[i] ?? 0) + w * (vector[i] ?? 0);
      weight += w;
    }
    if (weight === 0) return undefined;
    const out = Array.from(sum, (x) => x / weight + this.noise * gaussian(this.random));
    const norm = Math.sqrt(out.reduce((s, x) => s + x * x, 0));
    return norm === 0 ? out : out.map((x) => x / norm);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: (number[] | undefined)[] = texts.map((text) => {
      const exact = this.byText.get(text);
      if (exact) {
        this.stats.exact++;
        return Array.from(exact);
      }
      const composed = this.compose(text);
      if (composed) this.stats.composed++;
      return composed;
    });
    const missing = texts.flatMap((text, i) => (out[i] === undefined ? [{ text, i }] : []));
    if (missing.length > 0) {
      const started = performance.now();
      const vectors = await this.real.embeddings.embedDocuments(missing.map((m) => m.text));
      this.stats.modelMs += performance.now() - started;
      this.stats.embedded += missing.length;
      missing.forEach((m, j) => (out[m.i] = vectors[j]));
    }
    return out.map((v) => v ?? []);
  }

  override embedQuery(text: string): Promise<number[]> {
    return this.real.embeddings.embedQuery(text);
  }
}

/** An Embedder with the real one's id (so the index reads back with the real model) and reused vectors. */
export function reusingEmbedder(
  real: Embedder,
  chunks: readonly Chunk[],
  vectors: readonly Float32Array[],
): Embedder & {
  embeddings: ReusedVectorEmbeddings;
} {
  return {
    id: real.id,
    label: `${real.label}, vectors reused for synthetic chunks`,
    embeddings: new ReusedVectorEmbeddings(real, chunks, vectors),
  };
}

/** Wraps an embedder to count the time its model spends embedding documents (ingest's embedding share). */
export function timingEmbedder(real: Embedder): Embedder & { modelMs: () => number; documents: () => number } {
  let ms = 0;
  let documents = 0;
  const inner = real.embeddings;
  class Timed extends Embeddings {
    override async embedDocuments(texts: string[]): Promise<number[][]> {
      const started = performance.now();
      const vectors = await inner.embedDocuments(texts);
      ms += performance.now() - started;
      documents += texts.length;
      return vectors;
    }
    override embedQuery(text: string): Promise<number[]> {
      return inner.embedQuery(text);
    }
  }
  return { id: real.id, label: real.label, embeddings: new Timed({}), modelMs: () => ms, documents: () => documents };
}
