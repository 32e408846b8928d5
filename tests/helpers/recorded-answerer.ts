import type { LlmConfig } from "../../src/config/config.js";
import { createLlmAnswerer, type LlmAnswerer } from "../../src/llm/index.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../llm/fake-openai-server.js";
import { fakeExtractive, fakeRetriever, passages } from "../llm/fixtures.js";
import { recordedResponder, type PromptPassage } from "../llm/recorded-replies.js";

/** The fixture passages numbered as the prompt shows them to the model. */
export const fixturePromptPassages: PromptPassage[] = passages.map((p, i) => ({
  n: i + 1,
  title: p.meta.title,
  text: p.text,
}));

/** The LLM answerer over the fixture passages, against a fake server replaying every recorded-style reply. */
export async function startRecordedAnswerer(): Promise<{ server: FakeOpenAiServer; answerer: LlmAnswerer }> {
  const server = await startFakeOpenAiServer(recordedResponder());
  const llm: LlmConfig = {
    provider: "openai",
    baseUrl: server.baseUrl,
    apiKey: "test-key",
    model: "fake-model",
    timeoutMs: 5_000,
  };
  const answerer = await createLlmAnswerer({ llm, retriever: fakeRetriever(), extractive: fakeExtractive(), k: 3 });
  return { server, answerer };
}
