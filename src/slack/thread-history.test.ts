import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createRepliesHistory } from "./thread-history.js";

/** Only conversations.replies is called; a stub stands in for the WebClient. */
function clientWith(messages: Record<string, unknown>[]): { client: webApi.WebClient; calls: unknown[] } {
  const calls: unknown[] = [];
  const client = {
    conversations: {
      replies: async (args: unknown) => {
        calls.push(args);
        return { ok: true, messages };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

const bot = { botUserId: "UBOT", botId: "BBOT" };

describe("createRepliesHistory", () => {
  it("turns the thread before the current message into user and assistant turns", async () => {
    const { client, calls } = clientWith([
      { ts: "0.5", user: "UBOT", bot_id: "BBOT", text: "Hi! Ask me anything." },
      { ts: "1.0", user: "U1", text: "<@UBOT> What are the priority areas?" },
      {
        ts: "2.0",
        user: "UBOT",
        bot_id: "BBOT",
        text: "*Policy dialogue* [1]",
        metadata: {
          event_type: "coopdocs_answer",
          event_payload: { answer_id: "a1", found: true, passage_ids: '["c1","c2"]' },
        },
      },
      { ts: "2.5", bot_id: "BOTHER", text: "another bot" },
      { ts: "2.7", user: "U1", subtype: "channel_join", text: "joined" },
      { ts: "3.0", user: "U1", text: "<@UBOT> and biodiversity?" },
      { ts: "4.0", user: "U1", text: "later" },
    ]);
    const turns = await createRepliesHistory().load({ client, channel: "C1", threadTs: "1.0", beforeTs: "3.0", bot });
    expect(calls).toEqual([{ channel: "C1", ts: "1.0", limit: 200, include_all_metadata: true }]);
    // The answer's evidence comes back from its message metadata.
    expect(turns).toEqual([
      { role: "user", text: "What are the priority areas?" },
      { role: "assistant", text: "*Policy dialogue* [1]", passageIds: ["c1", "c2"], found: true },
    ]);
  });

  it("keeps only the most recent turns, each shortened", async () => {
    const messages = Array.from({ length: 30 }, (_, i) => ({
      ts: `${i + 1}.0`,
      user: "U1",
      text: `q${i} ${"x".repeat(50)}`,
    }));
    const { client } = clientWith(messages);
    const turns = await createRepliesHistory({ maxTurns: 4, maxCharsPerTurn: 10 }).load({
      client,
      channel: "C1",
      threadTs: "1.0",
      beforeTs: "100.0",
      bot,
    });
    expect(turns.map((t) => t.text)).toEqual(["q26 xxxxxx", "q27 xxxxxx", "q28 xxxxxx", "q29 xxxxxx"]);
  });
});
