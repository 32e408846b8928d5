/**
 * A tiny corpus (three short documents) in a temporary folder, and a fast deterministic embedder for tests
 * that exercise the index machinery (locks, generations, corruption, kills) rather than answer quality.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { loadConfig, type Config } from "../../src/config/config.js";
import type { Embedder } from "../../src/embeddings/create-embeddings.js";

export const tinyDocuments: Record<string, string> = {
  "wetlands.txt":
    "# Wetland Restoration Programme\n\nThe wetland restoration programme protects mangrove forests along the coast.\n\n" +
    "Mangrove planting began in the river delta with local fishing villages.\n\n## Funding\n\nThe programme is funded by a regional trust fund for coastal ecosystems.\n",
  "air.txt":
    "# Clean Air Dialogue\n\nThe clean air dialogue brings city officials together to discuss haze and particulate pollution.\n\n" +
    "Monitoring stations report fine particulate matter every hour.\n",
  "training.md":
    "# Training Workshops\n\nTraining workshops on environmental impact assessment were held for young officials.\n\n" +
    "- Field visits to recycling plants\n- Lectures on circular economy policy\n",
};

export interface TinyWorkspace {
  dir: string;
  corpusDir: string;
  indexDir: string;
  config: Config;
  cleanup(): Promise<void>;
}

export async function createTinyWorkspace(extraEnv: Record<string, string> = {}): Promise<TinyWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), "coopdocs-tiny-"));
  const corpusDir = path.join(dir, "corpus");
  const indexDir = path.join(dir, "index");
  await mkdir(corpusDir);
  for (const [file, text] of Object.entries(tinyDocuments)) await writeFile(path.join(corpusDir, file), text);
  const config = loadConfig(
    { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "silent", ...extraEnv },
    dir,
  );
  return { dir, corpusDir, indexDir, config, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Bag-of-words vectors hashed into 64 dimensions: instant, deterministic, good enough to rank by shared words. */
class HashEmbeddings extends Embeddings {
  calls = 0;
  embedded = 0;
  constructor() {
    super({});
  }
  private vector(text: string): number[] {
    const v = new Float64Array(64);
    for (const word of text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)) {
      const h = createHash("md5").update(word).digest();
      const slot = (h[0] ?? 0) % 64;
      v[slot] = (v[slot] ?? 0) + 1;
    }
    v[63] = (v[63] ?? 0) + 0.01; // never the zero vector
    return Array.from(v);
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls++;
    this.embedded += texts.length;
    return texts.map((t) => this.vector(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vector(text);
  }
}

export function createHashEmbedder(): Embedder & { embeddings: HashEmbeddings } {
  return { embeddings: new HashEmbeddings(), id: "test-hash-64", label: "test hash embedder" };
}
