import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config/config.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { inProcessRunner, workerPoolRunner } from "../ingest/embed-pool.js";
import { ingestCorpus } from "../ingest/ingest.js";
import { round } from "./stats.js";

export interface EmbedWorkersResult {
  workers: number;
  chunks: number;
  ms: number;
  chunksPerSecond: number;
  /** 1-minute load average when the run started (how busy the machine was). */
  loadAverage: number;
}

/**
 * Ingests the real corpus from scratch (no vector cache) with one embedding thread, then with `workers`
 * threads, one run each side by side, so the speed-up of the worker pool is measured on this machine.
 */
export async function measureEmbedWorkers(
  config: Config,
  embedder: Embedder,
  workers: number,
  log: (line: string) => void,
): Promise<EmbedWorkersResult[]> {
  const results: EmbedWorkersResult[] = [];
  for (const n of [...new Set([1, workers])]) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `coopdocs-bench-workers-${n}-`));
    const runner =
      n > 1
        ? await workerPoolRunner({ provider: config.embeddings.provider, model: config.embeddings.model }, n)
        : inProcessRunner(embedder);
    try {
      // Warm the pool's models first: the model load is paid once per worker, not per ingest.
      if (n > 1) await Promise.all(Array.from({ length: n }, () => runner.embed(["warm up"])));
      const loadAverage = round(os.loadavg()[0] ?? 0, 2);
      log(`embedding workers: ${n} thread(s), load average ${loadAverage}…`);
      const started = performance.now();
      const report = await ingestCorpus({
        corpusDir: config.corpusDir,
        indexDir: path.join(dir, "index"),
        embedder,
        embedRunner: runner,
        force: true,
      });
      const ms = performance.now() - started;
      results.push({
        workers: n,
        chunks: report.chunkCount,
        ms: round(ms, 0),
        chunksPerSecond: round(report.chunkCount / (ms / 1000), 1),
        loadAverage,
      });
    } finally {
      await runner.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}
