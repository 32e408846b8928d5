export { createEmbedder } from "./create-embeddings.js";
export type { Embedder } from "./create-embeddings.js";
export { UniversalSentenceEncoderEmbeddings } from "./universal-sentence-encoder.js";
