import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LlmConfig } from "../../src/config/config.js";
import { createLlmAnswerer, type LlmAnswerer } from "../../src/llm/index.js";
import { expectCaseHandled } from "./assert-case.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./fake-openai-server.js";
import { fakeExtractive, fakeRetriever, passages } from "./fixtures.js";
import { recordedCases, recordedResponder, type PromptPassage } from "./recorded-replies.js";

// The answerer against the fake server replaying every recorded-style reply, non-streamed and streamed.
let server: FakeOpenAiServer;
let answerer: LlmAnswerer;
const promptPassagesOfFixtures: PromptPassage[] = passages.map((p, i) => ({
  n: i + 1,
  title: p.meta.title,
  text: p.text,
}));

beforeAll(async () => {
  server = await startFakeOpenAiServer(recordedResponder());
  const llm: LlmConfig = {
    provider: "openai",
    baseUrl: server.baseUrl,
    apiKey: "test-key",
    model: "fake-model",
    timeoutMs: 5_000,
  };
  answerer = await createLlmAnswerer({ llm, retriever: fakeRetriever(), extractive: fakeExtractive(), k: 3 });
});
afterAll(async () => {
  await server.close();
});

describe("recorded-style replies", () => {
  it("cover at least 25 replies", () => {
    expect(recordedCases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(recordedCases.map((c) => c.question)).size).toBe(recordedCases.length);
  });

  for (const recorded of recordedCases) {
    it(`non-streamed: ${recorded.name}`, async () => {
      const answer = await answerer.ask(recorded.question);
      expectCaseHandled(recorded, answer, promptPassagesOfFixtures, null);
    });
    it(`streamed: ${recorded.name}`, async () => {
      const chunks: string[] = [];
      const answer = await answerer.ask(recorded.question, { onToken: (t) => chunks.push(t) });
      expectCaseHandled(recorded, answer, promptPassagesOfFixtures, chunks);
    });
  }
});
