import { describe, expect, it } from "vitest";
import { CoopdocsError } from "../core/coopdocs-error.js";
import { createEmbedder } from "./create-embeddings.js";

describe("createEmbedder", () => {
  it("embeds offline with the bundled Universal Sentence Encoder: 512-d, similar texts closer", async () => {
    const { embeddings, id } = await createEmbedder({ provider: "use" });
    expect(id).toMatch(/^universal-sentence-encoder/);
    const [a, b, c] = await embeddings.embedDocuments([
      "The nine priority areas of cooperation",
      "Which areas does the cooperation strategy prioritise?",
      "A recipe for banana bread",
    ]);
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a).toHaveLength(512);
    expect(cos(a ?? [], b ?? [])).toBeGreaterThan(cos(a ?? [], c ?? []));
  });

  it("gives a clear error when the Transformers.js embedder cannot be loaded here", async () => {
    const error = await createEmbedder({ provider: "transformers", model: "Xenova/bge-small-en-v1.5" }).catch(
      (e: unknown) => e,
    );
    expect(CoopdocsError.is(error, "embedder_unavailable")).toBe(true);
    expect((error as CoopdocsError).hint).toMatch(/EMBEDDINGS_PROVIDER=use/);
  });
});
