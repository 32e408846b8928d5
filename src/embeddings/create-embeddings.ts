import type { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsConfig } from "../config/config.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { UniversalSentenceEncoderEmbeddings } from "./universal-sentence-encoder.js";

/** An embedder plus the identity stored in the index manifest, so an index is never read with another model. */
export interface Embedder {
  embeddings: Embeddings;
  /** Stable identifier, e.g. "universal-sentence-encoder@energetic-ai-0.2" or "transformers:Xenova/bge-small-en-v1.5". */
  id: string;
  /** Short human label for logs. */
  label: string;
}

const defaultTransformersModel = "Xenova/bge-small-en-v1.5";

export async function createEmbedder(config: EmbeddingsConfig): Promise<Embedder> {
  if (config.provider === "use") {
    return {
      embeddings: new UniversalSentenceEncoderEmbeddings(),
      id: UniversalSentenceEncoderEmbeddings.id,
      label: "Universal Sentence Encoder (offline, bundled)",
    };
  }
  const model = config.model ?? defaultTransformersModel;
  const { createTransformersEmbeddings } = await import("./transformers-embeddings.js");
  return { embeddings: await createTransformersEmbeddings(model), id: `transformers:${model}`, label: model };
}

export function embedderUnavailable(message: string, cause?: unknown): CoopdocsError {
  return new CoopdocsError(
    ErrorCode.EmbedderUnavailable,
    message,
    "Use the bundled offline embedder (EMBEDDINGS_PROVIDER=use, the default), or see README › Embedders.",
    { cause },
  );
}
