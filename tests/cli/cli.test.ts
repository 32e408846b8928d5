import path from "node:path";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { type CliRun, runCli } from "../helpers/run-cli.js";
import { projectRoot, realCorpusDir } from "../helpers/test-corpus.js";

/** Runs the CLI in-process over the shared index, capturing what it prints. */
function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base = { CORPUS_DIR: realCorpusDir, INDEX_DIR: inject("sharedIndexDir"), LOG_LEVEL: "warn" };
  return runCli(args, { ...base, ...env });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("coopdocs CLI", () => {
  it("ask --json prints one object in the documented shape", async () => {
    const { code, stdout } = await run(["ask", "When was CAEC established?", "--json"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(parsed).toMatchObject({ mode: "extractive", found: true });
    expect(typeof parsed.answer).toBe("string");
    const citations = parsed.citations as Record<string, unknown>[];
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(Object.keys(c).sort()).toEqual(["file", "n", "page", "quote", "section", "title"]);
      expect(typeof c.n).toBe("number");
      expect(c.page).toBeNull();
      expect(String(c.file)).toMatch(/\.txt$/);
    }
  });

  it("ask prints the answer and numbered sources for a person", async () => {
    const { code, stdout } = await run(["ask", "Where", "is", "the", "ASEAN", "Secretariat", "located?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Jakarta");
    expect(stdout).toMatch(/Sources:\n\[1\] /);
  });

  it("rejects an empty question with a message and exit code 2, without a stack trace", async () => {
    const { code, stderr } = await run(["ask", "  "]);
    expect(code).toBe(2);
    expect(stderr).toContain("The question is empty.");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("names an invalid setting", async () => {
    const { code, stderr } = await run(["ask", "What is GEP?"], { SLACK_MODE: "carrier-pigeon" });
    expect(code).toBe(2);
    expect(stderr).toContain("SLACK_MODE");
  });

  it("reports a missing corpus folder", async () => {
    const { code, stderr } = await run(["ingest"], { CORPUS_DIR: path.join(projectRoot, "no-such-folder") });
    expect(code).toBe(2);
    expect(stderr).toMatch(/corpus folder .*no-such-folder does not exist/);
  });

  it("start without Slack tokens says what is missing, serves the web page and stops on SIGTERM", async () => {
    // `start` waits for a signal once the web page runs; call its own SIGTERM listener (not the process's).
    const before = new Set(process.listeners("SIGTERM"));
    const stopper = setInterval(() => {
      const added = process.listeners("SIGTERM").find((l) => !before.has(l));
      if (added) (added as (signal: NodeJS.Signals) => void)("SIGTERM");
    }, 50);
    try {
      const { code, stderr } = await run(["start"], { SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "", WEB_PORT: "0" });
      expect(code).toBe(0);
      expect(stderr).toContain("SLACK_BOT_TOKEN, SLACK_APP_TOKEN");
      expect(stderr).toMatch(/coopdocs chat/);
      expect(stderr).toMatch(/The web page is ready: http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      clearInterval(stopper);
    }
  });

  it("slack without tokens exits non-zero naming the missing settings", async () => {
    const { code, stderr } = await run(["slack"], { SLACK_MODE: "http", SLACK_BOT_TOKEN: "xoxb-test-token-123" });
    expect(code).toBe(2);
    expect(stderr).toContain("SLACK_SIGNING_SECRET");
    expect(stderr).not.toContain("xoxb-test-token-123");
  });
});
