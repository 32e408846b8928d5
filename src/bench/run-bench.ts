import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAnswerService, type AnswerService } from "../answer/answer-service.js";
import type { Config } from "../config/config.js";
import { createEmbedder, type Embedder } from "../embeddings/create-embeddings.js";
import { readEvalSet } from "../eval/evalset.js";
import { ingestCorpus } from "../ingest/ingest.js";
import { readStoredIndex, type StoredIndex } from "../store/index-store.js";
import { formatBenchTable, type BenchResult, type SizeResult, type TargetCheck } from "./report.js";
import { measureEmbedWorkers } from "./embed-workers.js";
import { reusingEmbedder, timingEmbedder, type ReuseStats } from "./reused-embeddings.js";
import { measureSlackAck } from "./slack-ack.js";
import { measureWebTtfb } from "./web-ttfb.js";
import { MemorySampler, round, summarize, timed, timedSync } from "./stats.js";
import { renderChart } from "./svg-chart.js";
import { writeScaledCorpus } from "./synthetic-corpus.js";

/** The package root (this file is dist/bench/run-bench.js or src/bench/run-bench.ts). */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface BenchOptions {
  config: Config;
  /** Corpus sizes as multiples of the real corpus; 1 is always measured. */
  sizes: number[];
  quick: boolean;
  /** Sizes up to this one are embedded by the real model; larger ones reuse real vectors. */
  realEmbedUpTo: number;
  /** Warm questions timed per size. */
  queries: number;
  coldRuns: number;
  slackEvents: number;
  outDir: string;
  /** Keep the temporary corpora and indexes (for inspection). */
  keep?: boolean;
  log: (line: string) => void;
}

export function defaultBenchOptions(config: Config, quick: boolean): Omit<BenchOptions, "log"> {
  return {
    config,
    sizes: quick ? [1, 10] : [1, 10, 100],
    quick,
    realEmbedUpTo: quick ? 1 : 10,
    queries: quick ? 15 : 60,
    coldRuns: quick ? 1 : 3,
    slackEvents: quick ? 15 : 50,
    outDir: path.resolve("bench-results"),
  };
}

const fallbackQuestions = [
  "What are the 2016-2020 priority areas?",
  "When was CAEC established?",
  "Which cooperation activities concern biodiversity?",
  "What does the Green Envoys Program offer?",
];

async function benchQuestions(): Promise<string[]> {
  try {
    return (await readEvalSet(path.join(packageRoot, "tests", "eval", "public.jsonl"))).map((q) => q.question);
  } catch {
    return fallbackQuestions;
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(full) : (await stat(full)).size;
  }
  return total;
}

function machine(): BenchResult["machine"] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Times the warm retrieval and the whole extractive answer, and HNSW against exact search. */
async function measureQueries(
  service: AnswerService,
  embedder: Embedder,
  questions: string[],
  count: number,
  log: (line: string) => void,
) {
  const retriever = service.retriever;
  // Warm-up: JIT, model and lazily built tables (idf); nothing is cached per question, so repeats cost the same.
  for (const q of questions.slice(0, 10)) await service.ask(q);
  const retrieval: number[] = [];
  const answer: number[] = [];
  let found = 0;
  let asked = 0;
  for (let i = 0; i < count; i++) {
    const q = questions[i % questions.length] ?? "";
    retrieval.push((await timed(() => retriever.retrieve(q, 10))).ms);
    const result = await timed(() => service.ask(q));
    answer.push(result.ms);
    if (i < questions.length) {
      asked++;
      if (result.value.found) found++;
    }
  }
  log(`    warm answers: p50 ${summarize(answer).p50} ms over ${count}`);

  const vectors: number[][] = [];
  for (const q of questions) vectors.push(await embedder.embeddings.embedQuery(retriever.searchQuery(q)));
  const hnsw: number[] = [];
  const exact: number[] = [];
  let recall10 = 0;
  let recall40 = 0;
  // Each query timed 3 times, every time recorded: more samples for the percentiles, 3× the run time.
  const reps = 3;
  for (const v of vectors) {
    let hits10: { index: number }[] = [];
    let hits40: { index: number }[] = [];
    for (let r = 0; r < reps; r++) {
      const h = await timed(() => retriever.denseSearch(v, 10));
      hnsw.push(h.ms);
      hits10 = h.value;
    }
    hits40 = await retriever.denseSearch(v, 40);
    let truth: { index: number }[] = [];
    for (let r = 0; r < reps; r++) {
      const e = timedSync(() => retriever.exactDenseSearch(v, 10));
      exact.push(e.ms);
      truth = e.value;
    }
    const want = new Set(truth.map((t) => t.index));
    recall10 += hits10.filter((h) => want.has(h.index)).length / Math.max(1, want.size);
    recall40 += hits40.slice(0, 10).filter((h) => want.has(h.index)).length / Math.max(1, want.size);
  }
  const hnswMs = summarize(hnsw);
  const exactMs = summarize(exact);
  return {
    retrievalMs: summarize(retrieval),
    answerMs: summarize(answer),
    found: { found, asked },
    dense: {
      store: service.retriever.denseKind,
      queries: vectors.length,
      hnswMs,
      exactMs,
      speedRatio: round(exactMs.mean / hnswMs.mean, 1),
      recallAt10: round(recall10 / Math.max(1, vectors.length), 3),
      recallAt10WithCandidates40: round(recall40 / Math.max(1, vectors.length), 3),
    },
  };
}

async function coldAsk(config: Config, question: string, runs: number): Promise<BenchResult["coldAsk"]> {
  const bin = path.join(packageRoot, "bin", "coopdocs.js");
  const samples: number[] = [];
  let ok = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, "ask", question, "--json"], {
        env: {
          ...process.env,
          CORPUS_DIR: config.corpusDir,
          INDEX_DIR: config.indexDir,
          LOG_LEVEL: "warn",
          LLM_PROVIDER: "none",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
      child.stderr.resume();
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("error", reject);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve({ code: c, stdout: out });
      });
    });
    samples.push(performance.now() - started);
    try {
      if (code === 0 && typeof (JSON.parse(stdout) as { answer?: unknown }).answer === "string") ok++;
    } catch {
      // counted as not ok
    }
  }
  return { runs, ok, ms: summarize(samples), command: `node bin/coopdocs.js ask "${question}" --json` };
}

interface Built {
  corpusDir: string;
  indexDir: string;
  stored: StoredIndex;
  ingest: SizeResult["ingest"];
  documents: number;
}

/** Runs the whole benchmark; returns the result and writes JSON, SVG and nothing else. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const log = options.log;
  const work = await mkdtemp(path.join(os.tmpdir(), "coopdocs-bench-"));
  const baseConfig: Config = { ...options.config, llm: { ...options.config.llm, provider: "none" } };
  const questions = await benchQuestions();
  const notes: string[] = [];
  const overall = new MemorySampler().start(50);
  try {
    log(`Benchmark working folder: ${work}`);
    const loadStarted = performance.now();
    const embedder = await createEmbedder(baseConfig.embeddings);
    await embedder.embeddings.embedQuery("warm up");
    const modelLoadMs = performance.now() - loadStarted;

    // 1×: the real corpus, really embedded.
    log("1×: ingesting the real corpus (real embeddings)…");
    const realIndex = path.join(work, "index-1");
    const real = await ingestWith(embedder, baseConfig.corpusDir, realIndex, "model");
    const msPerChunk = real.ingest.modelMs / Math.max(1, real.stored.chunks.length);
    const sizes: SizeResult[] = [];
    let coldResult: BenchResult["coldAsk"] | undefined;
    let slackResult: BenchResult["slack"] | undefined;
    let webResult: BenchResult["web"] | undefined;

    const sortedSizes = [...new Set([1, ...options.sizes])].sort((a, b) => a - b);
    for (const scale of sortedSizes) {
      const sampler = new MemorySampler().start();
      let built: Built = real;
      if (scale > 1) {
        const corpusDir = path.join(work, `corpus-${scale}`);
        const written = await writeScaledCorpus({
          realCorpusDir: baseConfig.corpusDir,
          targetDir: corpusDir,
          scale,
          chunks: real.stored.chunks,
        });
        const useModel = scale <= options.realEmbedUpTo;
        log(
          `${scale}×: ingesting ${written.files} documents (${useModel ? "real embeddings" : "real vectors reused"})…`,
        );
        built = useModel
          ? await ingestWith(embedder, corpusDir, path.join(work, `index-${scale}`), "model")
          : await ingestWith(
              reusingEmbedder(embedder, real.stored.chunks, real.stored.vectors),
              corpusDir,
              path.join(work, `index-${scale}`),
              "reused",
            );
      }
      const chunks = built.stored.chunks.length;
      const ingest = { ...built.ingest };
      ingest.estimatedFullIngestMs =
        ingest.embedding === "model" ? ingest.measuredMs : round(ingest.nonModelMs + chunks * msPerChunk, 0);
      const config: Config = { ...baseConfig, corpusDir: built.corpusDir, indexDir: built.indexDir };
      log(`${scale}×: ${chunks} chunks; timing ${options.queries} warm questions…`);
      const service = await createAnswerService(config);
      const q = await measureQueries(service, embedder, questions, options.queries, log);
      if (scale === 1) {
        log("1×: cold `ask` in a child process…");
        coldResult = await coldAsk(config, questions[0] ?? "What are the priority areas?", options.coldRuns);
        log("1×: Slack acknowledgement (real Bolt app, HTTP mode, on 127.0.0.1)…");
        slackResult = await measureSlackAck(service, questions, options.slackEvents);
        log("1×: web page time to first byte (real server on 127.0.0.1)…");
        webResult = await measureWebTtfb(config, service, options.slackEvents);
      }
      const memory = sampler.stop();
      sizes.push({
        scale,
        documents: built.documents,
        chunks,
        ingest,
        indexBytes: await folderBytes(built.indexDir),
        ...q,
        peakRssMb: memory.peakRssMb,
      });
      if (!options.keep && scale > 1) await rm(built.corpusDir, { recursive: true, force: true });
    }

    const workers = baseConfig.embeddings.workers ?? os.availableParallelism();
    const embedWorkers = await measureEmbedWorkers(baseConfig, embedder, Math.max(2, workers), log);
    const memory = overall.stop();
    const at = (scale: number) => sizes.find((s) => s.scale === scale);
    const targets: TargetCheck[] = [];
    const check = (name: string, limitMs: number, measured: number | undefined) => {
      if (measured !== undefined && Number.isFinite(measured))
        targets.push({ name, targetMs: limitMs, measuredMs: measured, pass: measured < limitMs });
    };
    check("warm extractive answer p50 at 1×", 100, at(1)?.answerMs.p50);
    check("warm extractive answer p50 at 100×", 250, at(100)?.answerMs.p50);
    check("cold `ask` (process start to answer), median", 3000, coldResult?.ms.p50);
    check("Slack acknowledgement p95 (one at a time)", 100, slackResult?.ackMs.p95);
    check("web page `/` time to first byte p95", 100, webResult?.rootMs.p95);
    check("source view time to first byte p95", 300, webResult?.sourceMs.p95);

    notes.push(
      `Embedding cost measured at 1×: ${round(msPerChunk, 1)} ms per chunk (${real.stored.chunks.length} chunks in ${round(real.ingest.modelMs / 1000, 1)} s of model time).`,
    );
    for (const s of sizes.filter((x) => x.ingest.embedding === "reused")) {
      notes.push(
        `${s.scale}×: measured everything but the embedding model (read, chunk, BM25, HNSW build, write: ${round(s.ingest.nonModelMs / 1000, 1)} s); ` +
          `synthetic chunks got the mean of their source paragraphs' real vectors plus noise (${s.ingest.reuse?.composed ?? 0} composed, ${s.ingest.reuse?.exact ?? 0} exact real, ${s.ingest.reuse?.embedded ?? 0} embedded by the model). ` +
          `Full ingest with the model is EXTRAPOLATED: ${round(s.ingest.nonModelMs / 1000, 1)} s + ${s.chunks} chunks × ${round(msPerChunk, 1)} ms = ${round(s.ingest.estimatedFullIngestMs / 1000, 0)} s.`,
      );
    }
    notes.push(
      "Query latencies, HNSW/exact search, recall, index size and memory are measured at every size (the query is embedded by the real model each time).",
    );
    notes.push(
      "Synthetic corpora = the real documents + (N−1) copies of the real paragraphs shuffled into new documents and sections (seeded, deterministic).",
    );

    const result: BenchResult = {
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      machine: machine(),
      options: {
        sizes: sortedSizes,
        quick: options.quick,
        realEmbedUpTo: options.realEmbedUpTo,
        queries: options.queries,
      },
      embedder: { id: embedder.id, modelLoadMs: round(modelLoadMs, 0), msPerChunk: round(msPerChunk, 1) },
      sizes,
      coldAsk: coldResult,
      slack: slackResult,
      web: webResult,
      peakRssMb: memory.peakRssMb,
      targets,
      notes,
      embedWorkers,
    };
    await writeOutputs(result, options.outDir);
    return result;
  } finally {
    overall.stop();
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }

  async function ingestWith(
    embedder: Embedder,
    corpusDir: string,
    indexDir: string,
    kind: "model" | "reused",
  ): Promise<Built> {
    // "model": every chunk goes through the model, timed; "reused": the embedder hands out real vectors.
    const timedEmbedder = kind === "model" ? timingEmbedder(embedder) : undefined;
    const reuse = kind === "reused" ? (embedder as ReturnType<typeof reusingEmbedder>) : undefined;
    const { ms } = await timed(() =>
      ingestCorpus({ corpusDir, indexDir, embedder: timedEmbedder ?? embedder, force: true }),
    );
    const stored = await mustRead(indexDir);
    const modelMs = round(timedEmbedder ? timedEmbedder.modelMs() : (reuse?.embeddings.stats.modelMs ?? 0), 0);
    return {
      corpusDir,
      indexDir,
      stored,
      documents: stored.manifest.files.length,
      ingest: {
        embedding: kind,
        measuredMs: round(ms, 0),
        modelMs,
        nonModelMs: round(ms - modelMs, 0),
        chunksPerSecond: round(stored.chunks.length / (ms / 1000), 1),
        estimatedFullIngestMs: kind === "model" ? round(ms, 0) : 0,
        ...(reuse ? { reuse: { ...reuse.embeddings.stats, modelMs } satisfies ReuseStats } : {}),
      },
    };
  }
}

async function mustRead(indexDir: string): Promise<StoredIndex> {
  const stored = await readStoredIndex(indexDir);
  if (!stored) throw new Error(`The benchmark index in ${indexDir} was not written.`);
  return stored;
}

async function writeOutputs(result: BenchResult, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, "-");
  const json = `${JSON.stringify(result, null, 2)}\n`;
  await writeFile(path.join(outDir, `bench-${stamp}.json`), json);
  await writeFile(path.join(outDir, "latest.json"), json);
  await writeFile(path.join(outDir, "latest.txt"), `${formatBenchTable(result)}\n`);
  await writeFile(path.join(outDir, "scaling.svg"), scalingChart(result));
}

/** Two log–log panels: query latency against corpus size, and ingest time (measured and extrapolated). */
export function scalingChart(result: BenchResult): string {
  const pts = (pick: (s: SizeResult) => number) => result.sizes.map((s) => ({ x: s.scale, y: pick(s) }));
  const measuredIngest = result.sizes.filter((s) => s.ingest.embedding === "model");
  const latency = {
    title: "Warm query latency vs corpus size",
    xLabel: `corpus size (1× = ${result.sizes[0]?.chunks ?? "?"} chunks)`,
    yLabel: "ms (log)",
    series: [
      { name: "extractive answer p50", color: "#1f77b4", points: pts((s) => s.answerMs.p50) },
      { name: "extractive answer p95", color: "#1f77b4", dashed: true, points: pts((s) => s.answerMs.p95) },
      { name: "retrieval p50", color: "#2ca02c", points: pts((s) => s.retrievalMs.p50) },
      { name: "hnswlib k=10 mean", color: "#ff7f0e", points: pts((s) => s.dense.hnswMs.mean) },
      { name: "exact brute force k=10 mean", color: "#d62728", points: pts((s) => s.dense.exactMs.mean) },
    ],
  };
  const ingest = {
    title: "Ingest time vs corpus size",
    xLabel: "corpus size",
    yLabel: "seconds (log)",
    series: [
      {
        name: "measured, real embeddings",
        color: "#1f77b4",
        points: measuredIngest.map((s) => ({ x: s.scale, y: s.ingest.measuredMs / 1000 })),
      },
      { name: "measured without the model", color: "#2ca02c", points: pts((s) => s.ingest.nonModelMs / 1000) },
      {
        name: "with the model (extrapolated beyond measured)",
        color: "#d62728",
        dashed: true,
        points: pts((s) => s.ingest.estimatedFullIngestMs / 1000),
      },
    ],
  };
  const caption = `coopdocs bench ${result.startedAt} · ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGb} GB · Node ${result.machine.node}`;
  return renderChart([latency, ingest], caption);
}
