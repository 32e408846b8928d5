import type { Embeddings } from "@langchain/core/embeddings";
import { embedderUnavailable } from "./create-embeddings.js";

/**
 * Optional Transformers.js embedder (bge-small, multilingual-e5, ...). Its package is not a dependency:
 * it downloads model weights from the Hugging Face hub on first use, which many networks (and CI) block.
 */
export async function createTransformersEmbeddings(model: string): Promise<Embeddings> {
  const transformersPackage = "@huggingface/transformers";
  try {
    await import(transformersPackage);
  } catch (error) {
    throw embedderUnavailable(
      `EMBEDDINGS_PROVIDER=transformers needs the optional package ${transformersPackage}, which is not installed.`,
      error,
    );
  }
  const { HuggingFaceTransformersEmbeddings } = await import(
    "@langchain/community/embeddings/huggingface_transformers"
  );
  // multilingual-e5 expects "query: " / "passage: " prefixes; bge works without them.
  const embeddings = new HuggingFaceTransformersEmbeddings({ model });
  try {
    await embeddings.embedQuery("probe");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw embedderUnavailable(
      `Could not load the embedding model "${model}" (${reason}). It is downloaded from the Hugging Face hub on first use; this machine may be offline.`,
      error,
    );
  }
  return embeddings;
}
