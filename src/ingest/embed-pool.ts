import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EmbeddingsConfig } from "../config/config.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import type { EmbedTask } from "./embed-worker.js";

/** Embeds batches of texts, on this thread or on a pool of worker threads. */
export interface EmbedRunner {
  workers: number;
  embed(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** This thread's embedder: EMBED_WORKERS=1, or when the embedder cannot be rebuilt from configuration in a worker. */
export function inProcessRunner(embedder: Embedder): EmbedRunner {
  return {
    workers: 1,
    async embed(texts) {
      return (await embedder.embeddings.embedDocuments(texts)).map((v) => Float32Array.from(v));
    },
    async close() {},
  };
}

/** The worker module beside this one: `.js` when built, `.ts` when run from source (tsx, vitest). */
function workerFile(): string {
  const js = fileURLToPath(new URL("./embed-worker.js", import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL("./embed-worker.ts", import.meta.url));
}

/**
 * A pool of `workers` threads (piscina), each with its own model, so embedding uses every core; the
 * model is single-threaded JavaScript, so one thread per core is the most that helps.
 */
export async function workerPoolRunner(config: EmbeddingsConfig, workers: number): Promise<EmbedRunner> {
  const { Piscina } = await import("piscina");
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  return {
    workers,
    embed: (texts) => pool.run({ config, texts } satisfies EmbedTask) as Promise<Float32Array[]>,
    close: () => pool.destroy(),
  };
}

/** The runner ingest should use: a worker pool when more than one worker is configured. */
export async function createEmbedRunner(embedder: Embedder, config: EmbeddingsConfig): Promise<EmbedRunner> {
  const workers = config.workers ?? 1;
  return workers > 1
    ? workerPoolRunner({ provider: config.provider, model: config.model }, workers)
    : inProcessRunner(embedder);
}
