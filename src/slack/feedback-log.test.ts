import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createJsonlFeedbackLog, feedbackLogPath, type FeedbackEntry } from "./feedback-log.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const entry = (i: number): FeedbackEntry => ({
  time: new Date(0).toISOString(),
  rating: i % 2 === 0 ? "up" : "down",
  user: `U${i}`,
  question: `question ${i}\nwith a newline`,
  answer: "x".repeat(5000),
  citations: [{ n: 1, file: "f", title: "t", section: "s", page: null, quote: "q" }],
});

describe("createJsonlFeedbackLog", () => {
  it("creates the data folder and writes one whole JSON line per entry, even when clicks are concurrent", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "coopdocs-feedback-"));
    const file = feedbackLogPath(path.join(dir, "nested", "data"));
    const log = createJsonlFeedbackLog(file);
    await Promise.all(Array.from({ length: 25 }, (_, i) => log.append(entry(i))));
    const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(25);
    const parsed = lines.map((l) => JSON.parse(l) as FeedbackEntry);
    expect(new Set(parsed.map((p) => p.user)).size).toBe(25);
    expect(parsed[0]?.question).toContain("\n");
  });
});
