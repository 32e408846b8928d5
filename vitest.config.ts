import { defineConfig } from "vitest/config";
import SummaryLineReporter from "./tests/summary-reporter.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    reporters: ["default", new SummaryLineReporter()],
    // The embedder loads real model weights (~0.5 s) and ingest embeds the corpus: give suites room.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Two files at a time on this 2-core machine: most suites wait on child processes, servers or the
    // embedder's I/O, so two in flight take ~3.5 min against ~6 min one at a time.
    maxWorkers: 2,
    // Each worker keeps its module cache from file to file instead of a fresh process per file: the embedder
    // (TensorFlow.js), Bolt and pdf.js are imported once per worker, not once per file (226 s → 185 s here).
    // Tests share no state through modules: env stubs and spies are restored after each use.
    isolate: false,
  },
});
