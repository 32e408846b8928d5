import { Embeddings } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import type { Chunk } from "../core/types.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { embeddingText } from "../ingest/ingest.js";
import { formatBenchTable, type BenchResult } from "./report.js";
import { ReusedVectorEmbeddings } from "./reused-embeddings.js";
import { scalingChart } from "./run-bench.js";
import { sectionNamesOf, sourceParagraphs, syntheticCopy } from "./synthetic-corpus.js";

const chunk = (i: number, text: string): Chunk => ({
  id: `c${i}`,
  text,
  meta: {
    file: "a.txt",
    title: "Doc A",
    section: `1. Part ${i} › 1.${i} Topic ${i}`,
    page: null,
    start: 0,
    end: text.length,
    year: null,
  },
});

const chunks = [
  chunk(0, "Biodiversity conservation is a priority of both sides.\nMangroves and wetlands are protected together."),
  chunk(1, "Environmental policy dialogue takes place every year.\nCleaner production is promoted in industry."),
  chunk(2, "The centre was established in 2010 in Beijing by the ministry."),
];
const vectors = [Float32Array.from([1, 0, 0, 0]), Float32Array.from([0, 1, 0, 0]), Float32Array.from([0, 0, 1, 0])];

class CountingModel extends Embeddings {
  calls = 0;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls += texts.length;
    return texts.map(() => [0, 0, 0, 1]);
  }
  override async embedQuery(_text: string): Promise<number[]> {
    return [0, 0, 0, 1];
  }
}

describe("synthetic corpora", () => {
  it("use every real paragraph once per copy, shuffled into new documents and sections, deterministically", () => {
    const paragraphs = sourceParagraphs(chunks);
    expect(paragraphs.map((p) => p.chunk)).toEqual([0, 0, 1, 1, 2]);
    const names = sectionNamesOf(chunks);
    const docs = syntheticCopy(paragraphs, names, 1, { documents: 2, seed: 1 });
    expect(docs).toEqual(syntheticCopy(paragraphs, names, 1, { documents: 2, seed: 1 }));
    expect(docs.length).toBe(2);
    const body = docs.map((d) => d.text).join("\n");
    for (const p of paragraphs) expect(body.split(p.text).length - 1).toBe(1);
    expect(body).toMatch(/^## 1\. Topic \d \(1\.1\.1\)$/m);
    expect(syntheticCopy(paragraphs, names, 2, { documents: 2, seed: 1 })[0]?.text).not.toBe(docs[0]?.text);
  });
});

describe("reused vectors", () => {
  const model = new CountingModel({});
  const real: Embedder = { id: "m", label: "m", embeddings: model };

  it("gives a real chunk its own vector, a synthetic one the noisy mean of its sources, and embeds the unknown", async () => {
    const reused = new ReusedVectorEmbeddings(real, chunks, vectors, 0.001, 1);
    const synthetic = `Other title | Other section\nMangroves and wetlands are protected together.\nCleaner production is promoted in industry. (continued)`;
    const [exact, mixed, unknown] = await reused.embedDocuments([
      embeddingText(chunks[2] as Chunk),
      synthetic,
      "T | S\nA sentence that appears nowhere in the corpus at all.",
    ]);
    expect(exact).toEqual([0, 0, 1, 0]);
    expect(mixed?.[0]).toBeGreaterThan(0.6);
    expect(mixed?.[1]).toBeGreaterThan(0.6);
    expect(Math.abs(mixed?.[2] ?? 1)).toBeLessThan(0.01);
    expect(Math.hypot(...(mixed ?? []))).toBeCloseTo(1, 5);
    expect(unknown).toEqual([0, 0, 0, 1]);
    expect(reused.stats).toMatchObject({ exact: 1, composed: 1, embedded: 1 });
    expect(model.calls).toBe(1);
  });
});

describe("bench output", () => {
  const latency = { n: 3, p50: 50, p95: 80, mean: 55, max: 90 };
  const size = (scale: number, embedding: "model" | "reused") => ({
    scale,
    documents: 5 * scale,
    chunks: 190 * scale,
    ingest: {
      embedding,
      measuredMs: 1000 * scale,
      modelMs: 900,
      nonModelMs: 100 * scale,
      chunksPerSecond: 10,
      estimatedFullIngestMs: 14_000 * scale,
    },
    indexBytes: 2 ** 20 * scale,
    retrievalMs: latency,
    answerMs: latency,
    found: { found: 29, asked: 30 },
    dense: {
      store: "hnswlib",
      queries: 30,
      hnswMs: latency,
      exactMs: latency,
      speedRatio: 1,
      recallAt10: 0.9,
      recallAt10WithCandidates40: 1,
    },
    peakRssMb: 500,
  });
  const result: BenchResult = {
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 1000,
    machine: { cpu: "Test <CPU> & co", cores: 2, memoryGb: 24, platform: "linux", node: "v20" },
    options: { sizes: [1, 100], quick: false, realEmbedUpTo: 1, queries: 3 },
    embedder: { id: "m", modelLoadMs: 500, msPerChunk: 70 },
    sizes: [size(1, "model"), size(100, "reused")],
    peakRssMb: 600,
    targets: [{ name: "warm extractive answer p50 at 1×", targetMs: 100, measuredMs: 50, pass: true }],
    notes: ["100×: EXTRAPOLATED ingest."],
  };

  it("prints a table that marks extrapolated figures", () => {
    const text = formatBenchTable(result);
    expect(text).toContain("~1400.0 (est.)");
    expect(text).toContain("PASS  warm extractive answer p50 at 1×");
    expect(text).toContain("EXTRAPOLATED");
  });

  it("draws a well-formed SVG with escaped text", () => {
    const svg = scalingChart(result);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("Test &lt;CPU&gt; &amp; co");
    expect(svg).not.toContain("<CPU>");
    expect(svg).toContain("stroke-dasharray");
  });
});
