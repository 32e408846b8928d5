import { describe, expect, it } from "vitest";
import { createIngestProgress } from "../../src/cli/context.js";
import type { Logger } from "../../src/core/logger.js";

describe("ingest progress on a log", () => {
  it("announces a long ingest with an estimate, then logs rate and time left at least every 10 s", () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug() {},
      info: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      error: (m) => lines.push(m),
    };
    let now = 0;
    const stream = { isTTY: false } as NodeJS.WriteStream;
    const progress = createIngestProgress(logger, stream, () => now);
    const total = 101_000;
    // 15 passages a second, one batch of 32 every ~2.1 s, for 60 s.
    for (let done = 0; done <= 32 * 28; done += 32) {
      now = (done / 15) * 1000;
      progress({ phase: "embed", done, total });
    }
    expect(lines[0]).toBe("Embedding passages: 0/101000…");
    expect(lines.find((l) => l.startsWith("~101,000 passages"))).toMatch(/about 1\.9 h on this machine/);
    const periodic = lines.filter((l) => /\/s, .* left\)/.test(l));
    expect(periodic.length).toBeGreaterThanOrEqual(5); // 60 s of embedding → a line every ~10 s
    expect(periodic[0]).toMatch(/^Embedding passages: \d+\/101000 \(15\.0\/s, 1\.\d h left\)$/);
  });
});
