import { createHash } from "node:crypto";
import { Embeddings } from "@langchain/core/embeddings";
import type { Embedder } from "../../src/embeddings/index.js";

/** A fast, deterministic stand-in for the model (16-d vectors from a text hash) that counts what it embeds. */
export class CountingEmbeddings extends Embeddings {
  embedded: string[] = [];
  constructor() {
    super({});
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return texts.map((t) => [...createHash("sha256").update(t).digest().subarray(0, 16)].map((b) => b / 255 + 0.01));
  }
  override async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0] ?? [];
  }
}

export function countingEmbedder(): Embedder & { embeddings: CountingEmbeddings } {
  return { embeddings: new CountingEmbeddings(), id: "test:counting", label: "counting test embedder" };
}
