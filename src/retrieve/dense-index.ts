import path from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { indexFiles } from "../store/index-store.js";

/** One nearest neighbour: the chunk's position in the index (chunks.json order) and its cosine similarity. */
export interface DenseHit {
  index: number;
  similarity: number;
}

/**
 * What retrieval needs from a vector index: the k nearest chunks to a query vector, best first.
 *
 * The retriever and the benchmark only ever see this interface, so where vectors live is a configuration
 * choice (`VECTOR_STORE`). Today the one implementation is hnswlib on local disk; a server vector store
 * (Qdrant, pgvector, …) plugs in through LangChain's VectorStore interface with {@link VectorStoreDenseIndex},
 * as long as each stored document carries `metadata.index` (its position in chunks.json).  See README › Beyond one machine.
 */
export interface DenseIndex {
  /** Short name for logs and benchmark output, e.g. "hnswlib". */
  readonly kind: string;
  search(vector: number[], k: number): Promise<DenseHit[]>;
}

/** Converts a store's raw score to cosine similarity (stores disagree: distance or similarity). */
export type ScoreToSimilarity = (score: number) => number;

/** LangChain's HNSWLib (space "cosine") returns cosine distance: lower is closer. */
export const cosineDistanceToSimilarity: ScoreToSimilarity = (distance) => 1 - distance;

/**
 * A DenseIndex over any LangChain VectorStore: HNSWLib here, QdrantVectorStore or PGVectorStore after a
 * switch. Documents must hold `metadata.index`; hits without it are dropped rather than guessed.
 */
export class VectorStoreDenseIndex implements DenseIndex {
  constructor(
    readonly kind: string,
    private readonly store: Pick<VectorStoreInterface, "similaritySearchVectorWithScore">,
    private readonly toSimilarity: ScoreToSimilarity,
  ) {}

  async search(vector: number[], k: number): Promise<DenseHit[]> {
    if (k <= 0) return [];
    const hits = await this.store.similaritySearchVectorWithScore(vector, k);
    const out: DenseHit[] = [];
    for (const [doc, score] of hits) {
      const index: unknown = (doc.metadata as Record<string, unknown>).index;
      if (typeof index === "number" && Number.isInteger(index))
        out.push({ index, similarity: this.toSimilarity(score) });
    }
    return out;
  }
}

/** Exact (brute-force) cosine search over all vectors: the reference the benchmark measures HNSW against. */
export class ExactDenseIndex implements DenseIndex {
  readonly kind = "exact";
  private readonly norms: Float64Array;

  constructor(private readonly vectors: readonly Float32Array[]) {
    this.norms = Float64Array.from(vectors, (v) => Math.sqrt(dot(v, v)));
  }

  async search(vector: number[], k: number): Promise<DenseHit[]> {
    return this.searchSync(vector, k);
  }

  searchSync(vector: readonly number[], k: number): DenseHit[] {
    const q = Float32Array.from(vector);
    const qn = Math.sqrt(dot(q, q));
    const hits: DenseHit[] = [];
    this.vectors.forEach((v, index) => {
      const n = this.norms[index] ?? 0;
      hits.push({ index, similarity: qn === 0 || n === 0 ? 0 : dot(q, v) / (qn * n) });
    });
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, Math.max(0, k));
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Vector stores coopdocs can use (VECTOR_STORE). Only "hnswlib" is built in; README › Beyond one machine says how to add another. */
export type VectorStoreKind = "hnswlib";

/**
 * Breadth of the HNSW search (hnswlib's `ef`; it searches max(ef, k)). hnswlib's default of 10 gave a
 * recall@10 of 0.31 at 100× the corpus in `npm run bench`; 200 costs well under a millisecond a query there.
 */
export const defaultHnswEfSearch = 200;

/** Loads the HNSW index a generation folder holds (written by ingest as `<generation>/hnsw/`). */
export async function loadHnswDenseIndex(
  hnswDir: string,
  embeddings: EmbeddingsInterface,
  efSearch: number = defaultHnswEfSearch,
): Promise<DenseIndex> {
  const store = await HNSWLib.load(hnswDir, embeddings);
  store.index.setEf(efSearch);
  return new VectorStoreDenseIndex("hnswlib", store, cosineDistanceToSimilarity);
}

/** Opens the configured dense index for one index generation. */
export async function openDenseIndex(
  generationDir: string,
  embeddings: EmbeddingsInterface,
  options: { kind: VectorStoreKind; efSearch: number } = { kind: "hnswlib", efSearch: defaultHnswEfSearch },
): Promise<DenseIndex> {
  switch (options.kind) {
    case "hnswlib":
      return loadHnswDenseIndex(path.join(generationDir, indexFiles.hnsw), embeddings, options.efSearch);
  }
}
