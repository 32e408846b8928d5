import { createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { QuestionAnswerer } from "../core/types.js";
import { createSlackBot } from "../slack/index.js";
import { summarize, type LatencySummary } from "./stats.js";

const signingSecret = "bench-signing-secret";
const botToken = "xoxb-bench-0000-token";
const botUserId = "U0BENCHBOT";

/** A Slack Web API stand-in on 127.0.0.1 that says ok to every call and counts the answers delivered. */
async function startWebApi(): Promise<{ url: string; posts: () => number; close: () => Promise<void> }> {
  let posts = 0;
  let seq = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      // An answer is delivered by a post, or by the end of its stream (every answer is streamed where Slack allows).
      if (req.url?.includes("chat.postMessage") || req.url?.includes("chat.stopStream")) posts++;
      seq++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ok: true,
          ts: `1700000000.${String(seq).padStart(6, "0")}`,
          channel: "C0BENCH",
          messages: [],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    posts: () => posts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SlackAckResult {
  events: number;
  /** Time from sending a signed app_mention to Bolt's HTTP 200, ms, each sent after the previous answer was posted. */
  ackMs: LatencySummary;
  /** The same, events sent back to back: each ack competes with the answers still being computed (2 cores). */
  busyAckMs: LatencySummary;
  answered: number;
}

/**
 * Starts the real Bolt app in HTTP mode (the same code `coopdocs slack` runs) with `answerer` and times the
 * acknowledgement of signed app_mention events: first `events` sent one at a time (the next after the previous
 * answer is posted), then `events` back to back, whose acks compete for the CPU with the answers being computed
 * in the same process, as in production.
 */
export async function measureSlackAck(
  answerer: QuestionAnswerer,
  questions: readonly string[],
  events: number,
): Promise<SlackAckResult> {
  const api = await startWebApi();
  const dataDir = await mkdtemp(path.join(tmpdir(), "coopdocs-bench-slack-"));
  const bot = createSlackBot({
    slack: { botToken, signingSecret, mode: "http", port: 0, apiUrl: api.url, allowedChannels: [] },
    dataDir,
    answerer,
    botId: "B0BENCH",
    botUserId,
    retryConfig: { retries: 0 },
    shutdownGraceMs: 30_000,
  });
  const samples: number[] = [];
  const busy: number[] = [];
  try {
    const { port } = await bot.start();
    const url = `http://127.0.0.1:${port}/slack/events`;
    for (let i = 0; i < 2 * events; i++) {
      const idle = i < events;
      const ts = `1700001000.${String(i).padStart(6, "0")}`;
      const question = questions[i % Math.max(1, questions.length)] ?? "What are the priority areas?";
      const body = JSON.stringify({
        token: "t",
        team_id: "T0BENCH",
        api_app_id: "A0BENCH",
        type: "event_callback",
        event_id: `EvBENCH${i}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: "app_mention",
          user: "U0USER",
          text: `<@${botUserId}> ${question}`,
          ts,
          channel: "C0BENCH",
          event_ts: ts,
        },
        authorizations: [{ team_id: "T0BENCH", user_id: botUserId, is_bot: true, is_enterprise_install: false }],
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature,
        },
        body,
      });
      await response.text();
      if (response.status !== 200) throw new Error(`Slack event ${i} was answered with HTTP ${response.status}`);
      (idle ? samples : busy).push(performance.now() - started);
      if (idle) await waitUntil(() => api.posts() > i, 30_000);
    }
    await waitUntil(() => api.posts() >= 2 * events, 60_000);
  } finally {
    await bot.stop();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return { events: 2 * events, ackMs: summarize(samples), busyAckMs: summarize(busy), answered: api.posts() };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for the bot's answer.");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
