import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A message of a chat completions request, as the client sent it. */
export interface SentMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  model: string;
  stream: boolean;
  messages: SentMessage[];
  raw: Record<string, unknown>;
}

/** What the fake server does with one request. */
export type FakeReply =
  /** A completion: JSON, or server-sent events in `chunkSize` pieces when the request asks to stream. */
  | {
      kind: "text";
      content: string;
      chunkSize?: number;
      /** Explicit stream pieces (as a real server's tokens fall), instead of `chunkSize`. */
      pieces?: string[];
      chunkDelayMs?: number;
      delayMs?: number;
      /** finish_reason of the reply (default "stop"); "length" is a reply cut by the token limit. */
      finishReason?: string;
      /** Holds the stream before piece `piece` until `until` resolves (a test that needs text shown mid-stream). */
      pauseBefore?: { piece: number; until: Promise<void> };
      /** Sent as `reasoning_content` before the content, as vLLM's and DeepSeek's reasoning parsers do. */
      reasoning?: string;
    }
  /** A reply that asks to call a tool, with no content (finish_reason "tool_calls"). */
  | { kind: "tool_call"; name: string; arguments: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: "status"; status: number; message?: string }
  /** A 200 whose body is not what the client expects. */
  | { kind: "garbage"; body: string; contentType?: string }
  /** Streams `content` (if any), then neither sends more nor ends, until the server closes. */
  | { kind: "stall"; content?: string };

export type Responder = (request: RecordedRequest, index: number) => FakeReply;

export interface FakeOpenAiServer {
  /** Root of the fake API, e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  /** Root without /v1 (how Ollama's URL is configured). */
  origin: string;
  requests: RecordedRequest[];
  /** Stream pieces written so far (all requests): lets a test see that text arrived while the server was still sending. */
  readonly piecesWritten: number;
  /** Sets how the next requests are answered. */
  respond(responder: Responder): void;
  close(): Promise<void>;
}

/** Longest any reply may be held open: keeps a forgotten stall from outliving the test. */
const maxHoldMs = 15_000;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        typeof part === "object" && part !== null && "text" in part && typeof part.text === "string" ? part.text : "",
      )
      .join("");
  }
  return "";
}

function parseRequest(method: string, path: string, headers: IncomingHttpHeaders, body: string): RecordedRequest {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null) raw = parsed as Record<string, unknown>;
  } catch {
    // recorded with an empty body
  }
  const messages = Array.isArray(raw.messages)
    ? raw.messages.map((m: unknown) => {
        const record = typeof m === "object" && m !== null ? (m as Record<string, unknown>) : {};
        return { role: String(record.role ?? ""), content: textOf(record.content) };
      })
    : [];
  return { method, path, headers, model: String(raw.model ?? ""), stream: raw.stream === true, messages, raw };
}

function chunkJson(model: string, delta: Record<string, unknown>, finish: string | null): string {
  return JSON.stringify({
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
}

/** A whole (non-streamed) chat completion with one choice. */
function completionJson(model: string, message: Record<string, unknown>, finish: string, usage?: object): string {
  return JSON.stringify({
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  });
}

function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** An OpenAI-compatible chat completions server on 127.0.0.1 (random port), scripted per test. */
export async function startFakeOpenAiServer(initial?: Responder): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = initial ?? (() => ({ kind: "status", status: 500, message: "no reply scripted" }));
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  let piecesWritten = 0;
  const send = async (res: ServerResponse, request: RecordedRequest, reply: FakeReply): Promise<void> => {
    switch (reply.kind) {
      case "tool_call": {
        const call = {
          index: 0,
          id: "call_fake",
          type: "function",
          function: { name: reply.name, arguments: reply.arguments },
        };
        if (!request.stream) {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(completionJson(request.model, { content: null, tool_calls: [call] }, "tool_calls"));
          return;
        }
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        res.write(
          `data: ${chunkJson(request.model, { role: "assistant", content: null, tool_calls: [call] }, null)}\n\n`,
        );
        res.write(`data: ${chunkJson(request.model, {}, "tool_calls")}\n\n`);
        res.end("data: [DONE]\n\n");
        return;
      }
      case "status":
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ error: { message: reply.message ?? "fake failure", type: "server_error", code: null } }),
        );
        return;
      case "garbage":
        res.writeHead(200, { "content-type": reply.contentType ?? "application/json" });
        res.end(reply.body);
        return;
      case "stall":
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        if (reply.content)
          res.write(`data: ${chunkJson(request.model, { role: "assistant", content: reply.content }, null)}\n\n`);
        await wait(maxHoldMs);
        res.end();
        return;
      case "text": {
        if (reply.delayMs) await wait(reply.delayMs);
        if (res.destroyed) return;
        if (!request.stream) {
          res.writeHead(200, { "content-type": "application/json" });
          const message = {
            content: reply.content,
            ...(reply.reasoning ? { reasoning_content: reply.reasoning } : {}),
          };
          const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
          res.end(completionJson(request.model, message, reply.finishReason ?? "stop", usage));
          return;
        }
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        res.write(`data: ${chunkJson(request.model, { role: "assistant", content: "" }, null)}\n\n`);
        if (reply.reasoning)
          res.write(`data: ${chunkJson(request.model, { reasoning_content: reply.reasoning }, null)}\n\n`);
        for (const [index, piece] of (reply.pieces ?? split(reply.content, reply.chunkSize ?? 4)).entries()) {
          if (reply.chunkDelayMs) await wait(reply.chunkDelayMs);
          if (reply.pauseBefore?.piece === index) await Promise.race([reply.pauseBefore.until, wait(maxHoldMs)]);
          if (res.destroyed) return;
          res.write(`data: ${chunkJson(request.model, { content: piece }, null)}\n\n`);
          piecesWritten += 1;
        }
        res.write(`data: ${chunkJson(request.model, {}, reply.finishReason ?? "stop")}\n\n`);
        res.end("data: [DONE]\n\n");
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const request = parseRequest(req.method ?? "", req.url ?? "", req.headers, Buffer.concat(parts).toString("utf8"));
      requests.push(request);
      if (request.path !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${request.path}` } }));
        return;
      }
      send(res, request, responder(request, requests.length - 1)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    get piecesWritten() {
      return piecesWritten;
    },
    respond(next) {
      responder = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (opened, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
