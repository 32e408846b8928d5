/**
 * The live index: one ingest at a time (the lock), readers that never wait for writers, a running service
 * that picks up documents dropped into the corpus, and ingests killed at random points.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { readdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/answer-service.js";
import type { Logger } from "../../src/core/logger.js";
import { ingestCorpus } from "../../src/ingest/ingest.js";
import { HybridRetriever } from "../../src/retrieve/hybrid-retriever.js";
import { acquireIngestLock, indexFiles, readStoredIndex } from "../../src/store/index.js";
import { spawnSource } from "../helpers/spawn-source.js";
import { createHashEmbedder, createTinyWorkspace, type TinyWorkspace } from "../helpers/tiny-corpus.js";

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string) => lines.push(m);
  return { lines, debug() {}, info: push, warn: push, error: push };
}

function spawnTs(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams & { output: Promise<string> } {
  const child = spawnSource(script, args, { env });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
  const output = new Promise<string>((resolve) => child.on("close", () => resolve(out)));
  return Object.assign(child, { output });
}

/** Resolves once the child printed `text` (or closed). */
function waitFor(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = "";
    child.stdout.on("data", (d: Buffer) => {
      seen += d.toString("utf8");
      if (seen.includes(text)) resolve();
    });
    child.on("close", () => resolve());
  });
}

/** A lock left by a killed ingest is stale once its time is old; make it so now instead of waiting a minute. */
async function ageLeftoverLock(indexDir: string): Promise<void> {
  const old = new Date(Date.now() - 600_000);
  await utimes(path.join(indexDir, indexFiles.lock), old, old).catch(() => undefined);
}

describe("one ingest at a time", () => {
  let ws: TinyWorkspace;
  beforeAll(async () => {
    ws = await createTinyWorkspace();
  });
  afterAll(async () => ws?.cleanup());

  it("1,000 rounds of two lock takers started together: exactly one wins each round", async () => {
    for (let round = 0; round < 1000; round++) {
      const results = await Promise.allSettled([acquireIngestLock(ws.indexDir), acquireIngestLock(ws.indexDir)]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won, `round ${round}`).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected");
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "index_busy" });
      await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireIngestLock>>>).value.release();
    }
  });

  it("two ingest processes started together: exactly one writes, the other is told the index is busy", async () => {
    for (let round = 0; round < 2; round++) {
      const pair = [0, 1].map(() =>
        spawnTs("tests/reliability/ingest-child.ts", [ws.corpusDir, ws.indexDir], { WAIT_FOR_GO: "1", FORCE: "1" }),
      );
      await Promise.all(pair.map((c) => waitFor(c, "ready")));
      for (const c of pair) c.stdin.write("go\n");
      const outputs = await Promise.all(pair.map((c) => c.output));
      expect(
        outputs.filter((o) => /^wrote /m.test(o)),
        outputs.join("\n---\n"),
      ).toHaveLength(1);
      expect(outputs.filter((o) => /^failed index_busy/m.test(o))).toHaveLength(1);
    }
  }, 120_000);
});

describe("ingest killed with SIGKILL at random points", () => {
  // 4 lanes of 5 rounds, each lane its own corpus and index: the same 20 kills in a quarter of the wall time.
  const lanes = 4;
  const roundsPerLane = 5;
  let workspaces: TinyWorkspace[] = [];
  beforeAll(async () => {
    workspaces = await Promise.all(Array.from({ length: lanes }, () => createTinyWorkspace()));
    for (const ws of workspaces)
      await ingestCorpus({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: createHashEmbedder() });
  });
  afterAll(async () => Promise.all(workspaces.map((ws) => ws.cleanup())));

  async function killRounds(ws: TinyWorkspace, lane: number): Promise<void> {
    let seed = 7 + lane;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < roundsPerLane; round++) {
      await writeFile(
        path.join(ws.corpusDir, "air.txt"),
        `# Clean Air Dialogue\n\nRound ${round}: haze monitoring across cities.\n`,
      );
      const child = spawnTs("tests/reliability/ingest-child.ts", [ws.corpusDir, ws.indexDir]);
      await waitFor(child, "ready");
      // Killed anywhere from before it read the corpus to after it committed.
      await new Promise((resolve) => setTimeout(resolve, rand() * 400));
      child.kill("SIGKILL");
      await child.output;
      await ageLeftoverLock(ws.indexDir);
      const stored = await readStoredIndex(ws.indexDir);
      expect(stored, `lane ${lane} round ${round}`).toBeDefined();
      const retriever = await HybridRetriever.fromStored(stored!, ws.indexDir, createHashEmbedder());
      expect((await retriever.retrieve("mangrove wetland", 2))[0]?.meta.file).toBe("wetlands.txt");
    }
    const report = await ingestCorpus({
      corpusDir: ws.corpusDir,
      indexDir: ws.indexDir,
      embedder: createHashEmbedder(),
    });
    if (!report.upToDate) {
      // Only the changed document is embedded again; the others' vectors come from the loadable generation.
      expect(report.embeddedChunks).toBeLessThan(report.chunkCount);
      expect(report.files.filter((f) => f.status === "unchanged").map((f) => f.file)).toContain("wetlands.txt");
    }
    // No generation folders pile up: the live one, at most the one before, and at most one half-written.
    expect((await readdir(ws.indexDir)).filter((n) => n.startsWith("gen-")).length).toBeLessThanOrEqual(3);
  }

  it("20 rounds: the index always loads, and the next ingest reuses the vectors already computed", async () => {
    await Promise.all(workspaces.map((ws, lane) => killRounds(ws, lane)));
  }, 300_000);
});

describe("a running service (real embedder)", () => {
  let ws: TinyWorkspace;
  let service: AnswerService;
  const logger = recordingLogger();
  beforeAll(async () => {
    ws = await createTinyWorkspace();
    service = await createAnswerService(ws.config, { logger, watchCorpus: true });
  });
  afterAll(async () => {
    await service?.close();
    await ws?.cleanup();
  });

  it("8 concurrent first asks on a fresh corpus: 8 answers, 1 ingest", async () => {
    const fresh = await createTinyWorkspace();
    try {
      const loggers = Array.from({ length: 8 }, () => recordingLogger());
      const answers = await Promise.all(
        loggers.map(async (log) => {
          const s = await createAnswerService(fresh.config, { logger: log });
          return s.ask("Which programme protects mangrove forests?");
        }),
      );
      expect(answers.filter((a) => a.citations.some((c) => c.file === "wetlands.txt"))).toHaveLength(8);
      expect(loggers.flatMap((l) => l.lines).filter((m) => /^Indexed /.test(m))).toHaveLength(1);
      expect((await readdir(fresh.indexDir)).filter((n) => n.startsWith("gen-"))).toHaveLength(1);
    } finally {
      await fresh.cleanup();
    }
  });

  it("answers 200 questions while another process runs a forced re-ingest, then switches to the new generation", async () => {
    const before = service.retriever;
    const ingest = spawnTs("tests/reliability/cli-entry.ts", ["ingest", "--force"], {
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
    });
    const cli = spawnTs("tests/reliability/cli-entry.ts", ["ask", "--json", "Who attends the clean air dialogue?"], {
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
    });
    let running = true;
    void ingest.output.then(() => (running = false));
    const questions = [
      "Which programme protects mangrove forests?",
      "Who attends the clean air dialogue?",
      "What did the training workshops cover?",
    ];
    let asked = 0;
    let failed = 0;
    while (running || asked < 200) {
      const answer = await service.ask(questions[asked % 3] ?? "").catch(() => undefined);
      asked++;
      if (!answer?.found || answer.citations.length === 0) failed++;
      if (!running && asked >= 200) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const ingestOutput = await ingest.output;
    expect(ingestOutput).toMatch(/Indexed/);
    expect(failed).toBe(0);
    expect(asked).toBeGreaterThanOrEqual(200);
    const cliOutput = await cli.output;
    expect(cliOutput, cliOutput).toMatch(/"found":true/);
    // The watcher sees CURRENT move and loads the new generation (bounded wait).
    for (let i = 0; i < 100 && service.retriever === before; i++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.retriever).not.toBe(before);
  });

  it("a document dropped into the corpus becomes answerable without a restart; a removed one stops being cited", async () => {
    const question = "Where are the coral reef nurseries?";
    const dropped = path.join(ws.corpusDir, "coral.txt");
    await writeFile(
      dropped,
      "# Coral Reef Nurseries\n\nThe coral reef nurseries are located off the islands of the marine park.\n",
    );
    const cites = async () => (await service.ask(question)).citations.some((c) => c.file === "coral.txt");
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      found = await cites();
      if (!found) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(found, logger.lines.join("\n")).toBe(true);
    expect(logger.lines.some((m) => /coral\.txt added/.test(m))).toBe(true);

    await rm(dropped);
    let gone = false;
    for (let i = 0; i < 60 && !gone; i++) {
      gone = !(await cites());
      if (!gone) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(gone).toBe(true);
  });
});
