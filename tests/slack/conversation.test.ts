/**
 * Follow-ups over Slack with the real core: the real Bolt app against the fake Web API, answering from the
 * shared index of the real corpus. The thread's history (with the evidence ids the answers' metadata
 * carries) is read back through conversations.replies, as in production.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/index.js";
import { sharedIndexConfig } from "../helpers/test-corpus.js";
import { sendEvent } from "./fake-slack.js";
import { blocksText, botReplies, startHarness, type Harness } from "./harness.js";

const DM = "D0CONVO";
const USER = "U0CAROL";

let service: AnswerService;
let h: Harness;

beforeAll(async () => {
  service = await createAnswerService(sharedIndexConfig(inject("sharedIndexDir")));
  h = await startHarness({ answerer: service, answerTimeoutMs: 30_000 });
});

afterAll(async () => {
  await h?.close();
});

/** Sends a DM (a new conversation, or a follow-up in `threadTs`) and returns the bot's finished reply. */
async function ask(text: string, threadTs?: string): Promise<{ threadTs: string; markdown: string; all: string }> {
  const ts = h.fake.nextTs();
  const thread = threadTs ?? ts;
  h.fake.addUserMessage({ channel: DM, ts, thread_ts: threadTs, user: USER, text });
  const before = botReplies(h.fake, thread).filter((m) => Array.isArray(m.blocks)).length;
  await sendEvent(h.eventsUrl, {
    type: "message",
    channel_type: "im",
    user: USER,
    text,
    ts,
    channel: DM,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  const reply = await h.fake.waitFor(
    () => botReplies(h.fake, thread).filter((m) => Array.isArray(m.blocks))[before],
    30_000,
    `the reply to "${text}"`,
  );
  return { threadTs: thread, markdown: reply.text.replace(/\u200b/g, ""), all: blocksText(reply.blocks) };
}

describe("follow-ups in a Slack thread, answered by the real core", () => {
  it("narrows 'which of those' to the one item (issue example)", async () => {
    const first = await ask("What are the 2016–2020 priority areas?");
    expect(first.markdown).toContain("Environmentally Sustainable Cities");
    const cities = await ask("and which of those is about cities?", first.threadTs);
    expect(cities.markdown).toBe("Environmentally Sustainable Cities [1]");
    // The source line says where, without repeating the answer as a quote.
    expect(cities.all).toMatch(/\[1\] ASEAN-China Strategy on Environmental Cooperation \(2016-2020\)[^\n]*$/m);
    expect(cities.all).not.toContain("—");
  });

  it("says the documents do not say where CAEC is based (issue example)", async () => {
    const first = await ask("When was CAEC established?");
    expect(first.markdown).toContain("2010");
    const based = await ask("and where is it based?", first.threadTs);
    // Either not-found wording: nothing close, or "The documents do not give the place …" with what they say.
    expect(based.markdown).toMatch(/^(?:I could not find this in the documents|The documents do not give the place)/);
    expect(based.markdown).not.toContain("2010");
  });

  it("answers 'Summarise every area …' from the section it names (issue example)", async () => {
    const summary = await ask("Summarise every area of cooperation in the 2016-2020 strategy");
    expect(summary.markdown).toMatch(/^Areas of Cooperation, part by part:/);
    expect(summary.markdown).toContain("**Joint research**");
    expect(summary.all).toContain("§4.9");
  });

  it("narrows with 'which of them' to another item", async () => {
    const first = await ask("What are the 2016–2020 priority areas?");
    const pick = await ask("which of them concern biodiversity?", first.threadTs);
    expect(pick.markdown).toBe("Biodiversity and Ecological Conservation [1]");
  });

  it("says so when none of the items matches", async () => {
    const first = await ask("What are the 2016–2020 priority areas?");
    const none = await ask("and which of those concern climate?", first.threadTs);
    expect(none.markdown).toMatch(/^I could not find this in the documents/);
  });

  it("starts fresh on a new topic in the same thread", async () => {
    const first = await ask("What are the 2016–2020 priority areas?");
    const fresh = await ask("Who established CAEC?", first.threadTs);
    expect(fresh.markdown).toContain("Ministry");
    expect(fresh.markdown).not.toContain("Policy Dialogue and Exchange");
  });

  it("resolves 'it' to the subject of the previous question", async () => {
    const first = await ask("When was CAEC established?");
    const who = await ask("who established it?", first.threadTs);
    expect(who.markdown).toContain("Ministry");
  });

  it("summarises what a 'describe each' request names, in the document it names", async () => {
    const summary = await ask("Describe each new priority area in the 2009-2015 strategy");
    expect(summary.markdown).toContain("**Biodiversity Conservation**");
    expect(summary.markdown).not.toContain("Environmentally Sustainable Cities");
  });
});
