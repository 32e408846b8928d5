import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../src/answer/answer-service.js";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import { createConsoleLogger } from "../../src/core/logger.js";
import { HybridRetriever } from "../../src/retrieve/hybrid-retriever.js";
import { indexFiles, readStoredIndex } from "../../src/store/index-store.js";
import { startFakeOpenAiServer } from "../llm/fake-openai-server.js";
import { spawnCli } from "../helpers/spawn-source.js";
import { buildRealIndex, type RealIndex } from "./real-index.js";

let real: RealIndex;

beforeAll(async () => {
  real = await buildRealIndex();
});
afterAll(async () => {
  await real?.cleanup();
});

const question = "When was the China-ASEAN Environmental Cooperation Center (CAEC) established?";

describe("index folder deleted while running", () => {
  it("keeps answering from memory (the index is loaded at start), and a fresh open says clearly what is missing", async () => {
    // A copy of the index, so the other tests keep theirs.
    const indexDir = path.join(real.root, "index-deleted");
    const stored = await readStoredIndex(real.config.indexDir);
    expect(stored).toBeDefined();
    await mkdir(indexDir, { recursive: true });
    const { cp } = await import("node:fs/promises");
    await cp(real.config.indexDir, indexDir, { recursive: true });

    const service = await createAnswerService({ ...real.config, indexDir });
    const before = await service.ask(question);
    expect(before.found).toBe(true);

    await rm(indexDir, { recursive: true, force: true });
    const after = await service.ask(question);
    expect(after.found).toBe(true);
    expect(after.answer).toBe(before.answer);
    expect(after.citations.map((c) => c.file)).toEqual(before.citations.map((c) => c.file));

    // Opening the deleted index (what a restarted process does before rebuilding) is a CoopdocsError, not a crash.
    const missing = await HybridRetriever.open(indexDir, real.embedder).catch((error: unknown) => error);
    expect(CoopdocsError.is(missing, "index_missing")).toBe(true);

    // Only the generation folder gone, CURRENT left: a clear "damaged" error naming the fix.
    await cp(real.config.indexDir, indexDir, { recursive: true });
    const current = (await readFile(path.join(indexDir, indexFiles.current), "utf8")).trim();
    await rm(path.join(indexDir, current), { recursive: true, force: true });
    const damaged = await HybridRetriever.open(indexDir, real.embedder).catch((error: unknown) => error);
    expect(CoopdocsError.is(damaged, "index_corrupt")).toBe(true);
    expect((damaged as CoopdocsError).hint).toContain("ingest --force");
  });
});

describe("ingest killed midway", () => {
  it("leaves the previous index live: it still loads and answers", async () => {
    const before = await readStoredIndex(real.config.indexDir);
    const currentBefore = await readFile(path.join(real.config.indexDir, indexFiles.current), "utf8");
    expect(before).toBeDefined();

    // `coopdocs ingest --force` from source in a child process, killed once it is embedding.
    const child = spawnCli(["ingest", "--force"], {
      cwd: real.root,
      env: { CORPUS_DIR: real.config.corpusDir, INDEX_DIR: real.config.indexDir },
    });
    let stderr = "";
    const killed = new Promise<{ signal: NodeJS.Signals | null; sawEmbedding: boolean }>((resolve) => {
      let sawEmbedding = false;
      const guard = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.stderr.on("data", (data: Buffer) => {
        stderr += data.toString("utf8");
        if (!sawEmbedding && /Embedding passages/.test(stderr)) {
          sawEmbedding = true;
          // Let it embed a batch or two, then kill it without warning.
          setTimeout(() => child.kill("SIGKILL"), 1500);
        }
      });
      child.stdout.resume();
      child.on("close", (_code, signal) => {
        clearTimeout(guard);
        resolve({ signal, sawEmbedding });
      });
    });
    const outcome = await killed;
    expect(outcome.sawEmbedding, stderr).toBe(true);
    expect(outcome.signal).toBe("SIGKILL");

    // A generation half-written by an ingest killed while writing (no manifest) is never made current.
    const orphan = path.join(real.config.indexDir, "gen-9999999999999-dead00");
    await mkdir(orphan, { recursive: true });
    await writeFile(path.join(orphan, indexFiles.chunks), '[{"id":');

    expect(await readFile(path.join(real.config.indexDir, indexFiles.current), "utf8")).toBe(currentBefore);
    const after = await readStoredIndex(real.config.indexDir);
    expect(after?.manifest.createdAt).toBe(before?.manifest.createdAt);
    expect(after?.chunks.length).toBe(before?.chunks.length);

    const service = await createAnswerService(real.config);
    const answer = await service.ask(question);
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
  });
});

describe("LLM timeout through the whole ask path", () => {
  it("falls back to the extractive answer with a one-line note, without leaking the API key", async () => {
    const server = await startFakeOpenAiServer(() => ({ kind: "stall" }));
    const apiKey = "sk-reliability-SECRET-0123456789";
    const lines: string[] = [];
    const logger = createConsoleLogger({ level: "debug", secrets: [apiKey], write: (line) => lines.push(line) });
    try {
      const service = await createAnswerService(
        {
          ...real.config,
          llm: { provider: "openai", baseUrl: server.baseUrl, apiKey, model: "fake-model", timeoutMs: 500 },
        },
        { logger },
      );
      const answer = await service.ask(question);
      expect(answer.mode).toBe("extractive");
      expect(answer.found).toBe(true);
      expect(answer.citations.length).toBeGreaterThan(0);
      expect(answer.note).toMatch(/did not answer in time/);
      expect(answer.note).not.toContain("\n");
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
      expect(JSON.stringify(answer)).not.toContain(apiKey);
      expect(lines.join("\n")).not.toContain(apiKey);
    } finally {
      await server.close();
    }
  });
});
