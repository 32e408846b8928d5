import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot } from "../../src/slack/index.js";
import { spawnCli } from "../helpers/spawn-source.js";
import { createTinyWorkspace, type TinyWorkspace } from "../helpers/tiny-corpus.js";
import { BOT_USER_ID, eventEnvelope, postSigned, SIGNING_SECRET } from "../slack/fake-slack.js";
import { repoRoot } from "./real-index.js";

describe("an unreachable Slack API", () => {
  it("is reported as a network error with the URL", async () => {
    // A port nothing listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const bot = createSlackBot({
      slack: { botToken: "xoxb-any", signingSecret: "s", mode: "http", port: 0, apiUrl, allowedChannels: [] },
      dataDir: path.join(repoRoot, "data-unused"),
      answerer: { ask: async () => Promise.reject(new Error("not called")) },
      retryConfig: { retries: 0 },
    });
    const error = (await bot.start().then(
      () => new Error("started"),
      (e: unknown) => e as Error,
    )) as Error;
    expect(error.message).toContain(`Could not reach the Slack API at ${apiUrl}`);
    expect(error.message).toMatch(/network error: ECONNREFUSED/);
    expect(error.message).not.toMatch(/did not accept/);
    await bot.stop();
  });
});

describe("SIGTERM while a Web API call hangs", () => {
  let ws: TinyWorkspace;
  let api: Server;
  let apiUrl = "";
  let hung = 0;
  beforeAll(async () => {
    ws = await createTinyWorkspace();
    // auth.test answers; every other call is left hanging, as a dead proxy would.
    api = createServer((req, res) => {
      if (req.url?.includes("auth.test")) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ ok: true, user_id: BOT_USER_ID, bot_id: "B0BOT", team_id: "T0TEAM" }));
      } else {
        hung++;
      }
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/`;
  });
  afterAll(async () => {
    api?.closeAllConnections();
    await new Promise<void>((resolve) => api?.close(() => resolve()));
    await ws?.cleanup();
  });

  it("finishes within the grace period and exits by itself", async () => {
    const child = spawnCli(["slack"], {
      cwd: ws.dir,
      env: {
        CORPUS_DIR: ws.corpusDir,
        INDEX_DIR: ws.indexDir,
        LOG_LEVEL: "info",
        SLACK_MODE: "http",
        PORT: "0",
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: apiUrl,
        CORPUS_WATCH: "false",
        // A short grace period: the hung call outlives it either way, and the test need not wait 10 s.
        SLACK_SHUTDOWN_GRACE_MS: "2000",
      },
    });
    let log = "";
    const listening = new Promise<number>((resolve) => {
      child.stderr.on("data", (d: Buffer) => {
        log += d.toString("utf8");
        const port = /listening \(HTTP mode\).*"port":(\d+)/.exec(log)?.[1];
        if (port) resolve(Number(port));
      });
    });
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("close", (c, s) => resolve([c, s])),
    );
    const guard = setTimeout(() => child.kill("SIGKILL"), 150_000);
    const port = await Promise.race([listening, closed.then(() => 0)]);
    expect(port, log).toBeGreaterThan(0);
    const ts = "1700000001.000100";
    const event = {
      type: "app_mention",
      user: "U0USER",
      text: `<@${BOT_USER_ID}> Which programme protects mangrove forests?`,
      ts,
      channel: "C0CHAN",
      event_ts: ts,
    };
    const ack = await postSigned(`http://127.0.0.1:${port}/slack/events`, eventEnvelope(event), "application/json");
    expect(ack.status).toBe(200);
    for (let i = 0; i < 100 && hung === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hung).toBeGreaterThan(0);
    child.kill("SIGTERM");
    const [, signal] = await closed;
    clearTimeout(guard);
    // Ended by itself (not by the guard's SIGKILL, not by the SIGTERM's default action), without a stack trace.
    expect(signal, log).toBeNull();
    expect(log).not.toMatch(/\n\s+at /);
  }, 180_000);
});
