/**
 * Load on the real Bolt app in HTTP mode (tests/slack harness, fake Slack Web API on 127.0.0.1): 200 signed
 * events at concurrency 20, with Web API 429s and 500s sprinkled in, and Slack's retries of some events.
 * Correctness only (acknowledged before answering, each answered exactly once, memory stable); latency
 * figures belong to `npm run bench`.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/types.js";
import { BOT_ID, BOT_USER_ID, eventEnvelope, postSigned } from "../slack/fake-slack.js";
import { answerFor, blocksText, startHarness, type Harness } from "../slack/harness.js";
import { unsafeAngles } from "./real-index.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A garbage collector to call between phases, so heap figures compare live data rather than litter. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => {
    gc();
    gc();
  };
}

interface Sent {
  channel: string;
  ts: string;
  body: string;
  status: number;
  ackMs: number;
}

/** Sends `count` signed app_mention events with at most `concurrency` in flight; resolves when all are acked. */
async function sendMentions(h: Harness, prefix: string, count: number, concurrency: number): Promise<Sent[]> {
  const sent: Sent[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const channel = `C0LOAD${i % 7}`;
      const ts = h.fake.nextTs();
      const event = {
        type: "app_mention",
        user: `U0USER${i % 13}`,
        text: `<@${BOT_USER_ID}> ${prefix} question ${i}?`,
        ts,
        channel,
        event_ts: ts,
      };
      const body = eventEnvelope(event, `Ev${prefix}${i}`);
      const started = Date.now();
      const response = await postSigned(h.eventsUrl, body, "application/json");
      sent.push({ channel, ts, body, status: response.status, ackMs: Date.now() - started });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent;
}

/** Answers (bot messages that reached the fake Slack) per thread. */
function answersPerThread(h: Harness): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of h.fake.messages) {
    if (m.bot_id !== BOT_ID || !m.thread_ts) continue;
    const key = `${m.channel}:${m.thread_ts}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe("load: 200 signed events at concurrency 20 (HTTP mode)", () => {
  it("acknowledges every event before any answer, answers each exactly once despite 429/500/retries, memory stable", async () => {
    harness = await startHarness({ answerTimeoutMs: 60_000, shutdownGraceMs: 5_000 });
    const h = harness;
    const gc = collector();

    // Answers wait at a gate, so acknowledgements provably come first.
    let open = false;
    let release: () => void = () => undefined;
    let gate = new Promise<void>((resolve) => (release = resolve));
    h.answerer.behaviour = async (question): Promise<Answer> => {
      if (!open) await gate;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10)));
      return answerFor(question);
    };

    // Warm-up round (gate open), then the heap baseline.
    open = true;
    const warm = await sendMentions(h, "warm", 40, 20);
    expect(warm.every((s) => s.status === 200)).toBe(true);
    await h.fake.waitFor(() => answersPerThread(h).size >= 40, 20_000, "the warm-up answers");
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    // Faults on the answers (each streamed): every 10th thread's first chat.startStream gets a 500, every 25th
    // a 429 (Retry-After 1).
    const failed = new Set<string>();
    for (let i = 0; i < 600; i++) {
      h.fake.script("chat.startStream", (args) => {
        const thread = String(args.thread_ts ?? "");
        const n = Number(thread.split(".")[1] ?? "0");
        if (failed.has(thread)) return undefined;
        if (n % 25 === 0) {
          failed.add(thread);
          return { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } };
        }
        if (n % 10 === 0) {
          failed.add(thread);
          return { status: 500, body: "upstream exploded" };
        }
        return undefined;
      });
    }

    open = false;
    gate = new Promise<void>((resolve) => (release = resolve));
    const postsBefore = h.fake.messages.length;
    const sent = await sendMentions(h, "load", 200, 20);

    // Every event acknowledged with 200 within Slack's 3 seconds, while no answer has been posted yet.
    expect(sent).toHaveLength(200);
    expect(sent.filter((s) => s.status !== 200)).toEqual([]);
    expect(Math.max(...sent.map((s) => s.ackMs))).toBeLessThan(3000);
    expect(h.fake.messages.length).toBe(postsBefore);

    // Slack retries 20 of them (same event id, x-slack-retry-num): acknowledged, not answered again.
    for (const s of sent.slice(0, 20)) {
      const retry = await postSigned(h.eventsUrl, s.body, "application/json", {
        retryNum: 1,
        retryReason: "http_timeout",
      });
      expect(retry.status).toBe(200);
    }

    release();
    await h.fake.waitFor(() => answersPerThread(h).size >= 240, 30_000, "all 200 answers");
    await new Promise((resolve) => setTimeout(resolve, 300));

    const counts = answersPerThread(h);
    for (const s of sent) expect(counts.get(`${s.channel}:${s.ts}`), `${s.channel}:${s.ts}`).toBe(1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(h.answerer.calls).toHaveLength(240);
    expect(failed.size).toBeGreaterThan(0);
    // The faults were really hit, and no answer turned into an apology.
    expect(h.fake.callsOf("chat.startStream").length).toBeGreaterThan(240);
    for (const m of h.fake.messages.filter((x) => x.bot_id === BOT_ID)) {
      expect(m.text).not.toContain("Sorry");
      expect(unsafeAngles(blocksText(m.blocks))).toEqual([]);
    }

    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const growthMb = (heapAfter - heapBefore) / 2 ** 20;
    // 200 answers kept for their buttons plus the fake's records are a few MB; a leak per event would be more.
    expect(growthMb).toBeLessThan(40);
  });
});
