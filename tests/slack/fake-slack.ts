/**
 * A fake Slack for tests, on 127.0.0.1 with an OS-chosen port: the Web API (`/api/<method>`) the bot's
 * WebClient calls, the response_url endpoints slash commands and buttons answer to, and helpers to send the
 * bot signed requests the way Slack does (HMAC-SHA256 of `v0:timestamp:body`).
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SlackConfig } from "../../src/config/index.js";

export const TEAM_ID = "T0TEAM";
export const BOT_USER_ID = "U0BOT";
export const BOT_ID = "B0BOT";
export const BOT_TOKEN = "xoxb-fake-bot-token-0001";
export const SIGNING_SECRET = "fake-signing-secret";

/** Settings for a bot that talks to the fake Slack at `apiUrl` over HTTP, with the fake credentials, on any port. */
export function fakeSlackConfig(apiUrl: string, overrides: Partial<SlackConfig> = {}): SlackConfig {
  return {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    mode: "http",
    port: 0,
    apiUrl,
    allowedChannels: [],
    ...overrides,
  };
}

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  user?: string;
  bot_id?: string;
  blocks?: unknown[];
  metadata?: unknown;
}

/** What a scripted reply may be: a JSON body (200), or a status, headers and body. */
export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

type Scripted = (args: Record<string, unknown>) => FakeReply | undefined;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The WebClient sends form fields, with objects (blocks, prompts) as JSON strings. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    args[key] = value;
  }
  return args;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly messages: StoredMessage[] = [];
  private readonly scripted = new Map<string, Scripted[]>();
  private clock = 1_700_000_000;
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** A fresh Slack-style timestamp, increasing. */
  nextTs(): string {
    this.seq++;
    return `${this.clock + this.seq}.${String(this.seq).padStart(6, "0")}`;
  }

  /** Replies to the next call of `method` with `reply` (once), then back to normal behaviour. */
  failNext(method: string, reply: FakeReply): void {
    this.script(method, () => reply);
  }

  /** A one-shot scripted reply; return undefined to fall through to the default behaviour. */
  script(method: string, reply: Scripted): void {
    const queue = this.scripted.get(method) ?? [];
    queue.push(reply);
    this.scripted.set(method, queue);
  }

  /** Records a user's message so conversations.replies returns it (Slack would have it). */
  addUserMessage(message: { channel: string; ts: string; thread_ts?: string; user: string; text: string }): void {
    this.messages.push({ ...message });
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", this.url).pathname;
    const send = (reply: FakeReply) => {
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    };

    if (path.startsWith("/respond/")) {
      this.responses.push({ id: path.slice("/respond/".length), body: parseArgs(body, "application/json") });
      send({ status: 200, body: "ok" });
      return;
    }
    if (!path.startsWith("/api/")) {
      send({ status: 404, body: { ok: false, error: "not_found" } });
      return;
    }
    const method = path.slice("/api/".length);
    const args = parseArgs(body, req.headers["content-type"]);
    this.calls.push({ method, args, authorization: req.headers.authorization });

    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) {
      send({ status: 200, body: { ok: false, error: "invalid_auth" } });
      return;
    }
    const queue = this.scripted.get(method);
    const scripted = queue?.shift()?.(args);
    if (scripted) {
      send(scripted);
      return;
    }
    send({ status: 200, body: this.respond(method, args) });
  }

  /** Slack's normal answers, keeping posted messages so threads can be read back. */
  private respond(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const str = (value: unknown) => (typeof value === "string" ? value : undefined);
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID, user: "coopdocs", team: "Test" };
      case "chat.postMessage":
      case "chat.startStream": {
        const message: StoredMessage = {
          channel: str(args.channel) ?? "",
          ts: this.nextTs(),
          thread_ts: str(args.thread_ts),
          text: str(args.text) ?? str(args.markdown_text) ?? "",
          user: BOT_USER_ID,
          bot_id: BOT_ID,
          blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
          metadata: args.metadata,
        };
        if (method === "chat.startStream") message.text = streamedText(args);
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message };
      }
      case "chat.appendStream":
      case "chat.stopStream": {
        const message = this.messages.find((m) => m.ts === str(args.ts) && m.channel === str(args.channel));
        if (!message) return { ok: false, error: "message_not_found" };
        message.text += streamedText(args);
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        if (args.metadata !== undefined) message.metadata = args.metadata;
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case "chat.update": {
        const message = this.messages.find((m) => m.ts === str(args.ts) && m.channel === str(args.channel));
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = str(args.text) ?? message.text;
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        if (args.metadata !== undefined) message.metadata = args.metadata;
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case "conversations.history": {
        const channel = str(args.channel);
        const top = this.messages.filter(
          (m) => m.channel === channel && (m.thread_ts === undefined || m.thread_ts === m.ts),
        );
        return { ok: true, messages: top.reverse().slice(0, Number(args.limit ?? 100)), has_more: false };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "conversations.replies": {
        const ts = str(args.ts);
        const channel = str(args.channel);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
        const thread = this.messages
          .filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts))
          .sort((a, b) => Number(a.ts) - Number(b.ts))
          .map(({ metadata, ...rest }) => (withMetadata && metadata !== undefined ? { ...rest, metadata } : rest));
        return { ok: true, messages: thread, has_more: false };
      }
      default:
        return { ok: true };
    }
  }
}

function streamedText(args: Record<string, unknown>): string {
  let text = typeof args.markdown_text === "string" ? args.markdown_text : "";
  if (Array.isArray(args.chunks)) {
    for (const chunk of args.chunks as { type?: string; text?: string }[]) {
      if (chunk.type === "markdown_text" && typeof chunk.text === "string") text += chunk.text;
    }
  }
  return text;
}

/* ------------------------- requests Slack sends to the bot ------------------------- */

export interface SignedRequestOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Slack's retry headers. */
  retryNum?: number;
  retryReason?: string;
  /** Replaces the computed signature (forgery tests). */
  signature?: string;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignedRequestOptions = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? sign(options.secret ?? SIGNING_SECRET, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
  }
  const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5000) });
  return { status: response.status, text: await response.text() };
}

let eventSeq = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++eventSeq}`): string {
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0APP",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  });
}

export const sendEvent = (
  url: string,
  event: Record<string, unknown>,
  options: SignedRequestOptions & { eventId?: string } = {},
) => postSigned(url, eventEnvelope(event, options.eventId), "application/json", options);

/** A slash command, form-encoded like Slack's. */
export const sendCommand = (url: string, fields: Record<string, string>, options: SignedRequestOptions = {}) =>
  postSigned(url, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options);

/** An interactivity payload (button click), form-encoded as `payload=<json>`. */
export const sendAction = (url: string, payload: Record<string, unknown>, options: SignedRequestOptions = {}) =>
  postSigned(
    url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    "application/x-www-form-urlencoded",
    options,
  );
