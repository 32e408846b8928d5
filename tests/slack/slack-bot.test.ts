import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/types.js";
import { ActionId } from "../../src/slack/index.js";
import {
  BOT_ID,
  BOT_USER_ID,
  TEAM_ID,
  sendAction,
  sendCommand,
  sendEvent,
  postSigned,
  eventEnvelope,
  fakeSlackConfig,
} from "./fake-slack.js";
import {
  answerFor,
  blocksText,
  botReplies,
  buttonIds,
  buttonValue,
  markdownText,
  startHarness,
  type Harness,
} from "./harness.js";

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CHANNEL = "C0GENERAL";
const DM = "D0DIRECT";
const USER = "U0ALICE";

/** Sends a channel mention (and records it in the fake so the thread can be read back). */
async function mention(h: Harness, text: string, opts: { ts?: string; threadTs?: string; channel?: string } = {}) {
  const ts = opts.ts ?? h.fake.nextTs();
  const channel = opts.channel ?? CHANNEL;
  const event = {
    type: "app_mention",
    user: USER,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel,
    event_ts: ts,
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
  };
  h.fake.addUserMessage({ channel, ts, thread_ts: opts.threadTs, user: USER, text: event.text });
  const response = await sendEvent(h.eventsUrl, event);
  return { ts, event, response };
}

const answerPosts = (h: Harness) => h.fake.callsOf("chat.postMessage");

/** The bot's finished replies (posted, or streamed and stopped, or updated) in a thread: those with blocks. */
const repliesIn = (h: Harness, threadTs: string) => botReplies(h.fake, threadTs).filter((m) => Array.isArray(m.blocks));
const allReplies = (h: Harness) => h.fake.messages.filter((m) => m.bot_id !== undefined && Array.isArray(m.blocks));
const reply = (h: Harness, threadTs: string, index = 0) =>
  h.fake.waitFor(() => repliesIn(h, threadTs)[index], 5000, `reply ${index} in ${threadTs}`);

describe("Slack bot over HTTP (real Bolt, fake Slack Web API)", () => {
  it("streams a mention's answer into its thread: markdown, one line per source, feedback_buttons", async () => {
    harness = await startHarness();
    const h = harness;
    const { ts, response } = await mention(h, "What are the 2016–2020 priority areas?");
    expect(response.status).toBe(200);

    const stop = await h.fake.waitFor(() => h.fake.callsOf("chat.stopStream")[0], 5000, "the end of the stream");
    const start = h.fake.callsOf("chat.startStream")[0];
    expect(start?.args).toMatchObject({
      channel: CHANNEL,
      thread_ts: ts,
      recipient_user_id: USER,
      recipient_team_id: TEAM_ID,
    });
    expect(h.answerer.calls).toHaveLength(1);
    expect(h.answerer.calls[0]?.question).toBe("What are the 2016–2020 priority areas?");
    expect(answerPosts(h)).toHaveLength(0);

    const message = await reply(h, ts);
    // The answer's Markdown as Slack renders it (no hand-made mrkdwn), all of it in one chunk.
    expect(message.text).toBe(answerFor("What are the 2016–2020 priority areas?").answer);
    const sources = blocksText(stop.args.blocks);
    expect(sources).toContain(
      "*Sources*\n[1] ASEAN–China Environmental Cooperation Strategy 2016–2020 · §3 · p. 7 — “Policy dialogue &amp; exchange &lt;!channel&gt;",
    );
    expect(sources).toContain("\n[2] About CAEC · Mandate — “Biodiversity and ecosystem conservation.”");
    expect(sources).not.toContain("<!channel>");
    expect(buttonIds(stop.args.blocks)).toEqual([ActionId.Feedback]);
    expect(stop.args.metadata).toMatchObject({
      event_type: "coopdocs_answer",
      event_payload: { found: true, passage_ids: "[]" },
    });
    // The status shows while answering, with loading messages, in the same thread.
    const status = h.fake.callsOf("assistant.threads.setStatus")[0];
    expect(status?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: ts, status: "is searching the documents…" });
    expect((status?.args.loading_messages as string[] | undefined)?.length ?? 0).toBeGreaterThan(0);
  });

  it("acknowledges the event before the answer is ready (Slack's 3-second rule)", async () => {
    harness = await startHarness();
    const h = harness;
    let release: (answer: Answer) => void = () => undefined;
    h.answerer.behaviour = () => new Promise<Answer>((resolve) => (release = resolve));
    const started = Date.now();
    const { ts, response } = await mention(h, "Slow question?");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await h.fake.waitFor(() => h.answerer.calls.length === 1, 5000, "the answerer to be called");
    expect(repliesIn(h, ts)).toHaveLength(0);
    release(answerFor("Slow question?"));
    await reply(h, ts);
  });

  it("rejects a forged signature with 401 and a stale timestamp too, answering nothing", async () => {
    harness = await startHarness();
    const h = harness;
    const event = {
      type: "app_mention",
      user: USER,
      text: `<@${BOT_USER_ID}> hi`,
      ts: h.fake.nextTs(),
      channel: CHANNEL,
    };
    const forged = await sendEvent(h.eventsUrl, event, { signature: `v0=${"0".repeat(64)}` });
    expect(forged.status).toBe(401);
    const wrongSecret = await sendEvent(h.eventsUrl, event, { secret: "not-the-secret" });
    expect(wrongSecret.status).toBe(401);
    const stale = await sendEvent(h.eventsUrl, event, { timestamp: Math.floor(Date.now() / 1000) - 60 * 10 });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.answerer.calls).toHaveLength(0);
    expect(allReplies(h)).toHaveLength(0);
  });

  it("answers a retried event once, and a post delivered as both message and app_mention once", async () => {
    harness = await startHarness();
    const h = harness;
    const ts = h.fake.nextTs();
    const event = { type: "app_mention", user: USER, text: `<@${BOT_USER_ID}> Which areas?`, ts, channel: CHANNEL };
    const body = eventEnvelope(event, "EvRETRY1");
    expect((await postSigned(h.eventsUrl, body, "application/json")).status).toBe(200);
    // Slack's retries carry the same event id and x-slack-retry-num.
    expect((await postSigned(h.eventsUrl, body, "application/json", { retryNum: 1 })).status).toBe(200);
    expect((await postSigned(h.eventsUrl, body, "application/json", { retryNum: 2 })).status).toBe(200);

    // In a DM the same post can come as `message` and as `app_mention` (different event ids).
    const dmTs = h.fake.nextTs();
    const dmText = `<@${BOT_USER_ID}> And in a DM?`;
    await sendEvent(h.eventsUrl, {
      type: "message",
      channel_type: "im",
      user: USER,
      text: dmText,
      ts: dmTs,
      channel: DM,
    });
    await sendEvent(h.eventsUrl, { type: "app_mention", user: USER, text: dmText, ts: dmTs, channel: DM });

    await h.fake.waitFor(() => allReplies(h).length >= 2, 5000, "two answers");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.answerer.calls.map((c) => c.question)).toEqual(["Which areas?", "And in a DM?"]);
    expect(allReplies(h)).toHaveLength(2);
  });

  it("answers a direct message in a thread of that message, without needing a mention", async () => {
    harness = await startHarness();
    const h = harness;
    const ts = h.fake.nextTs();
    await sendEvent(h.eventsUrl, {
      type: "message",
      channel_type: "im",
      user: USER,
      text: "List the priority areas",
      ts,
      channel: DM,
    });
    const answer = await reply(h, ts);
    expect(answer.channel).toBe(DM);
    expect(h.answerer.calls[0]?.question).toBe("List the priority areas");
    expect(h.answerer.calls[0]?.options.history).toEqual([]);
  });

  it("gives a follow-up the thread's earlier turns, with the evidence ids the answer's metadata carries", async () => {
    harness = await startHarness();
    const h = harness;
    h.answerer.behaviour = async (question) => ({
      ...answerFor(question),
      passages: [
        {
          id: "chunk-7",
          text: "t",
          score: 1,
          similarity: 1,
          meta: { file: "f", title: "T", section: "S", page: null, start: 0, end: 1, year: null },
        },
      ],
    });
    const first = await mention(h, "What are the 2016–2020 priority areas?");
    const firstReply = await reply(h, first.ts);
    await mention(h, "and which of those is about cities?", { threadTs: first.ts });
    await reply(h, first.ts, 1);

    const followUp = h.answerer.calls[1];
    expect(followUp?.question).toBe("and which of those is about cities?");
    expect(followUp?.options.history).toEqual([
      { role: "user", text: "What are the 2016–2020 priority areas?" },
      { role: "assistant", text: firstReply.text, passageIds: ["chunk-7"], found: true },
    ]);
    expect(String(h.fake.callsOf("conversations.replies")[0]?.args.include_all_metadata)).toBe("true");
  });

  it("ignores its own messages and other bots' messages, and message edits", async () => {
    harness = await startHarness();
    const h = harness;
    const base = { type: "message", channel_type: "im", channel: DM };
    await sendEvent(h.eventsUrl, {
      ...base,
      bot_id: BOT_ID,
      user: BOT_USER_ID,
      text: "my own answer",
      ts: h.fake.nextTs(),
    });
    await sendEvent(h.eventsUrl, { ...base, bot_id: "B0OTHER", text: "another bot", ts: h.fake.nextTs() });
    await sendEvent(h.eventsUrl, { ...base, subtype: "message_changed", text: "edit", ts: h.fake.nextTs() });
    await sendEvent(h.eventsUrl, {
      type: "app_mention",
      bot_id: "B0OTHER",
      user: "U0OTHERBOT",
      text: `<@${BOT_USER_ID}> hi`,
      ts: h.fake.nextTs(),
      channel: CHANNEL,
    });
    // A real question afterwards is answered: the bot is alive, it just ignored the others.
    const ts = h.fake.nextTs();
    await sendEvent(h.eventsUrl, { ...base, user: USER, text: "A real question", ts });
    await reply(h, ts);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.answerer.calls.map((c) => c.question)).toEqual(["A real question"]);
  });

  it("runs assistant threads: greeting, suggested prompts, status, title, threaded answer", async () => {
    harness = await startHarness();
    const h = harness;
    const threadTs = h.fake.nextTs();
    const assistantThread = { user_id: USER, context: {}, channel_id: DM, thread_ts: threadTs };
    await sendEvent(h.eventsUrl, {
      type: "assistant_thread_started",
      assistant_thread: assistantThread,
      event_ts: threadTs,
    });

    const prompts = await h.fake.waitFor(
      () => h.fake.callsOf("assistant.threads.setSuggestedPrompts")[0],
      5000,
      "prompts",
    );
    expect(prompts.args).toMatchObject({ channel_id: DM, thread_ts: threadTs });
    const promptMessages = (prompts.args.prompts as { message: string }[]).map((p) => p.message);
    expect(promptMessages).toContain("What are the 2016–2020 priority areas?");
    const greeting = answerPosts(h)[0];
    expect(greeting?.args).toMatchObject({ channel: DM, thread_ts: threadTs });

    const ts = h.fake.nextTs();
    h.fake.addUserMessage({
      channel: DM,
      ts,
      thread_ts: threadTs,
      user: USER,
      text: "What are the 2016–2020 priority areas?",
    });
    await sendEvent(h.eventsUrl, {
      type: "message",
      channel_type: "im",
      user: USER,
      text: "What are the 2016–2020 priority areas?",
      ts,
      thread_ts: threadTs,
      channel: DM,
    });
    const answer = await reply(h, threadTs, 1);
    expect(blocksText(answer.blocks)).toContain("*Sources*");
    expect(h.fake.callsOf("assistant.threads.setStatus")[0]?.args).toMatchObject({
      channel_id: DM,
      thread_ts: threadTs,
      status: "is searching the documents…",
    });
    expect(h.fake.callsOf("assistant.threads.setTitle")[0]?.args).toMatchObject({
      channel_id: DM,
      thread_ts: threadTs,
      title: "What are the 2016–2020 priority areas?",
    });
    // Neither the greeting nor the question itself is history.
    expect(h.answerer.calls[0]?.options.history).toEqual([]);
  });

  it("opens the Agent messaging Messages tab with pinned prompts and one welcome, ignoring the Home tab", async () => {
    harness = await startHarness();
    const h = harness;
    const open = (tab: string) =>
      sendEvent(h.eventsUrl, { type: "app_home_opened", user: USER, channel: DM, tab, event_ts: h.fake.nextTs() });
    await open("home");
    await open("messages");
    const prompts = await h.fake.waitFor(
      () => h.fake.callsOf("assistant.threads.setSuggestedPrompts")[0],
      5000,
      "pinned prompts",
    );
    expect(prompts.args.channel_id).toBe(DM);
    expect(prompts.args.thread_ts).toBeUndefined();
    expect((prompts.args.prompts as unknown[]).length).toBeLessThanOrEqual(4);
    const welcome = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the welcome");
    expect(welcome.args.channel).toBe(DM);
    expect(welcome.args.thread_ts).toBeUndefined();
    expect(markdownText(welcome.args.blocks)).toContain(
      "I answer questions about the ASEAN–China environmental cooperation documents",
    );
    // Opening the tab again pins the prompts again but does not repeat the welcome.
    await open("messages");
    await h.fake.waitFor(
      () => h.fake.callsOf("assistant.threads.setSuggestedPrompts").length === 2,
      5000,
      "prompts again",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answerPosts(h)).toHaveLength(1);
  });

  it("takes app_context_changed (agent view) without answering or failing", async () => {
    harness = await startHarness({ logLevel: "debug" });
    const h = harness;
    const response = await sendEvent(h.eventsUrl, {
      type: "app_context_changed",
      user: USER,
      channel: DM,
      context: { entities: [{ type: "slack#/types/channel_id", value: CHANNEL }] },
      event_ts: h.fake.nextTs(),
    });
    expect(response.status).toBe(200);
    await h.fake.waitFor(
      () => h.logs.find((l) => l.message === "Slack: app context changed"),
      5000,
      "the context noted",
    );
    expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(allReplies(h)).toHaveLength(0);
  });

  it("answers /coopdocs privately: the answer replaces the plain-text 'Searching…' ack; sharing posts it", async () => {
    harness = await startHarness();
    const h = harness;
    const ack = await sendCommand(h.eventsUrl, {
      command: "/coopdocs",
      text: "What is *GEP* _really_ ~about~?",
      user_id: USER,
      channel_id: CHANNEL,
      team_id: TEAM_ID,
      response_url: h.fake.responseUrl("cmd1"),
      trigger_id: "trigger1",
    });
    expect(ack.status).toBe(200);
    const acked = JSON.parse(ack.text);
    expect(acked).toMatchObject({ response_type: "ephemeral" });
    // Echoed as plain text, so the question's *, _ and ~ cannot break the formatting.
    expect(acked.blocks).toEqual([
      {
        type: "context",
        elements: [
          { type: "plain_text", text: "🔎 Searching the documents for: What is *GEP* _really_ ~about~?", emoji: true },
        ],
      },
    ]);

    const answer = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "cmd1"), 5000, "the slash answer");
    expect(answer.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(blocksText(answer.body.blocks)).toContain("[1] ASEAN–China Environmental Cooperation Strategy 2016–2020");
    expect(buttonIds(answer.body.blocks)).toEqual([ActionId.Feedback, ActionId.Share]);

    const answerId = buttonValue(answer.body.blocks, ActionId.Share);
    const click = await sendAction(h.eventsUrl, {
      type: "block_actions",
      user: { id: USER, username: "alice", team_id: TEAM_ID },
      team: { id: TEAM_ID, domain: "test" },
      api_app_id: "A0APP",
      channel: { id: CHANNEL, name: "general" },
      container: { type: "message", message_ts: "1700000000.000001", channel_id: CHANNEL, is_ephemeral: true },
      response_url: h.fake.responseUrl("share1"),
      trigger_id: "trigger2",
      actions: [
        { type: "button", action_id: ActionId.Share, block_id: "coopdocs_share", value: answerId, action_ts: "1" },
      ],
    });
    expect(click.status).toBe(200);
    const shared = await h.fake.waitFor(
      () => {
        const posts = h.fake.responses.filter((r) => r.id === "share1");
        return posts.length >= 2 ? posts : undefined;
      },
      5000,
      "share",
    );
    expect(shared[0]?.body).toMatchObject({ response_type: "in_channel" });
    expect(blocksText(shared[0]?.body.blocks)).toContain(`<@${USER}> asked: What is *GEP* _really_ ~about~?`);
    expect(buttonIds(shared[0]?.body.blocks)).toEqual([ActionId.Feedback]);
    expect(shared[1]?.body).toMatchObject({ delete_original: true });
  });

  it("treats 'help' as help on every surface, and 'draft:' calls the answerer's draft", async () => {
    harness = await startHarness();
    const h = harness;
    const fields = { command: "/coopdocs", user_id: USER, channel_id: CHANNEL, team_id: TEAM_ID, trigger_id: "t" };
    const help = await sendCommand(h.eventsUrl, { ...fields, text: "help", response_url: h.fake.responseUrl("help") });
    expect(markdownText(JSON.parse(help.text).blocks)).toContain("Ask me a question");
    const empty = await sendCommand(h.eventsUrl, { ...fields, text: "  ", response_url: h.fake.responseUrl("empty") });
    expect(markdownText(JSON.parse(empty.text).blocks)).toContain("Ask me a question");
    const { ts } = await mention(h, "help");
    expect(markdownText((await reply(h, ts)).blocks)).toContain("`draft:`");
    expect(h.answerer.calls).toEqual([]);

    await sendCommand(h.eventsUrl, {
      ...fields,
      text: "draft: marine pollution",
      response_url: h.fake.responseUrl("d"),
    });
    const draft = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "d"), 5000, "the draft");
    expect(h.answerer.calls).toEqual([expect.objectContaining({ kind: "draft", question: "marine pollution" })]);
    expect(markdownText(draft.body.blocks)).toContain("**Draft** to _marine pollution_");
  });

  it("says that drafting needs an LLM when the answerer cannot draft, and shows the quotes instead", async () => {
    const { FakeAnswerer } = await import("./harness.js");
    const plain = new FakeAnswerer();
    harness = await startHarness({ answerer: { ask: (q, o) => plain.ask(q, o) } });
    const h = harness;
    const { ts } = await mention(h, "draft: marine pollution");
    const message = await reply(h, ts);
    expect(plain.calls).toEqual([expect.objectContaining({ kind: "ask", question: "marine pollution" })]);
    expect(blocksText(message.blocks)).toContain("Drafting needs an LLM");
    expect(blocksText(message.blocks)).toContain("*Sources*");
  });

  it("logs 👍/👎 with the question, answer and citations: one vote per user per message, the last one counting", async () => {
    harness = await startHarness();
    const h = harness;
    const { ts } = await mention(h, "Which areas concern biodiversity?");
    const answer = await reply(h, ts);
    const up = buttonValue(answer.blocks, ActionId.Feedback, "positive");
    const down = buttonValue(answer.blocks, ActionId.Feedback, "negative");
    const click = (value: string, id: string, user = "U0BOB") =>
      sendAction(h.eventsUrl, {
        type: "block_actions",
        user: { id: user, team_id: TEAM_ID },
        team: { id: TEAM_ID },
        channel: { id: CHANNEL },
        container: { type: "message", message_ts: answer.ts, channel_id: CHANNEL, thread_ts: ts },
        message: { ts: answer.ts, text: answer.text, type: "message", blocks: answer.blocks },
        response_url: h.fake.responseUrl(id),
        actions: [
          {
            type: "feedback_buttons",
            action_id: ActionId.Feedback,
            block_id: "coopdocs_feedback",
            value,
            action_ts: "2",
          },
        ],
      });

    expect((await click(up, "fb1")).status).toBe(200);
    const thanks = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "fb1"), 5000, "thanks");
    expect(thanks.body).toMatchObject({ response_type: "ephemeral", text: "Thanks for your feedback!" });
    // The choice shows on the message itself.
    const shown = await h.fake.waitFor(() => h.fake.callsOf("chat.update")[0], 5000, "the vote shown");
    expect(shown.args).toMatchObject({ channel: CHANNEL, ts: answer.ts });
    expect(blocksText(shown.args.blocks)).toContain("Feedback: 👍 <@U0BOB>");

    await click(down, "fb2");
    // 👎 offers a short choice of reasons, privately.
    const reasons = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "fb2"), 5000, "reasons");
    expect(reasons.body.response_type).toBe("ephemeral");
    const reasonIds = buttonIds(reasons.body.blocks);
    expect(reasonIds.length).toBeGreaterThanOrEqual(3);
    await h.fake.waitFor(() => h.fake.callsOf("chat.update").length === 2, 5000, "the changed vote shown");
    expect(blocksText(h.fake.callsOf("chat.update")[1]?.args.blocks)).toContain("Feedback: 👎 <@U0BOB>");

    // The same vote twice is not logged again; back to 👍 is, replacing the 👎.
    await click(down, "fb3");
    await click(up, "fb4");
    await h.fake.waitFor(() => h.fake.callsOf("chat.update").length === 4, 5000, "four updates");
    expect(blocksText(h.fake.callsOf("chat.update")[3]?.args.blocks)).toContain("Feedback: 👍 <@U0BOB>");

    // A reason picked after the 👎.
    const incomplete = buttonValue(reasons.body.blocks, `${ActionId.FeedbackReason}_incomplete`);
    await sendAction(h.eventsUrl, {
      type: "block_actions",
      user: { id: "U0BOB", team_id: TEAM_ID },
      team: { id: TEAM_ID },
      channel: { id: CHANNEL },
      container: { type: "message", message_ts: "9.9", channel_id: CHANNEL, is_ephemeral: true },
      response_url: h.fake.responseUrl("why"),
      actions: [
        {
          type: "button",
          action_id: `${ActionId.FeedbackReason}_incomplete`,
          block_id: "coopdocs_feedback_reasons",
          value: incomplete,
          action_ts: "3",
        },
      ],
    });
    const noted = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "why"), 5000, "reason noted");
    expect(noted.body).toMatchObject({ replace_original: true, text: "Thanks, noted: Incomplete." });

    const lines = (await readFile(path.join(h.dataDir, "feedback.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.rating, l.replaces ?? null, l.reason ?? null])).toEqual([
      ["up", null, null],
      ["down", "up", null],
      ["up", "down", null],
      ["down", null, "incomplete"],
    ]);
    expect(lines[0]).toMatchObject({
      user: "U0BOB",
      channel: CHANNEL,
      messageTs: answer.ts,
      surface: "mention",
      question: "Which areas concern biodiversity?",
      answer: answerFor("Which areas concern biodiversity?").answer,
    });
    expect(lines[0].citations.map((c: { n: number }) => c.n)).toEqual([1, 2]);
    expect(lines[3]).toMatchObject({ messageTs: answer.ts, question: "Which areas concern biodiversity?" });
  });

  it("shows a vote on a posted answer by editing only the line under its buttons", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.startStream", { status: 200, body: { ok: false, error: "unknown_method" } });
    const { ts } = await mention(h, "Posted?");
    const posted = structuredClone(await reply(h, ts));
    await sendAction(h.eventsUrl, {
      type: "block_actions",
      user: { id: "U0DAN", team_id: TEAM_ID },
      team: { id: TEAM_ID },
      channel: { id: CHANNEL },
      container: { type: "message", message_ts: posted.ts, channel_id: CHANNEL, thread_ts: ts },
      message: { ts: posted.ts, text: posted.text, type: "message", blocks: posted.blocks },
      response_url: h.fake.responseUrl("v1"),
      actions: [
        {
          type: "feedback_buttons",
          action_id: ActionId.Feedback,
          block_id: "coopdocs_feedback",
          value: buttonValue(posted.blocks, ActionId.Feedback, "negative"),
          action_ts: "1",
        },
      ],
    });
    const update = await h.fake.waitFor(() => h.fake.callsOf("chat.update")[0], 5000, "the vote shown");
    const blocks = update.args.blocks as { type: string; block_id?: string }[];
    expect(blocks.map((b) => b.block_id ?? b.type)).toEqual([
      "markdown",
      ...(posted.blocks as { type: string; block_id?: string }[]).slice(1).map((b) => b.block_id ?? b.type),
      "coopdocs_votes",
    ]);
    expect(markdownText(update.args.blocks)).toBe(markdownText(posted.blocks));
    expect(blocksText(update.args.blocks)).toContain("Feedback: 👎 <@U0DAN>");
  });

  it("posts the answer where streaming is unavailable", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.startStream", { status: 200, body: { ok: false, error: "unknown_method" } });
    const { ts } = await mention(h, "No streaming?");
    const post = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the posted answer");
    expect(post.args.thread_ts).toBe(ts);
    expect(markdownText(post.args.blocks)).toBe(answerFor("No streaming?").answer);
    expect(buttonIds(post.args.blocks)).toEqual([ActionId.Feedback]);
    expect(post.args.metadata).toMatchObject({ event_type: "coopdocs_answer" });
    expect(h.fake.callsOf("chat.stopStream")).toHaveLength(0);
  });

  it("replaces an expired stream (message_not_in_streaming_state) with chat.update", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.stopStream", { status: 200, body: { ok: false, error: "message_not_in_streaming_state" } });
    const { ts } = await mention(h, "Expired stream?");
    const update = await h.fake.waitFor(() => h.fake.callsOf("chat.update")[0], 5000, "the update");
    const started = h.fake.messages.find((m) => m.thread_ts === ts && m.bot_id === BOT_ID);
    expect(update.args.ts).toBe(started?.ts);
    expect(markdownText(update.args.blocks)).toBe(answerFor("Expired stream?").answer);
    expect(buttonIds(update.args.blocks)).toEqual([ActionId.Feedback]);
    expect(answerPosts(h)).toHaveLength(0);
    expect(repliesIn(h, ts)).toHaveLength(1);
  });

  it("streams LLM tokens with mentions neutralised, and ends with sources and feedback", async () => {
    harness = await startHarness({ streamBufferSize: 16 });
    const h = harness;
    h.answerer.behaviour = async (question, options) => {
      const final = {
        ...answerFor(question),
        answer: `${answerFor(question).answer} Ping <!channel>.`,
        mode: "llm" as const,
      };
      for (const token of final.answer.match(/.{1,7}/gs) ?? []) options.onToken?.(token);
      return final;
    };
    const { ts } = await mention(h, "Stream it?");
    const stop = await h.fake.waitFor(() => h.fake.callsOf("chat.stopStream")[0], 5000, "the end of the stream");
    expect(h.fake.callsOf("chat.appendStream").length).toBeGreaterThan(0);
    expect(buttonIds(stop.args.blocks)).toEqual([ActionId.Feedback]);
    const streamed = (await reply(h, ts)).text;
    expect(streamed).not.toMatch(/<[!@#]/);
    expect(streamed.replace(/\u200b/g, "")).toBe(`${answerFor("Stream it?").answer} Ping <!channel>.`);
    expect(h.fake.callsOf("chat.update")).toHaveLength(0);
  });

  it("replaces the streamed text when the final answer differs (LLM fell back, or a table became a list)", async () => {
    harness = await startHarness({ streamBufferSize: 8 });
    const h = harness;
    h.answerer.behaviour = async (question, options) => {
      for (const token of ["| A | B |\n", "|---|---|\n", "| x | y |"]) options.onToken?.(token);
      return { ...answerFor(question), answer: "| A | B |\n|---|---|\n| x | y |", mode: "llm" as const };
    };
    const { ts } = await mention(h, "Table?");
    const update = await h.fake.waitFor(() => h.fake.callsOf("chat.update")[0], 5000, "the replacement");
    expect(markdownText(update.args.blocks)).toBe("- **x**: B: y");
    expect(repliesIn(h, ts)).toHaveLength(1);
    expect(answerPosts(h)).toHaveLength(0);
  });

  it("says in one line when the thread's earlier turns could not be read", async () => {
    harness = await startHarness();
    const h = harness;
    const first = await mention(h, "First?");
    await reply(h, first.ts);
    h.fake.failNext("conversations.replies", { status: 200, body: { ok: false, error: "not_in_channel" } });
    await mention(h, "and which of those?", { threadTs: first.ts });
    const second = await reply(h, first.ts, 1);
    expect(blocksText(second.blocks)).toContain("I could not read this thread's earlier messages");
    expect(h.answerer.calls[1]?.options.history).toEqual([]);
  });

  it("tells the limit for a question that is too long, instead of 'try again'", async () => {
    harness = await startHarness();
    const h = harness;
    const { CoopdocsError, ErrorCode } = await import("../../src/core/coopdocs-error.js");
    h.answerer.behaviour = async () => {
      throw new CoopdocsError(
        ErrorCode.QuestionInvalid,
        "The question is 2400 characters long; the limit is 2000.",
        "Ask one shorter question at a time.",
      );
    };
    const { ts } = await mention(h, "x".repeat(2400));
    const message = await reply(h, ts);
    expect(markdownText(message.blocks)).toBe(
      "The question is 2400 characters long; the limit is 2000. Ask one shorter question at a time.",
    );
    expect(message.text).not.toContain("Sorry");
  });

  it("apologises when the Web API rejects the answer, and clears the status when nothing could be posted", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.startStream", { status: 200, body: { ok: false, error: "not_allowed" } });
    h.fake.failNext("chat.postMessage", { status: 200, body: { ok: false, error: "invalid_blocks" } });
    const { ts } = await mention(h, "Anything?");
    const apology = await reply(h, ts);
    expect(String(apology.text)).toContain("Sorry, something went wrong");
    expect(h.logs.some((l) => l.level === "error" && l.message.includes("answering failed"))).toBe(true);
    const cleared = await h.fake.waitFor(
      () => h.fake.callsOf("assistant.threads.setStatus")[1],
      5000,
      "the status cleared",
    );
    expect(cleared.args).toMatchObject({ channel_id: CHANNEL, thread_ts: ts, status: "" });
  });

  it("clears the status when even the apology cannot be posted", async () => {
    harness = await startHarness({ retryConfig: { retries: 0 } });
    const h = harness;
    h.answerer.behaviour = async () => {
      throw new Error("index exploded");
    };
    h.fake.failNext("chat.postMessage", { status: 200, body: { ok: false, error: "channel_not_found" } });
    const { ts } = await mention(h, "Anything?");
    const cleared = await h.fake.waitFor(
      () => h.fake.callsOf("assistant.threads.setStatus")[1],
      5000,
      "the status cleared",
    );
    expect(cleared.args).toMatchObject({ thread_ts: ts, status: "" });
    expect(repliesIn(h, ts)).toHaveLength(0);
  });

  it("apologises when the answerer fails, without its internals", async () => {
    harness = await startHarness();
    const h = harness;
    h.answerer.behaviour = async () => {
      throw new Error("index exploded");
    };
    const { ts } = await mention(h, "Anything?");
    const apology = await reply(h, ts);
    expect(String(apology.text)).toContain("Sorry");
    expect(String(apology.text)).not.toContain("index exploded");
  });

  it("honours 429 Retry-After and delivers the answer once", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.startStream", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const started = Date.now();
    const { ts } = await mention(h, "Rate limited?");
    await h.fake.waitFor(() => h.fake.callsOf("chat.stopStream")[0], 5000, "the retried stream");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.callsOf("chat.startStream")).toHaveLength(2);
    expect(repliesIn(h, ts)).toHaveLength(1);
    expect(blocksText(repliesIn(h, ts)[0]?.blocks)).toContain("*Sources*");
  });

  it("keeps to the allow-list: elsewhere it says so privately and does not answer", async () => {
    harness = await startHarness({ allowedChannels: ["C0ALLOWED"] });
    const h = harness;
    await mention(h, "Here?", { channel: "C0OTHER" });
    const notice = await h.fake.waitFor(() => h.fake.callsOf("chat.postEphemeral")[0], 5000, "the notice");
    expect(notice.args).toMatchObject({ channel: "C0OTHER", user: USER });
    const { ts } = await mention(h, "And here?", { channel: "C0ALLOWED" });
    await reply(h, ts);
    expect(h.answerer.calls.map((c) => c.question)).toEqual(["And here?"]);
  });

  it("verifies the token at start and reports a rejected one clearly", async () => {
    harness = await startHarness();
    expect(harness.fake.callsOf("auth.test")).toHaveLength(1);
    const { createSlackBot } = await import("../../src/slack/index.js");
    const bad = createSlackBot({
      slack: fakeSlackConfig(harness.fake.apiUrl, { botToken: "xoxb-wrong", signingSecret: "s" }),
      dataDir: harness.dataDir,
      answerer: harness.answerer,
      retryConfig: { retries: 0 },
    });
    await expect(bad.start()).rejects.toThrow(/did not accept the bot token \(invalid_auth\)/);
    await bad.stop();
  });

  it("in Socket Mode, opens the connection with the app token through SLACK_API_URL and explains a refusal", async () => {
    const { FakeSlack } = await import("./fake-slack.js");
    const { FakeAnswerer } = await import("./harness.js");
    const { createSlackBot } = await import("../../src/slack/index.js");
    const fake = await FakeSlack.start();
    try {
      fake.script("apps.connections.open", () => ({ status: 200, body: { ok: false, error: "invalid_auth" } }));
      const bot = createSlackBot({
        slack: fakeSlackConfig(fake.apiUrl, {
          appToken: "xapp-1-A0APP-1-abcdef",
          signingSecret: undefined,
          mode: "socket",
        }),
        dataDir: "/tmp",
        answerer: new FakeAnswerer(),
        retryConfig: { retries: 0 },
      });
      await expect(bot.start()).rejects.toThrow(/Socket Mode \(invalid_auth\)/);
      await bot.stop();
      const open = fake.callsOf("apps.connections.open");
      expect(open).toHaveLength(1);
      expect(open[0]?.authorization).toBe("Bearer xapp-1-A0APP-1-abcdef");
    } finally {
      await fake.stop();
    }
  });

  it("refuses to build without the settings its mode needs", async () => {
    const { createSlackBot } = await import("../../src/slack/index.js");
    const { FakeAnswerer } = await import("./harness.js");
    expect(() =>
      createSlackBot({
        slack: { botToken: "xoxb-1", mode: "http", port: 0, allowedChannels: [] },
        dataDir: "/tmp",
        answerer: new FakeAnswerer(),
      }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() =>
      createSlackBot({
        slack: { botToken: "xoxb-1", mode: "socket", port: 0, allowedChannels: [] },
        dataDir: "/tmp",
        answerer: new FakeAnswerer(),
      }),
    ).toThrow(/SLACK_APP_TOKEN/);
  });

  it("answers Slack's URL verification challenge (HTTP mode setup)", async () => {
    harness = await startHarness();
    const body = JSON.stringify({ token: "t", challenge: "challenge-123", type: "url_verification" });
    const response = await postSigned(harness.eventsUrl, body, "application/json");
    expect(response.status).toBe(200);
    expect(response.text).toContain("challenge-123");
  });

  it("lets an answer in progress finish when stopped", async () => {
    harness = await startHarness();
    const h = harness;
    h.answerer.behaviour = async (question) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return answerFor(question);
    };
    const { ts } = await mention(h, "Finish before stopping?");
    await h.fake.waitFor(() => h.answerer.calls.length === 1, 5000, "the question");
    await h.bot.stop();
    expect(repliesIn(h, ts)).toHaveLength(1);
    expect(blocksText(repliesIn(h, ts)[0]?.blocks)).toContain("*Sources*");
  });

  it("serves a health check without a signature", async () => {
    harness = await startHarness();
    const response = await fetch(`${harness.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});
