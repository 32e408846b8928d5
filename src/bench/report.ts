import type { EmbedWorkersResult } from "./embed-workers.js";
import type { ReuseStats } from "./reused-embeddings.js";
import type { SlackAckResult } from "./slack-ack.js";
import type { LatencySummary } from "./stats.js";
import type { WebTtfbResult } from "./web-ttfb.js";

export interface SizeResult {
  /** Multiple of the real corpus. */
  scale: number;
  documents: number;
  chunks: number;
  ingest: {
    /** "model": every chunk embedded by the real model; "reused": real vectors reused (see notes). */
    embedding: "model" | "reused";
    measuredMs: number;
    /** Time inside the embedding model. */
    modelMs: number;
    /** Reading, chunking, BM25, HNSW build and writing. */
    nonModelMs: number;
    chunksPerSecond: number;
    /** Measured when embedding was "model"; otherwise nonModelMs + chunks × the 1× model cost per chunk. */
    estimatedFullIngestMs: number;
    reuse?: ReuseStats;
  };
  indexBytes: number;
  retrievalMs: LatencySummary;
  answerMs: LatencySummary;
  /** Eval questions answered (not "not found") at this size. */
  found: { found: number; asked: number };
  dense: {
    store: string;
    queries: number;
    hnswMs: LatencySummary;
    exactMs: LatencySummary;
    /** Exact mean time / HNSW mean time. */
    speedRatio: number;
    recallAt10: number;
    /** Recall of the top 10 when 40 candidates are asked for, as the retriever does. */
    recallAt10WithCandidates40: number;
  };
  peakRssMb: number;
}

export interface TargetCheck {
  name: string;
  targetMs: number;
  measuredMs: number;
  pass: boolean;
}

export interface BenchResult {
  startedAt: string;
  durationMs: number;
  machine: { cpu: string; cores: number; memoryGb: number; platform: string; node: string };
  options: { sizes: number[]; quick: boolean; realEmbedUpTo: number; queries: number };
  embedder: { id: string; modelLoadMs: number; msPerChunk: number };
  sizes: SizeResult[];
  coldAsk?: { runs: number; ok: number; ms: LatencySummary; command: string };
  slack?: SlackAckResult;
  web?: WebTtfbResult;
  peakRssMb: number;
  targets: TargetCheck[];
  notes: string[];
  /** Ingest of the real corpus with 1 and N embedding threads, side by side. */
  embedWorkers?: EmbedWorkersResult[];
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
    )
    .join("\n");
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** The short plain-text report printed on stdout (and saved as bench-results/latest.txt). */
export function formatBenchTable(r: BenchResult): string {
  const lines: string[] = [];
  lines.push(`coopdocs bench, ${r.startedAt} (${(r.durationMs / 1000).toFixed(0)} s)`);
  lines.push(
    `machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, ${r.machine.platform}, Node ${r.machine.node}`,
  );
  lines.push(`embedder: ${r.embedder.id}, model load ${r.embedder.modelLoadMs} ms, ${r.embedder.msPerChunk} ms/chunk`);
  if (r.embedWorkers && r.embedWorkers.length > 0) {
    const one = r.embedWorkers.find((w) => w.workers === 1)?.chunksPerSecond ?? 0;
    lines.push(
      `embedding threads (real corpus, from scratch): ${r.embedWorkers
        .map(
          (w) =>
            `${w.workers} → ${w.chunksPerSecond} chunks/s (${s1(w.ms)} s, load ${w.loadAverage})${w.workers > 1 && one > 0 ? `, ×${(w.chunksPerSecond / one).toFixed(2)}` : ""}`,
        )
        .join("; ")}`,
    );
  }
  lines.push("");
  const head = [
    "size",
    "docs",
    "chunks",
    "ingest s",
    "embedding",
    "chunks/s",
    "full ingest s",
    "index MB",
    "retr p50/p95 ms",
    "answer p50/p95 ms",
    "found",
    "peak RSS MB",
  ];
  const rows = r.sizes.map((s) => [
    `${s.scale}×`,
    String(s.documents),
    String(s.chunks),
    s1(s.ingest.measuredMs),
    s.ingest.embedding === "model" ? "model" : "reused",
    s.ingest.chunksPerSecond.toFixed(1),
    s.ingest.embedding === "model"
      ? s1(s.ingest.estimatedFullIngestMs)
      : `~${s1(s.ingest.estimatedFullIngestMs)} (est.)`,
    mb(s.indexBytes),
    `${s.retrievalMs.p50.toFixed(1)} / ${s.retrievalMs.p95.toFixed(1)}`,
    `${s.answerMs.p50.toFixed(1)} / ${s.answerMs.p95.toFixed(1)}`,
    `${s.found.found}/${s.found.asked}`,
    s.peakRssMb.toFixed(0),
  ]);
  lines.push(table([head, ...rows]));
  lines.push("");
  const denseHead = [
    "size",
    "store",
    "hnsw k=10 mean ms",
    "exact mean ms",
    "exact/hnsw",
    "recall@10",
    "recall@10 (k=40)",
  ];
  const denseRows = r.sizes.map((s) => [
    `${s.scale}×`,
    s.dense.store,
    s.dense.hnswMs.mean.toFixed(3),
    s.dense.exactMs.mean.toFixed(3),
    `${s.dense.speedRatio.toFixed(1)}×`,
    s.dense.recallAt10.toFixed(3),
    s.dense.recallAt10WithCandidates40.toFixed(3),
  ]);
  lines.push(table([denseHead, ...denseRows]));
  lines.push("");
  if (r.coldAsk) {
    lines.push(
      `cold ask (${r.coldAsk.runs} runs, ${r.coldAsk.ok} ok): median ${r.coldAsk.ms.p50.toFixed(0)} ms, max ${r.coldAsk.ms.max.toFixed(0)} ms`,
    );
  }
  if (r.slack) {
    lines.push(
      `Slack ack (real Bolt app, HTTP mode, ${r.slack.events} signed events, ${r.slack.answered} answers posted):\n` +
        `  one at a time:  p50 ${r.slack.ackMs.p50.toFixed(1)} ms, p95 ${r.slack.ackMs.p95.toFixed(1)} ms, max ${r.slack.ackMs.max.toFixed(1)} ms\n` +
        `  back to back:   p50 ${r.slack.busyAckMs.p50.toFixed(1)} ms, p95 ${r.slack.busyAckMs.p95.toFixed(1)} ms, max ${r.slack.busyAckMs.max.toFixed(1)} ms (acks wait for answers being computed)`,
    );
  }
  if (r.web) {
    lines.push(
      `web page time to first byte (${r.web.requests} requests each, fresh connections):\n` +
        `  /:            p50 ${r.web.rootMs.p50.toFixed(1)} ms, p95 ${r.web.rootMs.p95.toFixed(1)} ms, max ${r.web.rootMs.max.toFixed(1)} ms\n` +
        `  source view:  p50 ${r.web.sourceMs.p50.toFixed(1)} ms, p95 ${r.web.sourceMs.p95.toFixed(1)} ms, max ${r.web.sourceMs.max.toFixed(1)} ms (${r.web.sourcePath})`,
    );
  }
  lines.push(`peak RSS of the bench process: ${r.peakRssMb.toFixed(0)} MB`);
  lines.push("");
  lines.push("targets:");
  for (const t of r.targets)
    lines.push(`  ${t.pass ? "PASS" : "MISS"}  ${t.name}: ${t.measuredMs.toFixed(1)} ms (target < ${t.targetMs} ms)`);
  lines.push("");
  lines.push("what was measured and what was extrapolated:");
  for (const note of r.notes) lines.push(`  - ${note}`);
  return lines.join("\n");
}
