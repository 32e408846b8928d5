import { readFile } from "node:fs/promises";
import path from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { streamSSE } from "hono/streaming";
import { rateLimiter } from "hono-rate-limiter";
import { answerToJson } from "../answer/answer-json.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { QuestionAnswerer } from "../core/types.js";
import { ApiErrorCode, apiError } from "./api-error.js";
import { askRequestSchema, type AskRequest } from "./api-schemas.js";
import { findCitedPassage } from "./cited-passage.js";
import { openApiDocument } from "./openapi.js";
import type { SourcesProvider } from "./sources-provider.js";
import { createAssetTable, readAsset } from "./static-assets.js";
import { askPage, errorPage, notFoundPage, pdfSourcePage, sourcesPage, textSourcePage } from "./views.js";

export interface WebAppOptions {
  answerer: QuestionAnswerer;
  sources: SourcesProvider;
  /** Base of the links handed out; unset: links relative to this server ("/sources/…"). */
  publicUrl?: string;
  logger?: Logger;
  /** Questions per client per minute on the API (ask and stream). */
  askRateLimit?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

/** A person asks a few questions a minute; 30 leaves room for a team behind one proxy address. */
export const defaultAskRateLimit = 30;
/** A question (2,000 chars) with 20 earlier turns of 8,000 chars, as JSON, fits in 192 KiB. */
export const defaultMaxBodyBytes = 192 * 1024;
/** Characters of `q` read from a source-view link (links carry at most 300). */
const maxQuoteParamChars = 1000;

const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  // pdf.js decodes some images with WebAssembly; no inline script, no eval.
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

const isApi = (c: Context) => c.req.path.startsWith("/api/");

/** The web page and the JSON API over one answerer and one view of the index. */
export function createWebApp(options: WebAppOptions): Hono {
  const logger = options.logger ?? silentLogger;
  const linkBase = options.publicUrl ?? "";
  const assets = createAssetTable();
  const app = new Hono();

  const headers = { crossOriginEmbedderPolicy: false, referrerPolicy: "same-origin" } as const;
  const pageHeaders = secureHeaders({ ...headers, contentSecurityPolicy });
  // An original that is not a PDF (HTML included) downloads into a sandbox: it never runs on this origin.
  const downloadHeaders = secureHeaders({ ...headers, contentSecurityPolicy: { defaultSrc: ["'none'"], sandbox: [] } });
  app.use("*", (c, next) =>
    c.req.path.startsWith("/files/") && !/\.pdf$/i.test(c.req.path) ? downloadHeaders(c, next) : pageHeaders(c, next),
  );

  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? defaultMaxBodyBytes,
    onError: (c) =>
      apiError(
        c,
        413,
        ApiErrorCode.PayloadTooLarge,
        `The request body is larger than ${options.maxBodyBytes ?? defaultMaxBodyBytes} bytes.`,
      ),
  });
  const limitRate = rateLimiter({
    windowMs: 60_000,
    limit: options.askRateLimit ?? defaultAskRateLimit,
    standardHeaders: "draft-6",
    keyGenerator: clientKey,
    handler: (c) =>
      apiError(c, 429, ApiErrorCode.RateLimited, "Too many questions from this address; wait a minute and ask again."),
  });
  const requireJson = async (c: Context, next: () => Promise<void>) => {
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
      return apiError(
        c,
        415,
        ApiErrorCode.UnsupportedMediaType,
        "Send the question as JSON with Content-Type: application/json.",
      );
    }
    await next();
  };
  const validateAsk = zValidator("json", askRequestSchema, (result, c) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      return apiError(c, 400, ApiErrorCode.InvalidRequest, `${where}${issue?.message ?? "Invalid request."}`);
    }
  });

  const ask = (body: AskRequest, extra: { onToken?: (t: string) => void; signal?: AbortSignal } = {}) =>
    options.answerer.ask(body.question, { history: body.history, ...extra });

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(options.publicUrl)));
  app.get("/api/sources", async (c) => c.json({ sources: await options.sources.sources() }));

  app.post("/api/ask", limitRate, limitBody, requireJson, validateAsk, async (c) => {
    const answer = await ask(c.req.valid("json"), { signal: c.req.raw.signal });
    return c.json(answerToJson(answer, linkBase));
  });

  app.post("/api/ask/stream", limitRate, limitBody, requireJson, validateAsk, (c) => {
    const body = c.req.valid("json");
    return streamSSE(c, async (stream) => {
      // Tokens arrive synchronously from the model; write them in order.
      let writes = Promise.resolve();
      const onToken = (token: string) => {
        writes = writes.then(() => stream.writeSSE({ event: "token", data: token }));
      };
      try {
        const answer = await ask(body, { onToken, signal: c.req.raw.signal });
        await writes;
        await stream.writeSSE({ event: "answer", data: JSON.stringify(answerToJson(answer, linkBase)) });
      } catch (error) {
        await writes.catch(() => undefined);
        const { code, message } = describeError(error, logger);
        await stream.writeSSE({ event: "error", data: JSON.stringify({ error: { code, message } }) });
      }
    });
  });

  app.get("/", (c) => c.html(askPage()));
  app.get("/sources", async (c) => c.html(sourcesPage(await options.sources.sources())));

  app.get("/sources/:file", async (c) => {
    const file = c.req.param("file");
    const entry = (await options.sources.sources()).find((e) => e.file === file && e.status === "indexed");
    const passages = entry ? await options.sources.passages(entry.file) : undefined;
    if (!entry || !passages) return c.html(notFoundPage("This document is not in the index."), 404);
    const quote = (c.req.query("q") ?? "").slice(0, maxQuoteParamChars);
    if (entry.format === "pdf") {
      const requested = Number.parseInt(c.req.query("page") ?? "1", 10);
      const page = Number.isFinite(requested) && requested >= 1 ? requested : 1;
      const onPage = passages.filter((p) => p.meta.page === page);
      return c.html(pdfSourcePage(entry, page, quote, findCitedPassage(onPage, quote), onPage));
    }
    return c.html(textSourcePage(entry, passages, quote, quote ? findCitedPassage(passages, quote) : undefined));
  });

  app.get("/files/:file", async (c) => {
    const original = await options.sources.originalPath(c.req.param("file"));
    if (!original) return c.html(notFoundPage("This document is not in the index."), 404);
    const name = path.basename(original);
    const body = await readFile(original);
    const pdf = path.extname(name).toLowerCase() === ".pdf";
    // Only PDFs open in the page; anything else downloads (see downloadHeaders).
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": pdf ? "application/pdf" : "application/octet-stream",
      "Content-Disposition": `${pdf ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });

  app.get("/favicon.ico", (c) => c.redirect("/assets/favicon.svg", 301));
  app.get("/assets/*", async (c) => {
    const asset = await readAsset(assets, c.req.path.slice("/assets/".length));
    if (!asset) return c.text("Not found", 404);
    return c.body(new Uint8Array(asset.body), 200, {
      "Content-Type": asset.type,
      "Cache-Control": "public, max-age=3600",
    });
  });

  app.notFound((c) =>
    isApi(c)
      ? apiError(c, 404, ApiErrorCode.NotFound, `No route ${c.req.method} ${c.req.path}.`)
      : c.html(notFoundPage("There is no page at this address."), 404),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return isApi(c)
        ? apiError(c, error.status as 400, ApiErrorCode.InvalidRequest, error.message || "Bad request.")
        : c.html(notFoundPage("Bad request."), error.status as 400);
    }
    const { status, code, message } = describeError(error, logger);
    return isApi(c) ? apiError(c, status, code, message) : c.html(errorPage(), status);
  });

  return app;
}

/** Maps an error to what a client may see: the message of errors we expect, nothing of the others. */
function describeError(
  error: unknown,
  logger: Logger,
): { status: 400 | 500 | 503; code: ApiErrorCode; message: string } {
  if (CoopdocsError.is(error, ErrorCode.QuestionInvalid))
    return { status: 400, code: ApiErrorCode.QuestionInvalid, message: error.message };
  if (error instanceof CoopdocsError) {
    logger.warn(`Web request failed: ${error.message}`);
    return { status: 503, code: ApiErrorCode.Internal, message: error.message };
  }
  logger.error("Web request failed", { error });
  return { status: 500, code: ApiErrorCode.Internal, message: "The server could not answer; try again." };
}
