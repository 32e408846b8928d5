import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/types.js";
import { ActionId } from "../../src/slack/index.js";
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, TEAM_ID, sendAction, sendCommand, sendEvent, postSigned, eventEnvelope } from "./fake-slack.js";
import { answerFor, blocksText, buttonIds, buttonValue, startHarness, type Harness } from "./harness.js";

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

describe("Slack bot over HTTP (real Bolt, fake Slack Web API)", () => {
  it("answers a channel mention in its thread with the answer, numbered sources and feedback buttons", async () => {
    harness = await startHarness();
    const h = harness;
    const { ts, response } = await mention(h, "What are the 2016–2020 priority areas?");
    expect(response.status).toBe(200);

    const post = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the answer");
    expect(post.args.channel).toBe(CHANNEL);
    expect(post.args.thread_ts).toBe(ts);
    expect(h.answerer.calls).toHaveLength(1);
    expect(h.answerer.calls[0]?.question).toBe("What are the 2016–2020 priority areas?");

    const text = blocksText(post.args.blocks);
    // Markdown converted to mrkdwn: **bold** → *bold*, _italic_ kept.
    expect(text).toContain("*Answer* to _What are the 2016–2020 priority areas?_");
    expect(text).toContain("*Sources*");
    expect(text).toContain("*[1]* ASEAN–China Environmental Cooperation Strategy 2016–2020 — 3. Priority Areas · p. 7");
    expect(text).toContain("*[2]* About CAEC — Mandate");
    // The quote's & and <!channel> are escaped, never a live mention.
    expect(text).toContain("Policy dialogue &amp; exchange &lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(buttonIds(post.args.blocks)).toEqual([ActionId.FeedbackUp, ActionId.FeedbackDown]);
    // The status shows while answering, in the same thread.
    const status = h.fake.callsOf("assistant.threads.setStatus")[0];
    expect(status?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: ts, status: "is searching the documents…" });
  });

  it("acknowledges the event before the answer is ready (Slack's 3-second rule)", async () => {
    harness = await startHarness();
    const h = harness;
    let release: (answer: Answer) => void = () => undefined;
    h.answerer.behaviour = () => new Promise<Answer>((resolve) => (release = resolve));
    const started = Date.now();
    const { response } = await mention(h, "Slow question?");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await h.fake.waitFor(() => h.answerer.calls.length === 1, 5000, "the answerer to be called");
    expect(answerPosts(h)).toHaveLength(0);
    release(answerFor("Slow question?"));
    await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the late answer");
  });

  it("rejects a forged signature with 401 and a stale timestamp too, answering nothing", async () => {
    harness = await startHarness();
    const h = harness;
    const event = { type: "app_mention", user: USER, text: `<@${BOT_USER_ID}> hi`, ts: h.fake.nextTs(), channel: CHANNEL };
    const forged = await sendEvent(h.eventsUrl, event, { signature: `v0=${"0".repeat(64)}` });
    expect(forged.status).toBe(401);
    const wrongSecret = await sendEvent(h.eventsUrl, event, { secret: "not-the-secret" });
    expect(wrongSecret.status).toBe(401);
    const stale = await sendEvent(h.eventsUrl, event, { timestamp: Math.floor(Date.now() / 1000) - 60 * 10 });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.answerer.calls).toHaveLength(0);
    expect(answerPosts(h)).toHaveLength(0);
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
    await sendEvent(h.eventsUrl, { type: "message", channel_type: "im", user: USER, text: dmText, ts: dmTs, channel: DM });
    await sendEvent(h.eventsUrl, { type: "app_mention", user: USER, text: dmText, ts: dmTs, channel: DM });

    await h.fake.waitFor(() => answerPosts(h).length >= 2, 5000, "two answers");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.answerer.calls.map((c) => c.question)).toEqual(["Which areas?", "And in a DM?"]);
    expect(answerPosts(h)).toHaveLength(2);
  });

  it("answers a direct message in a thread of that message, without needing a mention", async () => {
    harness = await startHarness();
    const h = harness;
    const ts = h.fake.nextTs();
    await sendEvent(h.eventsUrl, { type: "message", channel_type: "im", user: USER, text: "List the priority areas", ts, channel: DM });
    const post = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the DM answer");
    expect(post.args).toMatchObject({ channel: DM, thread_ts: ts });
    expect(h.answerer.calls[0]?.question).toBe("List the priority areas");
    expect(h.answerer.calls[0]?.options.history).toEqual([]);
  });

  it("uses the thread's earlier turns for a follow-up question", async () => {
    harness = await startHarness();
    const h = harness;
    const first = await mention(h, "What are the 2016–2020 priority areas?");
    const firstPost = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the first answer");
    await mention(h, "and which of those concern biodiversity?", { threadTs: first.ts });
    await h.fake.waitFor(() => answerPosts(h)[1], 5000, "the follow-up answer");

    const followUp = h.answerer.calls[1];
    expect(followUp?.question).toBe("and which of those concern biodiversity?");
    expect(followUp?.options.history).toEqual([
      { role: "user", text: "What are the 2016–2020 priority areas?" },
      { role: "assistant", text: firstPost.args.text },
    ]);
    expect(String(firstPost.args.text)).toContain("priority areas");
    expect(answerPosts(h)[1]?.args.thread_ts).toBe(first.ts);
  });

  it("ignores its own messages and other bots' messages, and message edits", async () => {
    harness = await startHarness();
    const h = harness;
    const base = { type: "message", channel_type: "im", channel: DM };
    await sendEvent(h.eventsUrl, { ...base, bot_id: BOT_ID, user: BOT_USER_ID, text: "my own answer", ts: h.fake.nextTs() });
    await sendEvent(h.eventsUrl, { ...base, bot_id: "B0OTHER", text: "another bot", ts: h.fake.nextTs() });
    await sendEvent(h.eventsUrl, { ...base, subtype: "message_changed", text: "edit", ts: h.fake.nextTs() });
    await sendEvent(h.eventsUrl, { type: "app_mention", bot_id: "B0OTHER", user: "U0OTHERBOT", text: `<@${BOT_USER_ID}> hi`, ts: h.fake.nextTs(), channel: CHANNEL });
    // A real question afterwards is answered: the bot is alive, it just ignored the others.
    await sendEvent(h.eventsUrl, { ...base, user: USER, text: "A real question", ts: h.fake.nextTs() });
    await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the real answer");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.answerer.calls.map((c) => c.question)).toEqual(["A real question"]);
  });

  it("runs the Assistant panel: greeting, suggested prompts, status, title, threaded answer", async () => {
    harness = await startHarness();
    const h = harness;
    const threadTs = h.fake.nextTs();
    const assistantThread = { user_id: USER, context: {}, channel_id: DM, thread_ts: threadTs };
    await sendEvent(h.eventsUrl, { type: "assistant_thread_started", assistant_thread: assistantThread, event_ts: threadTs });

    const prompts = await h.fake.waitFor(() => h.fake.callsOf("assistant.threads.setSuggestedPrompts")[0], 5000, "prompts");
    expect(prompts.args).toMatchObject({ channel_id: DM, thread_ts: threadTs });
    const promptMessages = (prompts.args.prompts as { message: string }[]).map((p) => p.message);
    expect(promptMessages).toContain("What are the 2016–2020 priority areas?");
    const greeting = answerPosts(h)[0];
    expect(greeting?.args).toMatchObject({ channel: DM, thread_ts: threadTs });

    const ts = h.fake.nextTs();
    h.fake.addUserMessage({ channel: DM, ts, thread_ts: threadTs, user: USER, text: "What are the 2016–2020 priority areas?" });
    await sendEvent(h.eventsUrl, {
      type: "message",
      channel_type: "im",
      user: USER,
      text: "What are the 2016–2020 priority areas?",
      ts,
      thread_ts: threadTs,
      channel: DM,
    });
    const answer = await h.fake.waitFor(() => answerPosts(h)[1], 5000, "the assistant answer");
    expect(answer.args.thread_ts).toBe(threadTs);
    expect(blocksText(answer.args.blocks)).toContain("*Sources*");
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

  it("answers /coopdocs privately with a share button; sharing posts it in the channel and removes the private copy", async () => {
    harness = await startHarness();
    const h = harness;
    const ack = await sendCommand(h.eventsUrl, {
      command: "/coopdocs",
      text: "What are the 2016–2020 priority areas?",
      user_id: USER,
      channel_id: CHANNEL,
      team_id: TEAM_ID,
      response_url: h.fake.responseUrl("cmd1"),
      trigger_id: "trigger1",
    });
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.parse(ack.text).text).toContain("Searching the documents");

    const reply = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "cmd1"), 5000, "the slash answer");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(blocksText(reply.body.blocks)).toContain("*[1]* ASEAN–China Environmental Cooperation Strategy");
    expect(buttonIds(reply.body.blocks)).toEqual([ActionId.FeedbackUp, ActionId.FeedbackDown, ActionId.Share]);

    const answerId = buttonValue(reply.body.blocks, ActionId.Share);
    const click = await sendAction(h.eventsUrl, {
      type: "block_actions",
      user: { id: USER, username: "alice", team_id: TEAM_ID },
      team: { id: TEAM_ID, domain: "test" },
      api_app_id: "A0APP",
      channel: { id: CHANNEL, name: "general" },
      container: { type: "message", message_ts: "1700000000.000001", channel_id: CHANNEL, is_ephemeral: true },
      response_url: h.fake.responseUrl("share1"),
      trigger_id: "trigger2",
      actions: [{ type: "button", action_id: ActionId.Share, block_id: "coopdocs_answer_actions", value: answerId, action_ts: "1" }],
    });
    expect(click.status).toBe(200);
    const shared = await h.fake.waitFor(() => {
      const posts = h.fake.responses.filter((r) => r.id === "share1");
      return posts.length >= 2 ? posts : undefined;
    }, 5000, "share");
    expect(shared[0]?.body).toMatchObject({ response_type: "in_channel" });
    expect(blocksText(shared[0]?.body.blocks)).toContain(`<@${USER}> asked: What are the 2016–2020 priority areas?`);
    expect(buttonIds(shared[0]?.body.blocks)).toEqual([ActionId.FeedbackUp, ActionId.FeedbackDown]);
    expect(shared[1]?.body).toMatchObject({ delete_original: true });
  });

  it("answers /coopdocs with no text with help, and 'draft:' calls the answerer's draft", async () => {
    harness = await startHarness();
    const h = harness;
    const fields = { command: "/coopdocs", user_id: USER, channel_id: CHANNEL, team_id: TEAM_ID, trigger_id: "t" };
    const help = await sendCommand(h.eventsUrl, { ...fields, text: "  ", response_url: h.fake.responseUrl("help") });
    expect(JSON.parse(help.text).text).toContain("Ask me a question");
    await sendCommand(h.eventsUrl, { ...fields, text: "draft: marine pollution", response_url: h.fake.responseUrl("d") });
    const reply = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "d"), 5000, "the draft");
    expect(h.answerer.calls).toEqual([expect.objectContaining({ kind: "draft", question: "marine pollution" })]);
    expect(blocksText(reply.body.blocks)).toContain("*Draft* to _marine pollution_");
  });

  it("logs 👍/👎 feedback with the question, answer and citations to data/feedback.jsonl", async () => {
    harness = await startHarness();
    const h = harness;
    const { ts } = await mention(h, "Which areas concern biodiversity?");
    const post = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the answer");
    const answerId = buttonValue(post.args.blocks, ActionId.FeedbackDown);
    const click = await sendAction(h.eventsUrl, {
      type: "block_actions",
      user: { id: "U0BOB", team_id: TEAM_ID },
      team: { id: TEAM_ID },
      channel: { id: CHANNEL },
      container: { type: "message", message_ts: "1.1", channel_id: CHANNEL, thread_ts: ts },
      message: { ts: "1.1", text: post.args.text, type: "message" },
      response_url: h.fake.responseUrl("fb1"),
      actions: [{ type: "button", action_id: ActionId.FeedbackDown, block_id: "coopdocs_answer_actions", value: answerId, action_ts: "2" }],
    });
    expect(click.status).toBe(200);
    const thanks = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "fb1"), 5000, "thanks");
    expect(thanks.body).toMatchObject({ response_type: "ephemeral", text: "Thanks for your feedback!" });

    const lines = (await readFile(path.join(h.dataDir, "feedback.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({
      rating: "down",
      user: "U0BOB",
      channel: CHANNEL,
      surface: "mention",
      question: "Which areas concern biodiversity?",
      answer: answerFor("Which areas concern biodiversity?").answer,
    });
    expect(entry.citations.map((c: { n: number }) => c.n)).toEqual([1, 2]);
  });

  it("apologises when the Web API rejects the answer, and logs the error", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.postMessage", { status: 200, body: { ok: false, error: "invalid_blocks" } });
    await mention(h, "Anything?");
    const apology = await h.fake.waitFor(() => answerPosts(h)[1], 5000, "the apology");
    expect(String(apology.args.text)).toContain("Sorry, something went wrong");
    expect(apology.args.thread_ts).toBe(answerPosts(h)[0]?.args.thread_ts);
    expect(h.logs.some((l) => l.level === "error" && l.message.includes("answering failed"))).toBe(true);
  });

  it("apologises when the answerer fails", async () => {
    harness = await startHarness();
    const h = harness;
    h.answerer.behaviour = async () => {
      throw new Error("index exploded");
    };
    await mention(h, "Anything?");
    const apology = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the apology");
    expect(String(apology.args.text)).toContain("Sorry");
    expect(String(apology.args.text)).not.toContain("index exploded");
  });

  it("honours 429 Retry-After and posts the answer once", async () => {
    harness = await startHarness();
    const h = harness;
    h.fake.failNext("chat.postMessage", { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } });
    const started = Date.now();
    await mention(h, "Rate limited?");
    await h.fake.waitFor(() => answerPosts(h)[1], 5000, "the retried post");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answerPosts(h)).toHaveLength(2);
    expect(blocksText(answerPosts(h)[1]?.args.blocks)).toContain("*Sources*");
  });

  it("keeps to the allow-list: elsewhere it says so privately and does not answer", async () => {
    harness = await startHarness({ allowedChannels: ["C0ALLOWED"] });
    const h = harness;
    await mention(h, "Here?", { channel: "C0OTHER" });
    const notice = await h.fake.waitFor(() => h.fake.callsOf("chat.postEphemeral")[0], 5000, "the notice");
    expect(notice.args).toMatchObject({ channel: "C0OTHER", user: USER });
    await mention(h, "And here?", { channel: "C0ALLOWED" });
    await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the allowed answer");
    expect(h.answerer.calls.map((c) => c.question)).toEqual(["And here?"]);
  });

  it("streams LLM tokens with chatStream and ends the stream with sources and feedback buttons", async () => {
    harness = await startHarness({ streamBufferSize: 16 });
    const h = harness;
    h.answerer.behaviour = async (question, options) => {
      const final = { ...answerFor(question), mode: "llm" as const };
      for (const token of final.answer.match(/.{1,7}/g) ?? []) options.onToken?.(token);
      return final;
    };
    const { ts } = await mention(h, "Stream it?");
    const stop = await h.fake.waitFor(() => h.fake.callsOf("chat.stopStream")[0], 5000, "the end of the stream");
    const start = h.fake.callsOf("chat.startStream")[0];
    expect(start?.args).toMatchObject({ channel: CHANNEL, thread_ts: ts, recipient_user_id: USER, recipient_team_id: TEAM_ID });
    expect(h.fake.callsOf("chat.appendStream").length).toBeGreaterThan(0);
    expect(blocksText(stop.args.blocks)).toContain("*[1]*");
    expect(buttonIds(stop.args.blocks)).toEqual([ActionId.FeedbackUp, ActionId.FeedbackDown]);
    const streamed = h.fake.messages.find((m) => m.ts === h.fake.messages.find((x) => x.channel === CHANNEL && x.bot_id)?.ts);
    expect(streamed?.text).toBe(answerFor("Stream it?").answer);
    expect(answerPosts(h)).toHaveLength(0);
  });

  it("falls back to one final message when streaming is unavailable", async () => {
    harness = await startHarness({ streamBufferSize: 8 });
    const h = harness;
    h.fake.failNext("chat.startStream", { status: 200, body: { ok: false, error: "unknown_method" } });
    h.answerer.behaviour = async (question, options) => {
      const final = { ...answerFor(question), mode: "llm" as const };
      for (const token of final.answer.match(/.{1,5}/g) ?? []) options.onToken?.(token);
      return final;
    };
    await mention(h, "No streaming?");
    const post = await h.fake.waitFor(() => answerPosts(h)[0], 5000, "the final message");
    expect(blocksText(post.args.blocks)).toContain("*Sources*");
    expect(buttonIds(post.args.blocks)).toContain(ActionId.FeedbackUp);
    expect(h.fake.callsOf("chat.appendStream")).toHaveLength(0);
  });

  it("verifies the token at start and reports a rejected one clearly", async () => {
    harness = await startHarness();
    expect(harness.fake.callsOf("auth.test")).toHaveLength(1);
    const { createSlackBot } = await import("../../src/slack/index.js");
    const bad = createSlackBot({
      slack: { botToken: "xoxb-wrong", signingSecret: "s", mode: "http", port: 0, apiUrl: harness.fake.apiUrl, allowedChannels: [] },
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
        slack: { botToken: BOT_TOKEN, appToken: "xapp-1-A0APP-1-abcdef", mode: "socket", port: 0, apiUrl: fake.apiUrl, allowedChannels: [] },
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
    await mention(h, "Finish before stopping?");
    await h.fake.waitFor(() => h.answerer.calls.length === 1, 5000, "the question");
    await h.bot.stop();
    expect(answerPosts(h)).toHaveLength(1);
    expect(blocksText(answerPosts(h)[0]?.args.blocks)).toContain("*Sources*");
  });

  it("serves a health check without a signature", async () => {
    harness = await startHarness();
    const response = await fetch(`${harness.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});
