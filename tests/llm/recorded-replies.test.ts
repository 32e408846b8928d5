import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LlmAnswerer } from "../../src/llm/index.js";
import { fixturePromptPassages, startRecordedAnswerer } from "../helpers/recorded-answerer.js";
import { expectCaseHandled } from "./assert-case.js";
import type { FakeOpenAiServer } from "./fake-openai-server.js";
import { recordedCases } from "./recorded-replies.js";

// The answerer against the fake server replaying every recorded-style reply, non-streamed and streamed.
let server: FakeOpenAiServer;
let answerer: LlmAnswerer;

beforeAll(async () => {
  ({ server, answerer } = await startRecordedAnswerer());
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
      expectCaseHandled(recorded, answer, fixturePromptPassages, null);
    });
    it(`streamed: ${recorded.name}`, async () => {
      const chunks: string[] = [];
      const answer = await answerer.ask(recorded.question, { onToken: (t) => chunks.push(t) });
      expectCaseHandled(recorded, answer, fixturePromptPassages, chunks);
    });
  }
});
