import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/types.js";
import type { LlmAnswerer } from "../../src/llm/index.js";
import { fixturePromptPassages, startRecordedAnswerer } from "../helpers/recorded-answerer.js";
import { BOT_USER_ID, sendEvent, type ApiCall } from "../slack/fake-slack.js";
import { blocksText, startHarness, type Harness } from "../slack/harness.js";
import { expectCaseHandled, expectNoUncheckedChunk } from "./assert-case.js";
import type { FakeOpenAiServer } from "./fake-openai-server.js";
import { recordedCases } from "./recorded-replies.js";

// The Slack streaming path (real Bolt, fake Slack Web API) with the LLM answerer replaying every
// recorded-style reply: every piece of text sent to Slack is checked.
const CHANNEL = "C0LLM";
let server: FakeOpenAiServer;
let answerer: LlmAnswerer;
let harness: Harness;

beforeAll(async () => {
  ({ server, answerer } = await startRecordedAnswerer());
  // A buffer of one character: every piece the answerer releases goes to Slack at once, so each
  // appendStream call is one chunk as the answerer gave it.
  harness = await startHarness({ answerer, streamBufferSize: 1 });
});
afterAll(async () => {
  await harness.close();
  await server.close();
});

/** The text a streaming call sent (markdown_text, or markdown_text chunks). */
function streamedText(call: ApiCall): string {
  const args = call.args;
  let text = typeof args.markdown_text === "string" ? args.markdown_text : "";
  if (Array.isArray(args.chunks)) {
    for (const chunk of args.chunks as { type?: string; text?: string }[])
      if (chunk.type === "markdown_text" && chunk.text) text += chunk.text;
  }
  return text;
}

describe("Slack stream against recorded-style replies", () => {
  it("posts only checked text, streaming LLM answers sentence by sentence", async () => {
    for (const recorded of recordedCases) {
      const expected: Answer = await answerer.ask(recorded.question);
      expectCaseHandled(recorded, expected, fixturePromptPassages, null);

      const from = harness.fake.calls.length;
      const ts = harness.fake.nextTs();
      const text = `<@${BOT_USER_ID}> ${recorded.question}`;
      harness.fake.addUserMessage({ channel: CHANNEL, ts, user: "U0ALICE", text });
      await sendEvent(harness.eventsUrl, {
        type: "app_mention",
        user: "U0ALICE",
        text,
        ts,
        channel: CHANNEL,
        event_ts: ts,
      });
      const calls = () => harness.fake.calls.slice(from);
      const done = await harness.fake.waitFor(
        () =>
          calls().find(
            (c) => (c.method === "chat.postMessage" || c.method === "chat.stopStream") && Array.isArray(c.args.blocks),
          ),
        5_000,
        `the answer to ${recorded.name}`,
      );

      const streamCalls = calls().filter((c) => c.method === "chat.startStream" || c.method === "chat.appendStream");
      const chunks = streamCalls.map(streamedText).filter((t) => t !== "");
      // Nothing unchecked in any piece streamed, nor anywhere in what was posted.
      expectNoUncheckedChunk(recorded, chunks, "slack stream");
      expectNoUncheckedChunk(
        { ...recorded, forbidden: [] },
        calls().map((c) => JSON.stringify(c.args)),
        "slack",
      );
      if (recorded.outcome.kind === "answer") {
        expect(done.method, `${recorded.name} ends its stream with the sources`).toBe("chat.stopStream");
        expect(chunks.join("").trim(), recorded.name).toBe(expected.answer);
        expect(blocksText(done.args.blocks), recorded.name).toContain("*Sources*");
      } else {
        expect(chunks, `${recorded.name}: nothing streamed before the answer was known`).toEqual([]);
        // The fallback or not-found answer is delivered whole: posted, or streamed in one final piece.
        expect(["chat.postMessage", "chat.stopStream"], recorded.name).toContain(done.method);
        if (expected.note) expect(blocksText(done.args.blocks), recorded.name).toContain(expected.note.slice(0, 40));
      }
    }
  });
});
