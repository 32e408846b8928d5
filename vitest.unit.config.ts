import { defineConfig } from "vitest/config";
import SummaryLineReporter from "./tests/summary-reporter.js";

// The fast suite: colocated unit tests under src/ — pure functions and in-process tests, no shared index
// build (no globalSetup) and no child processes. `npm test` (vitest.config.ts) runs these and tests/.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    reporters: ["default", new SummaryLineReporter()],
    testTimeout: 20_000,
    pool: "threads",
    // Unit tests share no state through modules, so one module cache serves all files (import time dominates).
    isolate: false,
  },
});
