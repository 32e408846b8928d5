import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createAnswerService } from "../../src/answer/answer-service.js";
import { main } from "../../src/cli/main.js";
import { answerToJson } from "../../src/cli/render-answer.js";
import { loadConfig } from "../../src/config/config.js";
import { normalizeText } from "../../src/text/index.js";
import type { Answer } from "../../src/core/types.js";
import { projectRoot, realCorpusDir } from "../helpers/test-corpus.js";
import { expectCaseHandled, expectNoUncheckedChunk } from "./assert-case.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./fake-openai-server.js";
import {
  inventedFacts,
  promptPassages,
  promptQuestion,
  rawForms,
  recordedCases,
  recordedResponder,
  type PromptPassage,
  type RecordedCase,
} from "./recorded-replies.js";

// The real CLI (ask --json, ask on a terminal, chat) on the real index, its LLM the fake server replaying
// every recorded-style reply. Every chunk the CLI writes is recorded and checked.
let server: FakeOpenAiServer;

beforeAll(async () => {
  server = await startFakeOpenAiServer(recordedResponder());
});
afterAll(async () => {
  await server.close();
});

/** The environment of every run: the real corpus and shared index, the fake server as the LLM. */
function cliEnv(): Record<string, string> {
  return {
    CORPUS_DIR: realCorpusDir,
    INDEX_DIR: inject("sharedIndexDir"),
    LOG_LEVEL: "error",
    LLM_PROVIDER: "openai",
    LLM_BASE_URL: server.baseUrl,
    LLM_API_KEY: "test-key-cli",
    LLM_MODEL: "fake-model",
    LLM_TIMEOUT_MS: "5000",
  };
}

interface Run {
  code: number;
  chunks: string[];
  stderr: string;
}

async function run(
  args: string[],
  options: { tty?: boolean; stdin?: string; console?: boolean; env?: Record<string, string> } = {},
): Promise<Run> {
  const chunks: string[] = [];
  let stderr = "";
  if (options.console) {
    vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
      chunks.push(`${parts.map(String).join(" ")}\n`);
    });
  }
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  for (const [key, value] of Object.entries({ ...cliEnv(), ...options.env })) vi.stubEnv(key, value);

  const tty = Object.getOwnPropertyDescriptor(process.stdout, "isTTY");
  const stdin = Object.getOwnPropertyDescriptor(process, "stdin");
  if (options.tty) Object.defineProperty(process.stdout, "isTTY", { value: true, configurable: true });
  if (options.stdin !== undefined) {
    const input = Readable.from([options.stdin]);
    Object.defineProperty(process, "stdin", { get: () => input, configurable: true });
  }
  try {
    const code = await main(args);
    return { code, chunks, stderr };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    if (tty) Object.defineProperty(process.stdout, "isTTY", tty);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
    if (stdin) Object.defineProperty(process, "stdin", stdin);
  }
}

/** The passages the model was shown for a question (its last answer request). */
function passagesFor(question: string): PromptPassage[] {
  const request = [...server.requests]
    .reverse()
    .find((r) => normalizeText(promptQuestion(r)) === normalizeText(question));
  return request ? promptPassages(request) : [];
}

/** ask --json's object, read back as an Answer for the shared checks. */
function fromJson(json: Record<string, unknown>): Answer {
  return {
    answer: String(json.answer),
    mode: json.mode as Answer["mode"],
    found: json.found === true,
    citations: json.citations as Answer["citations"],
    ...(typeof json.note === "string" ? { note: json.note } : {}),
    passages: (json.closest as unknown[]).map(() => ({}) as Answer["passages"][number]),
  };
}

/**
 * What a terminal showed for one answer: an LLM answer arrives as checked sentences (each chunk ends where
 * a sentence of the answer ends) before its sources; any other answer is printed whole, nothing before it.
 */
function expectTerminalAnswer(recorded: RecordedCase, answer: Answer, chunks: string[], where: string): void {
  const shown = chunks.join("");
  expect(shown.trimStart().startsWith(answer.answer), `${where}: ${recorded.name}`).toBe(true);
  let streamed = "";
  const tokens: string[] = [];
  for (const chunk of chunks) {
    if (recorded.outcome.kind !== "answer" || streamed.trim() === answer.answer) break;
    tokens.push(chunk);
    streamed += chunk;
    const after = answer.answer.slice(streamed.trim().length);
    expect(
      answer.answer.startsWith(streamed.trim()) && (after === "" || /^\s/.test(after)),
      `${where}: ${recorded.name}: chunk ${JSON.stringify(chunk)} is not whole checked sentences`,
    ).toBe(true);
  }
  if (recorded.outcome.kind === "answer")
    expect(tokens.length, `${where}: ${recorded.name} streamed`).toBeGreaterThan(0);
  else
    expect(
      chunks[0]?.trimStart().startsWith(answer.answer),
      `${where}: ${recorded.name}: printed before the answer was known`,
    ).toBe(true);
  // The sentences streamed hold nothing unchecked; nothing written anywhere holds invented facts or raw markers.
  expectNoUncheckedChunk(recorded, tokens, where);
  expectNoUncheckedChunk({ ...recorded, forbidden: [] }, chunks, where);
  if (recorded.outcome.kind === "fallback") expect(shown, where).toContain(`Note: ${answer.note ?? ""}`);
}

/** The answers of the real answer service (real index, not streamed), by question: what the CLI must show. */
const expected = new Map<string, Answer>();

// One case of each kind for the commands that start a whole service per run (about 2 s each on a loaded
// machine); chat and the answer service below take every case.
const sampled = [
  "Qwen-style full-width citation",
  "a sentence whose only citation is invalid",
  "only invalid citations",
  "an English refusal in the model's own words",
  "a reply cut by the token limit midway through a sentence",
].map((name) => {
  const found = recordedCases.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
});

describe("the real CLI against recorded-style replies", () => {
  it("the answer service on the real index handles every reply (not streamed)", async () => {
    const config = loadConfig({ ...cliEnv(), LOG_LEVEL: "silent" }, projectRoot);
    const service = await createAnswerService(config);
    for (const recorded of recordedCases) {
      const answer = await service.ask(recorded.question);
      expectCaseHandled(recorded, answer, passagesFor(recorded.question), null);
      expected.set(recorded.question, answer);
    }
  });

  it("ask --json prints the same checked answer", async () => {
    for (const recorded of sampled) {
      const { code, chunks, stderr } = await run(["ask", recorded.question, "--json"]);
      expect(code, `${recorded.name}: ${stderr}`).toBe(0);
      expect(chunks, recorded.name).toHaveLength(1);
      expectNoUncheckedChunk({ ...recorded, forbidden: [] }, chunks, "ask --json");
      const json = JSON.parse(chunks[0] ?? "") as Record<string, unknown>;
      const answer = expected.get(recorded.question);
      expect(answer, "the service ran first").toBeDefined();
      if (answer) expect(json, recorded.name).toEqual(JSON.parse(JSON.stringify(answerToJson(answer))));
      expectCaseHandled(recorded, fromJson(json), passagesFor(recorded.question), null);
    }
  });

  it("ask on a terminal streams only checked sentences", async () => {
    for (const recorded of sampled) {
      const { code, chunks } = await run(["ask", recorded.question], { tty: true });
      expect(code, recorded.name).toBe(0);
      const answer = expected.get(recorded.question);
      expect(answer, "the service ran first").toBeDefined();
      if (answer) expectTerminalAnswer(recorded, answer, chunks, "ask");
    }
  });

  it("chat answers every reply in one conversation, streaming only checked sentences", async () => {
    const input = `${recordedCases.map((c) => c.question).join("\n")}\n/exit\n`;
    const { code, chunks } = await run(["chat"], { stdin: input });
    expect(code).toBe(0);
    // The chunks between one prompt and the next are the answer to one question, in order.
    const prompts = chunks.flatMap((chunk, i) => (chunk === "\n> " ? [i] : []));
    expect(prompts).toHaveLength(recordedCases.length + 1);
    recordedCases.forEach((recorded, i) => {
      const answerChunks = chunks.slice((prompts[i] ?? 0) + 1, prompts[i + 1]);
      const answer = expected.get(recorded.question);
      expect(answer, "the service ran first").toBeDefined();
      if (answer) expectTerminalAnswer(recorded, answer, answerChunks, "chat");
    });
    for (const text of [...inventedFacts, ...rawForms]) expect(chunks.join("")).not.toContain(text);
  });

  it("eval --llm runs a graded set through the configured LLM and says how its answers came out", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "coopdocs-eval-llm-"));
    try {
      const names = [
        "Qwen-style full-width citation",
        "an English refusal in the model's own words",
        "only invalid citations",
      ];
      const lines = names.map((name, i) => {
        const recorded = recordedCases.find((c) => c.name === name);
        const kind = recorded?.outcome.kind === "not-found" ? "unanswerable" : "factual";
        return JSON.stringify({
          id: `llm-${i}`,
          question: recorded?.question,
          must_contain: [],
          sources: kind === "unanswerable" ? [] : ["x.txt"],
          kind,
        });
      });
      const set = path.join(dir, "set.jsonl");
      await writeFile(set, `${lines.join("\n")}\n`);
      const { code, chunks, stderr } = await run(["eval", "--llm", "--set", set, "--json"], { console: true });
      expect(code, stderr).toBe(0);
      const report = JSON.parse(chunks.join("")) as { label: string; llm: Record<string, unknown> };
      expect(report.label).toContain("fake-model");
      expect(report.llm).toMatchObject({
        model: "fake-model",
        questions: 3,
        generated: 1,
        notFound: 1,
        fellBack: 1,
        cutOff: 0,
      });
      expect(report.llm.notes).toEqual([{ note: "The generated answer cited none of the passages", count: 1 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("eval --llm without an LLM says what to set", async () => {
    const { code, stderr } = await run(["eval", "--llm"], { env: { LLM_PROVIDER: "none" } });
    expect(code).toBe(2);
    expect(stderr).toContain("eval --llm needs an LLM, but LLM_PROVIDER is none.");
  });
});
