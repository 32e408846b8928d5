import type { EmbeddingsConfig } from "../config/config.js";
import { createEmbedder, type Embedder } from "../embeddings/create-embeddings.js";

export interface EmbedTask {
  config: EmbeddingsConfig;
  texts: string[];
}

// One model per worker thread, loaded on its first task and kept for the next ones.
let embedder: Promise<Embedder> | undefined;

/** Piscina worker: embeds a batch of texts with this thread's own model; vectors go back as Float32Arrays. */
export default async function embedBatch(task: EmbedTask): Promise<Float32Array[]> {
  embedder ??= createEmbedder(task.config);
  const vectors = await (await embedder).embeddings.embedDocuments(task.texts);
  return vectors.map((v) => Float32Array.from(v));
}
