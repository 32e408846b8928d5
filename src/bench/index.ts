/**
 * `coopdocs bench`: ingest and query performance of the real corpus and of synthetic corpora 10× and 100× its
 * size, hnswlib against exact search, cold start and Slack acknowledgement latency. See docs/scaling.md.
 */
export { runBench, defaultBenchOptions, scalingChart, packageRoot, type BenchOptions } from "./run-bench.js";
export { formatBenchTable, type BenchResult, type SizeResult, type TargetCheck } from "./report.js";
export {
  percentile,
  summarize,
  seededRandom,
  shuffled,
  gaussian,
  MemorySampler,
  type LatencySummary,
} from "./stats.js";
export { writeScaledCorpus, syntheticCopy, sourceParagraphs, sectionNamesOf } from "./synthetic-corpus.js";
export { ReusedVectorEmbeddings, reusingEmbedder, timingEmbedder, type ReuseStats } from "./reused-embeddings.js";
export { renderChart, type ChartPanel, type ChartSeries } from "./svg-chart.js";
export { measureSlackAck, type SlackAckResult } from "./slack-ack.js";
