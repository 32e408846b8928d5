import { HumanMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import { createChatModel } from "../../src/llm/index.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./fake-openai-server.js";

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer(() => ({ kind: "text", content: "Hello there, reader.", chunkSize: 5 }));
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe("createChatModel", () => {
  it("drives ChatOpenAI against LLM_BASE_URL, non-streaming", async () => {
    const model = createChatModel({
      provider: "openai",
      baseUrl: server.baseUrl,
      apiKey: "k-123456",
      model: "m1",
      timeoutMs: 2_000,
    });
    const reply = await model.invoke([new HumanMessage("hi")]);
    expect(reply.text).toBe("Hello there, reader.");
    expect(server.requests[0]?.raw).toMatchObject({ model: "m1", temperature: 0, max_tokens: 1024 });
    expect(server.requests[0]?.messages).toEqual([{ role: "user", content: "hi" }]);
  });

  it("streams chunks in order, without stream_options", async () => {
    const model = createChatModel({ provider: "openai", baseUrl: server.baseUrl, model: "m1", timeoutMs: 2_000 });
    const pieces: string[] = [];
    for await (const chunk of await model.stream([new HumanMessage("hi")])) if (chunk.text) pieces.push(chunk.text);
    expect(pieces).toEqual(["Hello", " ther", "e, re", "ader."]);
    expect(server.requests[0]?.stream).toBe(true);
    expect(server.requests[0]?.raw).not.toHaveProperty("stream_options");
  });

  it("leaves the temperature alone for reasoning models", async () => {
    const model = createChatModel({ provider: "openai", baseUrl: server.baseUrl, model: "o4-mini", timeoutMs: 2_000 });
    await model.invoke([new HumanMessage("hi")]);
    expect(server.requests[0]?.raw).not.toHaveProperty("temperature");
    expect(server.requests[0]?.raw).toHaveProperty("max_completion_tokens");
  });

  it("throws llm_unavailable for an incomplete configuration", () => {
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      expect(() => createChatModel({ provider: "openai", timeoutMs: 1_000 })).toThrow(CoopdocsError);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });
});
