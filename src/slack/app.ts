import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { missingSlackSettings } from "../config/config.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { BotRuntime } from "./answer-flow.js";
import { toBoltLogger } from "./bolt-logger.js";
import { registerActions } from "./handlers/actions.js";
import { registerAppHome } from "./handlers/app-home.js";
import { createAssistant } from "./handlers/assistant.js";
import { registerDirectMessageHandler, registerMentionHandler } from "./handlers/messages.js";
import { registerSlashCommand } from "./handlers/slash-command.js";
import { normaliseApiUrl, resolveOptions, type SlackBotOptions } from "./options.js";
import { createReceiver, eventsPath } from "./receiver.js";

export interface SlackBot {
  /** The Bolt app, for adding listeners or inspecting it in tests. */
  readonly app: App;
  /** How long stop() waits for answers in progress, ms. */
  readonly shutdownGraceMs: number;
  /** Verifies the token (auth.test, unless the bot ids were given), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<{ port?: number }>;
  /** Stops taking events, waits for answers in progress (up to shutdownGraceMs), then closes. Idempotent. */
  stop(): Promise<void>;
}

/**
 * A Web API call that never reached Slack (refused, unknown host, timed out): named as a network error with
 * the URL, not as a rejected token. Undefined for errors Slack itself returned.
 */
export function networkError(error: unknown, apiUrl: string): CoopdocsError | undefined {
  type Cause = { code?: unknown; message?: unknown; cause?: Cause };
  const { code, original } = error as { code?: unknown; original?: Cause };
  if (code !== "slack_webapi_request_error") return undefined;
  // fetch wraps the system error ("fetch failed", cause ECONNREFUSED); axios puts the code on the error itself.
  const system = [original?.cause?.code, original?.code, original?.cause?.message, original?.message].find(
    (c) => typeof c === "string",
  );
  const cause = typeof system === "string" ? system : "no response";
  return new CoopdocsError(
    ErrorCode.NetworkUnreachable,
    `Could not reach the Slack API at ${apiUrl} (network error: ${cause}).`,
    "Check the network connection and SLACK_API_URL (unset it to use https://slack.com/api/).",
    { cause: error },
  );
}

/** Slack's answer to auth.test, turned into an error a person can act on. */
function tokenError(error: unknown, apiUrl = "https://slack.com/api/"): CoopdocsError {
  const unreachable = networkError(error, apiUrl);
  if (unreachable) return unreachable;
  const code = (error as { data?: { error?: unknown } }).data?.error;
  const reason = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
  return new CoopdocsError(
    ErrorCode.ConfigInvalid,
    `Slack did not accept the bot token (${reason}).`,
    "Check SLACK_BOT_TOKEN (it starts with xoxb-) and that the app is installed in the workspace.",
    { cause: error },
  );
}

/** A failed Socket Mode connection (apps.connections.open), with what to check. */
function appTokenError(error: unknown): CoopdocsError {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  const reason = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
  return new CoopdocsError(
    ErrorCode.ConfigInvalid,
    `Could not connect to Slack in Socket Mode (${reason}).`,
    "Check SLACK_APP_TOKEN (an app-level token starting with xapp- with the connections:write scope) and that Socket Mode is enabled for the app.",
    { cause: error },
  );
}

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const missing = missingSlackSettings(options.slack);
  if (missing.length > 0) {
    throw new CoopdocsError(
      ErrorCode.ConfigInvalid,
      `Slack settings missing for ${options.slack.mode} mode: ${missing.join(", ")}.`,
      "Set them in your environment or .env file; see README › Install in your workspace.",
    );
  }
  const resolved = resolveOptions(options);
  const shutdown = new AbortController();
  const runtime: BotRuntime = { ...resolved, shutdown: shutdown.signal };
  const boltLogger = toBoltLogger(runtime.logger, runtime.logLevel);
  const clientOptions = {
    slackApiUrl: normaliseApiUrl(runtime.slack.apiUrl),
    retryConfig: runtime.retryConfig,
    // 429s wait for their Retry-After and are retried, rather than failing the answer.
    rejectRateLimitedCalls: false,
    timeout: runtime.requestTimeoutMs,
  };
  const receiver = createReceiver(runtime.slack, boltLogger, clientOptions);
  const knownIdentity = runtime.botId !== undefined && runtime.botUserId !== undefined;
  const app = new App({
    token: runtime.slack.botToken,
    receiver: receiver.receiver,
    logger: boltLogger,
    clientOptions,
    botId: runtime.botId,
    botUserId: runtime.botUserId,
    ignoreSelf: true,
    // auth.test runs in start(), where a bad token becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
    tokenVerificationEnabled: !knownIdentity,
  });

  // Answers in progress, so stop() can let them finish.
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const forget = () => inFlight.delete(work);
    work.then(forget, forget);
    return work;
  };

  app.assistant(createAssistant(runtime, track));
  registerMentionHandler(app, runtime, track);
  registerDirectMessageHandler(app, runtime, track);
  registerSlashCommand(app, runtime, track);
  registerAppHome(app, runtime);
  registerActions(app, runtime);
  app.error(async (error) => {
    runtime.logger.error("Slack: unhandled error in a listener", { error });
  });

  let state: "new" | "started" | "stopped" = "new";
  let initialised = false;

  return {
    app,
    shutdownGraceMs: runtime.shutdownGraceMs,
    async start() {
      if (state !== "new") throw new Error(`The Slack bot cannot start: it is ${state}.`);
      if (!initialised) {
        try {
          await app.init();
        } catch (error) {
          throw tokenError(error, clientOptions.slackApiUrl);
        }
        initialised = true;
      }
      if (receiver.mode === "http") {
        const server = await receiver.receiver.start(runtime.slack.port);
        state = "started";
        const port = (server.address() as AddressInfo).port;
        runtime.logger.info("Slack bot listening (HTTP mode)", { port, path: eventsPath });
        return { port };
      }
      try {
        await receiver.receiver.start();
      } catch (error) {
        throw networkError(error, clientOptions.slackApiUrl ?? "https://slack.com/api/") ?? appTokenError(error);
      }
      state = "started";
      runtime.logger.info("Slack bot connected (Socket Mode)");
      return {};
    },
    async stop() {
      if (state !== "started") {
        state = "stopped";
        return;
      }
      state = "stopped";
      await app.stop();
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, runtime.shutdownGraceMs);
        });
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        clearTimeout(timer);
      }
      // Whatever is still running gets its apology now rather than never.
      shutdown.abort(new Error("The bot is shutting down."));
    },
  };
}
