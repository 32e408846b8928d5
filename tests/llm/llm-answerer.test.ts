import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LlmConfig } from "../../src/config/config.js";
import { createConsoleLogger } from "../../src/core/logger.js";
import { createLlmAnswerer, type LlmAnswererOptions } from "../../src/llm/index.js";
import { closedPort, startFakeOpenAiServer, type FakeOpenAiServer } from "./fake-openai-server.js";
import { fakeExtractive, fakeRetriever, passages } from "./fixtures.js";

let server: FakeOpenAiServer;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function openai(overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    provider: "openai",
    baseUrl: server.baseUrl,
    apiKey: "test-key-123456",
    model: "fake-model",
    timeoutMs: 2_000,
    ...overrides,
  };
}

function setup(overrides: Partial<LlmAnswererOptions> = {}) {
  const retriever = fakeRetriever();
  const extractive = fakeExtractive();
  const lines: string[] = [];
  const logger = createConsoleLogger({ level: "debug", write: (line) => lines.push(line) });
  const options: LlmAnswererOptions = { llm: openai(), retriever, extractive, logger, k: 3, ...overrides };
  return { retriever, extractive, lines, answerer: createLlmAnswerer(options) };
}

describe("prompt contents", () => {
  it("sends the system rules and the numbered passages with title, section and page", async () => {
    server.respond(() => ({ kind: "text", content: "CAEC was established in 2010 [2]." }));
    const { answerer } = setup();
    await (await answerer).ask("When was CAEC established?");

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0];
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.model).toBe("fake-model");
    expect(request?.stream).toBe(false);
    expect(request?.headers.authorization).toBe("Bearer test-key-123456");
    const [system, user] = request?.messages ?? [];
    expect(system?.role).toBe("system");
    expect(system?.content).toMatch(/Use ONLY the numbered passages/);
    expect(system?.content).toContain("NOT_FOUND");
    expect(user?.role).toBe("user");
    const content = user?.content ?? "";
    expect(content).toContain(
      "[1] Title: ASEAN-China Strategy on Environmental Cooperation 2016-2020 (2016)\nSection: 4. Priority Areas\nPage: 12",
    );
    expect(content).toContain("[2] Title: About CAEC (2020)\nSection: About us\nPage: n/a");
    expect(content).toContain("[3] Title: Environmentally Sound Technologies: Cleaner Production (2015)");
    expect(content).toContain(passages[1]?.text);
    expect(content).toContain("Question: When was CAEC established?");
    expect(content.indexOf("[1] Title")).toBeLessThan(content.indexOf("[2] Title"));
  });
});

describe("citation check", () => {
  it("removes citations of passages not given and renumbers the rest in order of appearance", async () => {
    server.respond(() => ({
      kind: "text",
      content:
        "CAEC was set up in 2010 [2] in Beijing [7]. It implements the strategy [2, 9], whose priorities include biodiversity [1][4]. Capacity is built through training [sic] [3].",
    }));
    const { answerer, extractive } = setup();
    const answer = await (await answerer).ask("Tell me about CAEC");

    expect(answer.mode).toBe("llm");
    expect(answer.found).toBe(true);
    expect(answer.note).toBeUndefined();
    expect(answer.answer).toBe(
      "CAEC was set up in 2010 [1] in Beijing. It implements the strategy [1], whose priorities include biodiversity [2]. Capacity is built through training [sic] [3].",
    );
    expect(answer.citations.map((c) => [c.n, c.file])).toEqual([
      [1, "caec-about-us.txt"],
      [2, "asean-china-strategy-2016-2020.txt"],
      [3, "asean-est-cleaner-production.txt"],
    ]);
    expect(answer.passages.map((p) => p.id)).toEqual(["caec-1", "strategy-1", "est-1"]);
    // One supporting sentence per claim that cites the passage, in the passage's order.
    expect(answer.citations[0]?.quote).toBe(
      "The China-ASEAN Environmental Cooperation Center (CAEC) was established in 2010. … It is based in Beijing and implements the cooperation strategy.",
    );
    expect(answer.citations[1]?.quote).toBe("Biodiversity and ecosystem conservation is one of them.");
    expect(answer.citations[1]?.page).toBe(12);
    expect(extractive.calls).toHaveLength(0);
  });

  it("lists only the cited passages as sources", async () => {
    server.respond(() => ({ kind: "text", content: "Cleaner production helps SMEs reduce waste [3]." }));
    const answer = await (await setup().answerer).ask("What does cleaner production do?");
    expect(answer.answer).toBe("Cleaner production helps SMEs reduce waste [1].");
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]?.title).toBe("Environmentally Sound Technologies: Cleaner Production");
    expect(answer.passages.map((p) => p.id)).toEqual(["est-1"]);
  });

  it("falls back to the extractive answer with a note when no citation is valid", async () => {
    server.respond(() => ({ kind: "text", content: "CAEC is in Beijing [5]. It was founded long ago." }));
    const { answerer, extractive } = setup();
    const answer = await (await answerer).ask("Where is CAEC?");
    expect(answer.mode).toBe("extractive");
    expect(answer.answer).toMatch(/^EXTRACTIVE: /);
    expect(answer.note).toBe("The generated answer cited none of the passages, so this is the extractive answer.");
    expect(extractive.calls).toHaveLength(1);
    expect(extractive.calls[0]?.question).toBe("Where is CAEC?");
    expect(extractive.calls[0]?.passages.map((p) => p.id)).toEqual(passages.map((p) => p.id));
  });

  it("answers not found, with the closest passages, when the model says the passages do not hold the answer", async () => {
    server.respond(() => ({ kind: "text", content: "NOT_FOUND" }));
    const { answerer, extractive } = setup();
    const tokens: string[] = [];
    const answer = await (await answerer).ask("What is the budget for 2030?", { onToken: (t) => tokens.push(t) });
    expect(answer).toMatchObject({ mode: "llm", found: false, citations: [] });
    expect(answer.answer).toMatch(/could not find this in the documents/);
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(tokens.join("")).not.toContain("NOT_FOUND");
    expect(extractive.calls).toHaveLength(0);
  });
});

describe("faults fall back to the extractive answer with a one-line note", () => {
  it("on a timeout (server never answers)", async () => {
    server.respond(() => ({ kind: "text", content: "late [1]", delayMs: 10_000 }));
    const { answerer, lines } = setup({ llm: openai({ timeoutMs: 300 }) });
    const started = Date.now();
    const answer = await (await answerer).ask("When was CAEC established?");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toBe("The LLM did not answer in time, so this is the extractive answer.");
    expect(answer.note).not.toContain("\n");
    expect(lines.some((l) => l.includes("llm call failed") && l.includes('"kind":"timeout"'))).toBe(true);
  });

  it("on a stream that stalls after the first tokens", async () => {
    server.respond(() => ({ kind: "stall", content: "CAEC was " }));
    const { answerer } = setup({ llm: openai({ timeoutMs: 400 }) });
    const tokens: string[] = [];
    const started = Date.now();
    const answer = await (await answerer).ask("When was CAEC established?", { onToken: (t) => tokens.push(t) });
    expect(Date.now() - started).toBeLessThan(3_000);
    // "CAEC was" is no checked sentence: nothing of it was shown.
    expect(tokens.join("")).toBe("");
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toMatch(/^The LLM did not answer in time/);
  });

  it("keeps the checked sentences already shown when the stream stalls after them", async () => {
    server.respond(() => ({ kind: "stall", content: "CAEC was established in 2010 [2]. It was later moved to Atlan" }));
    const { answerer, extractive } = setup({ llm: openai({ timeoutMs: 400 }) });
    const tokens: string[] = [];
    const answer = await (await answerer).ask("When was CAEC established?", { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(["CAEC was established in 2010 [1]."]);
    expect(answer).toMatchObject({ mode: "llm", found: true, answer: "CAEC was established in 2010 [1]." });
    expect(answer.note).toBe(
      "The answer was interrupted (the LLM did not answer in time); only its complete sentences are shown.",
    );
    expect(extractive.calls).toHaveLength(0);
  });

  it("on HTTP 500", async () => {
    server.respond(() => ({ kind: "status", status: 500, message: "model crashed" }));
    // Room for the client's retry back-off on a loaded machine: this test is about the status, not the deadline.
    const answer = await (await setup({ llm: openai({ timeoutMs: 8_000 }) }).answerer).ask(
      "When was CAEC established?",
    );
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toBe("The LLM service returned an error (HTTP 500), so this is the extractive answer.");
    // One retry for a transient server error, then the fallback.
    expect(server.requests).toHaveLength(2);
  });

  it("on a garbage body", async () => {
    server.respond(() => ({ kind: "garbage", body: "<html>502 Bad Gateway</html>", contentType: "text/html" }));
    const answer = await (await setup().answerer).ask("When was CAEC established?");
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toBe("The LLM returned an unusable reply, so this is the extractive answer.");
  });

  it("on a garbage stream", async () => {
    server.respond(() => ({ kind: "garbage", body: 'data: {"choices": [oops\n\n', contentType: "text/event-stream" }));
    const answer = await (await setup().answerer).ask("When was CAEC established?", { onToken: () => {} });
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toMatch(/^The LLM (returned an unusable reply|returned an empty reply)/);
  });

  it("on an empty reply", async () => {
    server.respond(() => ({ kind: "text", content: "   " }));
    const answer = await (await setup().answerer).ask("When was CAEC established?");
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toBe("The LLM returned an empty reply, so this is the extractive answer.");
  });

  it("when the server is down", async () => {
    const port = await closedPort();
    // A refused connection is retried once after a back-off; with the 2 s default a loaded machine could run
    // into the timeout first and report that instead, so this case (about a down server) gets room.
    const { answerer } = setup({ llm: openai({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 8_000 }) });
    const answer = await (await answerer).ask("When was CAEC established?");
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toBe("The LLM service could not be reached, so this is the extractive answer.");
  });

  it("never logs the API key or puts it in the answer", async () => {
    const key = "coopdocs-secret-key-9f8e7d6c5b4a";
    server.respond(() => ({ kind: "status", status: 401, message: `Incorrect API key provided: ${key}.` }));
    const { answerer, lines } = setup({ llm: openai({ apiKey: key }) });
    const answer = await (await answerer).ask("When was CAEC established?");
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(answer.note).toBe("The LLM service returned an error (HTTP 401), so this is the extractive answer.");
    const failure = lines.find((l) => l.includes("llm call failed"));
    expect(failure).toContain("Incorrect API key provided: [redacted]");
    expect(lines.join("\n")).not.toContain(key);
    expect(JSON.stringify(answer)).not.toContain(key);
  });
});

describe("follow-ups", () => {
  it("condenses the thread and the follow-up into a standalone query before retrieval", async () => {
    const standalone =
      "What is the role of the China-ASEAN Environmental Cooperation Center in the 2016-2020 strategy?";
    server.respond((request) =>
      request.messages.some((m) => m.content.includes("Follow-up message:"))
        ? { kind: "text", content: `Standalone question: "${standalone}"` }
        : { kind: "text", content: "It implements the cooperation strategy [2]." },
    );
    const { answerer, retriever } = setup();
    const answer = await (await answerer).ask("What is its role in it?", {
      history: [
        { role: "user", text: "What does the 2016-2020 strategy cover?" },
        { role: "assistant", text: "It covers biodiversity [1]." },
        { role: "user", text: "Who is CAEC?" },
        { role: "assistant", text: "The China-ASEAN Environmental Cooperation Center [1]." },
      ],
    });

    expect(server.requests).toHaveLength(2);
    const condense = server.requests[0]?.messages ?? [];
    expect(condense).toHaveLength(1);
    expect(condense[0]?.content).toContain(
      "User: What does the 2016-2020 strategy cover?\nAssistant: It covers biodiversity [1].\nUser: Who is CAEC?\nAssistant: The China-ASEAN Environmental Cooperation Center [1].",
    );
    expect(condense[0]?.content).toContain("Follow-up message: What is its role in it?");
    expect(retriever.queries).toEqual([{ query: standalone, k: 3 }]);
    expect(server.requests[1]?.messages[1]?.content).toContain(`Question: ${standalone}`);
    expect(answer.answer).toBe("It implements the cooperation strategy [1].");
  });

  it("does not call the model to condense when there is no history", async () => {
    server.respond(() => ({ kind: "text", content: "Biodiversity is a priority [1]." }));
    const { answerer, retriever } = setup();
    await (await answerer).ask("Is biodiversity a priority?", { history: [] });
    expect(server.requests).toHaveLength(1);
    expect(retriever.queries[0]?.query).toBe("Is biodiversity a priority?");
  });

  it("falls back at once, without a second wait, when condensation times out", async () => {
    server.respond(() => ({ kind: "text", content: "late [1]", delayMs: 10_000 }));
    const { answerer, retriever, extractive } = setup({ llm: openai({ timeoutMs: 300 }) });
    const started = Date.now();
    const answer = await (await answerer).ask("Where is it?", { history: [{ role: "user", text: "What is CAEC?" }] });
    expect(Date.now() - started).toBeLessThan(600 + 300);
    expect(server.requests).toHaveLength(1);
    expect(retriever.queries[0]?.query).toBe("What is CAEC? Where is it?");
    expect(extractive.calls[0]?.question).toBe("What is CAEC? Where is it?");
    expect(answer).toMatchObject({
      mode: "extractive",
      note: "The LLM did not answer in time, so this is the extractive answer.",
    });
  });

  it("searches with the last question and the follow-up when condensation fails", async () => {
    server.respond((request) =>
      request.messages.some((m) => m.content.includes("Follow-up message:"))
        ? { kind: "status", status: 400, message: "bad request" }
        : { kind: "text", content: "It is in Beijing [2]." },
    );
    const { answerer, retriever } = setup();
    const answer = await (await answerer).ask("Where is it?", { history: [{ role: "user", text: "What is CAEC?" }] });
    expect(retriever.queries[0]?.query).toBe("What is CAEC? Where is it?");
    expect(answer.mode).toBe("llm");
  });
});

describe("streaming", () => {
  it("passes the checked text to onToken sentence by sentence, as it arrives, and it matches the final answer", async () => {
    const content =
      "CAEC was established in 2010 [2] and is based in Beijing [8]. Its work follows the strategy [1, 2].";
    // The server holds the end of the second sentence until the first has been shown: had the first
    // not been released mid-stream, the call would time out.
    let firstShown: () => void = () => undefined;
    const until = new Promise<void>((resolve) => (firstShown = resolve));
    server.respond(() => ({ kind: "text", content, chunkSize: 3, pauseBefore: { piece: 24, until } }));
    const { answerer } = setup();
    const tokens: string[] = [];
    const answer = await (await answerer).ask("Tell me about CAEC", {
      onToken: (text) => {
        tokens.push(text);
        firstShown();
      },
    });

    expect(server.requests[0]?.stream).toBe(true);
    expect(tokens).toEqual([
      "CAEC was established in 2010 [1] and is based in Beijing.",
      " Its work follows the strategy [1, 2].",
    ]);
    expect(answer.mode).toBe("llm");
    expect(answer.answer).toBe(tokens.join("").trim());
    expect(answer.citations.map((c) => c.file)).toEqual(["caec-about-us.txt", "asean-china-strategy-2016-2020.txt"]);
  });

  it("streams the same text as a non-streamed call returns", async () => {
    const content = "Priorities include biodiversity [1][3] and data [4].\n\nCAEC implements them [2].";
    server.respond(() => ({ kind: "text", content, chunkSize: 1 }));
    const { answerer } = setup();
    const tokens: string[] = [];
    const streamed = await (await answerer).ask("Priorities?", { onToken: (t) => tokens.push(t) });
    const plain = await (await answerer).ask("Priorities?");
    expect(streamed.answer).toBe(plain.answer);
    expect(tokens.join("").trim()).toBe(plain.answer);
    expect(plain.answer).toBe("Priorities include biodiversity [1][2] and data.\n\nCAEC implements them [3].");
  });

  it("keeps a local reasoning model's <think> block out of the stream and the answer", async () => {
    server.respond(() => ({
      kind: "text",
      content: "<think>Passage 2 says 2010 [2].</think>\nCAEC was established in 2010 [2].",
      chunkSize: 5,
    }));
    const tokens: string[] = [];
    const answer = await (await setup().answerer).ask("When?", { onToken: (t) => tokens.push(t) });
    expect(tokens.join("").trim()).toBe("CAEC was established in 2010 [1].");
    expect(answer.answer).toBe("CAEC was established in 2010 [1].");
  });

  it("rejects when the caller aborts, instead of falling back", async () => {
    server.respond(() => ({ kind: "text", content: "slow [1]", delayMs: 5_000 }));
    const controller = new AbortController();
    const { answerer } = setup();
    const pending = (await answerer).ask("When?", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(pending).rejects.toThrow("user cancelled");
  });
});

describe("report drafting", () => {
  it("asks for formal background paragraphs on the topic, with citations", async () => {
    server.respond(() => ({
      kind: "text",
      content:
        "The ASEAN-China Strategy on Environmental Cooperation 2016-2020 sets out priority areas, including biodiversity [1]. Its implementation is supported by CAEC, established in 2010 [2].",
    }));
    const { answerer, retriever } = setup({ draftK: 2 });
    const answer = await (await answerer).draft("biodiversity cooperation");
    expect(retriever.queries).toEqual([{ query: "biodiversity cooperation", k: 2 }]);
    const user = server.requests[0]?.messages[1]?.content ?? "";
    expect(user).toContain("Topic: biodiversity cooperation");
    expect(user).toMatch(/formal, neutral report style/);
    expect(user).toContain("[2] Title: About CAEC");
    expect(user).not.toContain("[3] Title");
    expect(server.requests[0]?.messages[0]?.content).toMatch(/Use ONLY the numbered passages/);
    expect(answer.mode).toBe("llm");
    expect(answer.citations.map((c) => c.n)).toEqual([1, 2]);
  });

  it("gives the quotes with a note when the LLM fails", async () => {
    server.respond(() => ({ kind: "status", status: 404, message: "model not found" }));
    const answer = await (await setup().answerer).draft("biodiversity");
    expect(answer.mode).toBe("extractive");
    expect(answer.note).toBe(
      "The LLM service returned an error (HTTP 404), so no draft was written; these are the relevant quotes from the documents.",
    );
  });
});

describe("ollama", () => {
  it("talks to Ollama's OpenAI-compatible /v1 endpoint without a key", async () => {
    server.respond(() => ({ kind: "text", content: "CAEC was established in 2010 [2]." }));
    const { answerer } = setup({ llm: { provider: "ollama", baseUrl: server.origin, timeoutMs: 2_000 }, env: {} });
    const answer = await (await answerer).ask("When was CAEC established?");
    expect(server.requests[0]?.path).toBe("/v1/chat/completions");
    expect(server.requests[0]?.model).toBe("llama3.2");
    expect(answer.answer).toBe("CAEC was established in 2010 [1].");
  });
});
