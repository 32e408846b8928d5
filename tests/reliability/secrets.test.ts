/**
 * Tokens and keys never appear in logs or error messages: the CLI's logger wiring, the Slack adapter under
 * Web API failures that echo the token, a rejected token at start, and an LLM provider that echoes the key.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCliContext } from "../../src/cli/context.js";
import { reportError } from "../../src/cli/main.js";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import { createConsoleLogger } from "../../src/core/logger.js";
import { createLlmAnswerer } from "../../src/llm/index.js";
import { createSlackBot } from "../../src/slack/index.js";
import { startFakeOpenAiServer } from "../llm/fake-openai-server.js";
import { fakeExtractive, fakeRetriever } from "../llm/fixtures.js";
import { BOT_TOKEN, FakeSlack, fakeSlackConfig, SIGNING_SECRET, sendEvent, BOT_USER_ID } from "../slack/fake-slack.js";
import { FakeAnswerer } from "../slack/harness.js";

// Secrets of no recognisable shape: only the configured-secret redaction can catch them.
const env = {
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_APP_TOKEN: "xapp-1-A0APP-1-0123456789abcdef",
  LLM_API_KEY: "plain-llm-key-7f3a9c2e41b8d6",
  LOG_LEVEL: "debug",
};
const secrets = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN, env.LLM_API_KEY];

function expectNoSecret(text: string): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** Captures what the CLI's own logger writes (stderr). */
function captureStderr(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  });
  return { text: () => chunks.join("") };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("secrets never reach logs or error messages", () => {
  it("the CLI logger redacts every configured secret, in messages and error fields", () => {
    const stderr = captureStderr();
    const { logger } = createCliContext({ ...env });
    logger.info(`connecting with ${env.SLACK_BOT_TOKEN}`);
    logger.error("failed", {
      error: new Error(`bad key ${env.LLM_API_KEY} / ${env.SLACK_SIGNING_SECRET}`),
      header: `Bearer ${env.SLACK_APP_TOKEN}`,
    });
    expect(stderr.text()).toContain("[redacted]");
    expectNoSecret(stderr.text());
  });

  it("an error printed by the CLI hides token-shaped strings", () => {
    const stderr = captureStderr();
    reportError(new CoopdocsError("config_invalid", `Slack said no to ${BOT_TOKEN}`, "check it"));
    reportError(new Error(`request failed: Authorization: Bearer ${BOT_TOKEN}; key sk-abcdef0123456789`));
    expect(stderr.text()).not.toContain(BOT_TOKEN);
    expect(stderr.text()).not.toContain("sk-abcdef0123456789");
  });

  it("the Slack bot logs Web API failures that echo the token without the token", async () => {
    const fake = await FakeSlack.start();
    const stderr = captureStderr();
    const { logger } = createCliContext({ ...env });
    const bot = createSlackBot({
      slack: fakeSlackConfig(fake.apiUrl),
      dataDir: "/tmp",
      answerer: new FakeAnswerer(),
      logger,
      logLevel: "debug",
      retryConfig: { retries: 0 },
    });
    try {
      const { port } = await bot.start();
      // Streaming and every post fail, with the token and signing secret in the error body and the error code.
      const echoing = {
        status: 200,
        body: {
          ok: false,
          error: `invalid_arguments ${BOT_TOKEN} ${SIGNING_SECRET}`,
          response_metadata: { messages: [BOT_TOKEN] },
        },
      };
      fake.failNext("chat.startStream", echoing);
      for (let i = 0; i < 4; i++) fake.failNext("chat.postMessage", echoing);
      const ts = fake.nextTs();
      await sendEvent(`http://127.0.0.1:${port}/slack/events`, {
        type: "app_mention",
        user: "U0A",
        text: `<@${BOT_USER_ID}> hi`,
        ts,
        channel: "C0X",
      });
      await fake.waitFor(() => fake.callsOf("chat.postMessage").length >= 2, 5000, "the failed answer and apology");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stderr.text()).toContain("answering failed");
      expectNoSecret(stderr.text());
      // What users see is no better place for it.
      for (const call of fake.calls)
        expectNoSecret(JSON.stringify({ text: call.args.text ?? "", blocks: call.args.blocks ?? [] }));
    } finally {
      await bot.stop();
      await fake.stop();
    }
  });

  it("a rejected bot token at start gives an error without the token", async () => {
    const fake = await FakeSlack.start();
    try {
      const token = "xoxb-not-the-right-one-999";
      const bot = createSlackBot({
        slack: fakeSlackConfig(fake.apiUrl, { botToken: token }),
        dataDir: "/tmp",
        answerer: new FakeAnswerer(),
        retryConfig: { retries: 0 },
      });
      const error = await bot.start().catch((e: unknown) => e);
      expect(CoopdocsError.is(error, "config_invalid")).toBe(true);
      const shown = `${(error as CoopdocsError).message} ${(error as CoopdocsError).hint ?? ""}`;
      expect(shown).not.toContain(token);
      expect(shown).not.toContain(SIGNING_SECRET);
      await bot.stop();
    } finally {
      await fake.stop();
    }
  });

  it("an LLM provider that echoes the API key in its error does not leak it into the answer or the logs", async () => {
    const server = await startFakeOpenAiServer(() => ({
      kind: "status",
      status: 401,
      message: `Incorrect API key provided: ${env.LLM_API_KEY}.`,
    }));
    const lines: string[] = [];
    try {
      const answerer = await createLlmAnswerer({
        llm: { provider: "openai", baseUrl: server.baseUrl, apiKey: env.LLM_API_KEY, model: "fake", timeoutMs: 2000 },
        retriever: fakeRetriever(),
        extractive: fakeExtractive(),
        // A logger that was NOT told the key: the LLM module must protect it on its own.
        logger: createConsoleLogger({ level: "debug", write: (line) => lines.push(line) }),
      });
      const answer = await answerer.ask("When was CAEC established?");
      expect(answer.mode).toBe("extractive");
      expect(server.requests.length).toBeGreaterThan(0);
      expectNoSecret(JSON.stringify(answer));
      expect(lines.length).toBeGreaterThan(0);
      expectNoSecret(lines.join("\n"));
    } finally {
      await server.close();
    }
  });
});
