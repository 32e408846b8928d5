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
  },
});
