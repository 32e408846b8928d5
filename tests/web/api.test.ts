import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, QuestionAnswerer } from "../../src/core/types.js";
import { createWebApp } from "../../src/web/index.js";
import { runCli } from "../helpers/run-cli.js";
import { createWebFixture, formatsPdf, wetlandFile, type WebFixture } from "./web-fixture.js";

const publicUrl = "https://docs.example.org/coop";
const textQuestion = "How often did volunteers count migratory shorebirds?";
const pdfQuestion = "When did China's top leader propose to set up the center?";

let fixture: WebFixture;

beforeAll(async () => {
  fixture = await createWebFixture({}, { PUBLIC_URL: publicUrl });
});
afterAll(() => fixture?.cleanup());

type App = ReturnType<typeof createWebApp>;

const postJson = (app: App, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function expectApiError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/);
  return body.error.message;
}

/** Runs `coopdocs ask --json` in-process on the fixture's corpus and index. */
async function askJsonCli(question: string): Promise<unknown> {
  const { code, stdout } = await runCli(["ask", question, "--json"], {
    CORPUS_DIR: fixture.config.corpusDir,
    INDEX_DIR: fixture.config.indexDir,
    LOG_LEVEL: "silent",
    PUBLIC_URL: publicUrl,
  });
  expect(code).toBe(0);
  return JSON.parse(stdout.trim());
}

/** Parses a text/event-stream body into its events. */
function parseEvents(text: string): { event: string; data: string }[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event =
        lines
          .find((l) => l.startsWith("event:"))
          ?.slice(6)
          .trim() ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).replace(/^ /, ""))
        .join("\n");
      return { event, data };
    });
}

const fakeAnswer: Answer = {
  answer: "Streamed answer [1]",
  mode: "llm",
  found: true,
  citations: [
    { n: 1, file: wetlandFile, title: "T", section: "S", page: null, quote: "Volunteers counted migratory shorebirds" },
  ],
  passages: [],
};

describe("JSON API", () => {
  it("GET /healthz says ok", async () => {
    const response = await fixture.app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("POST /api/ask answers with citations whose url opens the source view", async () => {
    const response = await postJson(fixture.app, "/api/ask", { question: textQuestion });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      found: boolean;
      citations: { file: string; url: string; quote: string }[];
    };
    expect(body.found).toBe(true);
    const first = body.citations[0];
    expect(first?.file).toBe(wetlandFile);
    expect(first?.url.startsWith(`${publicUrl}/sources/${wetlandFile}?q=`)).toBe(true);
    const view = await fixture.app.request(first?.url.slice(publicUrl.length) ?? "");
    expect(view.status).toBe(200);
    const page = await view.text();
    expect(page).toContain('id="cited"');
    expect(page).toContain("Volunteers counted migratory shorebirds");
  });

  it("POST /api/ask returns exactly what `ask --json` prints", async () => {
    for (const question of [textQuestion, pdfQuestion]) {
      const response = await postJson(fixture.app, "/api/ask", { question });
      expect(await response.json()).toEqual(await askJsonCli(question));
    }
  });

  it("links are relative to the server when no PUBLIC_URL is set", async () => {
    const app = createWebApp({ ...fixture.options, publicUrl: undefined });
    const body = (await (await postJson(app, "/api/ask", { question: pdfQuestion })).json()) as {
      citations: { url: string; page: number }[];
    };
    expect(body.citations[0]?.url).toMatch(
      new RegExp(`^/sources/${formatsPdf.replace(/\./g, "\\.")}\\?page=1&q=In\\+November\\+2007`),
    );
  });

  it("a question the documents do not answer gives the closest passages, each with a link", async () => {
    const body = (await (
      await postJson(fixture.app, "/api/ask", { question: "Which colour is the lunar rover's paint?" })
    ).json()) as {
      found: boolean;
      citations: unknown[];
      closest: { url: string }[];
    };
    expect(body.found).toBe(false);
    expect(body.citations).toEqual([]);
    expect(body.closest.length).toBeGreaterThan(0);
    for (const c of body.closest) expect(c.url.startsWith(`${publicUrl}/sources/`)).toBe(true);
  });

  it("accepts a follow-up with history", async () => {
    const response = await postJson(fixture.app, "/api/ask", {
      question: "And what were the counts checked against?",
      history: [
        { role: "user", text: textQuestion },
        { role: "assistant", text: "Every spring [1]" },
      ],
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain("photographs");
  });

  it("rejects every bad ask body with a 4xx JSON error", async () => {
    const app = fixture.app;
    await expectApiError(await postJson(app, "/api/ask", { question: "" }), 400, "invalid_request");
    await expectApiError(await postJson(app, "/api/ask", { question: "   " }), 400, "invalid_request");
    const tooLong = await expectApiError(
      await postJson(app, "/api/ask", { question: "why ".repeat(600) }),
      400,
      "invalid_request",
    );
    expect(tooLong).toMatch(/2000/);
    expect(await expectApiError(await postJson(app, "/api/ask", { question: 42 }), 400, "invalid_request")).toMatch(
      /question/,
    );
    await expectApiError(await postJson(app, "/api/ask", {}), 400, "invalid_request");
    await expectApiError(await postJson(app, "/api/ask", ["What?"]), 400, "invalid_request");
    await expectApiError(await postJson(app, "/api/ask", { question: "What?", extra: true }), 400, "invalid_request");
    await expectApiError(await postJson(app, "/api/ask", { question: "What?", history: "no" }), 400, "invalid_request");
    await expectApiError(
      await postJson(app, "/api/ask", { question: "What?", history: [{ role: "system", text: "x" }] }),
      400,
      "invalid_request",
    );
    const many = Array.from({ length: 21 }, () => ({ role: "user", text: "x" }));
    await expectApiError(await postJson(app, "/api/ask", { question: "What?", history: many }), 400, "invalid_request");
    await expectApiError(await postJson(app, "/api/ask", '{"question": "unterminated'), 400, "invalid_request");
    await expectApiError(
      await postJson(app, "/api/ask", "What?", { "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    );
    await expectApiError(await postJson(app, "/api/ask", { question: "x".repeat(300_000) }), 413, "payload_too_large");
  });

  it("limits the questions per client", async () => {
    const app = createWebApp({ ...fixture.options, askRateLimit: 2 });
    for (let i = 0; i < 2; i++) expect((await postJson(app, "/api/ask", { question: textQuestion })).status).toBe(200);
    const limited = await postJson(app, "/api/ask", { question: textQuestion });
    await expectApiError(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectApiError(await postJson(app, "/api/ask/stream", { question: textQuestion }), 429, "rate_limited");
  });

  it("never shows an unexpected error's message or stack", async () => {
    const failing: QuestionAnswerer = {
      ask: () => Promise.reject(new Error("EACCES /secret/path/index.json")),
    };
    const app = createWebApp({ ...fixture.options, answerer: failing });
    const message = await expectApiError(await postJson(app, "/api/ask", { question: "What?" }), 500, "internal_error");
    expect(message).not.toContain("secret");
    const stream = await postJson(app, "/api/ask/stream", { question: "What?" });
    const events = parseEvents(await stream.text());
    expect(events.map((e) => e.event)).toEqual(["error"]);
    expect(events[0]?.data).not.toContain("secret");
  });

  it("POST /api/ask/stream sends tokens as they come, then the answer object", async () => {
    const streaming: QuestionAnswerer = {
      async ask(_question, options) {
        for (const token of ["Streamed ", "answer ", "[1]"]) options?.onToken?.(token);
        return fakeAnswer;
      },
    };
    const app = createWebApp({ ...fixture.options, answerer: streaming });
    const response = await postJson(app, "/api/ask/stream", { question: "What?" });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = parseEvents(await response.text());
    expect(events.map((e) => e.event)).toEqual(["token", "token", "token", "answer"]);
    expect(
      events
        .slice(0, 3)
        .map((e) => e.data)
        .join(""),
    ).toBe("Streamed answer [1]");
    const answer = JSON.parse(events[3]?.data ?? "{}") as { citations: { url: string }[] };
    expect(answer.citations[0]?.url).toBe(
      `${publicUrl}/sources/${wetlandFile}?q=Volunteers+counted+migratory+shorebirds`,
    );
  });

  it("POST /api/ask/stream gives the same answer as /api/ask, and the same 4xx errors", async () => {
    const events = parseEvents(
      await (await postJson(fixture.app, "/api/ask/stream", { question: textQuestion })).text(),
    );
    const last = events.at(-1);
    expect(last?.event).toBe("answer");
    const plain = await (await postJson(fixture.app, "/api/ask", { question: textQuestion })).json();
    expect(JSON.parse(last?.data ?? "{}")).toEqual(plain);
    await expectApiError(await postJson(fixture.app, "/api/ask/stream", { question: "" }), 400, "invalid_request");
    await expectApiError(
      await postJson(fixture.app, "/api/ask/stream", "x", { "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    );
  });

  it("GET /api/sources lists indexed and skipped files", async () => {
    const body = (await (await fixture.app.request("/api/sources")).json()) as {
      sources: { file: string; status: string; chunks: number; year: number | null }[];
    };
    const byFile = new Map(body.sources.map((s) => [s.file, s]));
    expect(byFile.get(wetlandFile)).toMatchObject({ status: "indexed", year: 2024 });
    expect(byFile.get(formatsPdf)).toMatchObject({ status: "indexed", format: "pdf" });
    expect(byFile.get(formatsPdf)?.chunks).toBeGreaterThan(0);
    expect(byFile.get("notes.xyz")).toMatchObject({ status: "skipped", chunks: 0 });
    expect(byFile.has("manifest.json")).toBe(false);
  });

  it("GET /api/openapi.json describes every route with the request schema", async () => {
    const doc = (await (await fixture.app.request("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: { AskRequest: { properties: { question: { maxLength: number } }; required: string[] } } };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/ask", "/api/ask/stream", "/api/sources", "/healthz"]);
    expect(doc.components.schemas.AskRequest.properties.question.maxLength).toBe(2000);
    expect(doc.components.schemas.AskRequest.required).toEqual(["question"]);
  });

  it("unknown API routes answer 404 in JSON", async () => {
    await expectApiError(await fixture.app.request("/api/nothing"), 404, "not_found");
    await expectApiError(await fixture.app.request("/api/ask"), 404, "not_found");
  });
});

describe("pages", () => {
  it("every page carries a Content-Security-Policy without inline script", async () => {
    for (const path of ["/", "/sources", `/sources/${wetlandFile}`, "/healthz", "/no-such-page"]) {
      const csp = (await fixture.app.request(path)).headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it("GET / is the ask page", async () => {
    const response = await fixture.app.request("/");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('id="ask-form"');
    expect(page).toContain('src="/assets/ask.js"');
    expect(page).not.toMatch(/<script>/);
  });

  it("GET /sources lists the documents, escaped", async () => {
    const page = await (await fixture.app.request("/sources")).text();
    expect(page).toContain(`href="/sources/${wetlandFile}"`);
    expect(page).toContain("Tidal Wetland Monitoring Pilot");
    expect(page).toContain("notes.xyz");
    expect(page).toContain("2 indexed, 1 not indexed");
  });

  it("the text source view marks the cited passage and shows markup as text", async () => {
    const page = await (
      await fixture.app.request(
        `/sources/${wetlandFile}?q=${encodeURIComponent("Each count was checked against photographs")}`,
      )
    ).text();
    expect(page).toMatch(/<div class="passage cited" id="cited"><p>Volunteers counted/);
    expect(page).toContain("Tidal Wetland Monitoring Pilot › Methods");
    expect(page).toContain("&lt;script&gt;window.injected = 1&lt;/script&gt;");
    expect(page).not.toContain("<script>window.injected");
    expect(page).toContain(`href="/files/${wetlandFile}"`);
  });

  it("a quote in the link is escaped in the page", async () => {
    const page = await (
      await fixture.app.request(`/sources/${wetlandFile}?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
    ).text();
    expect(page).toContain('data-quote="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain("<script>alert");
  });

  it("the PDF source view names the file, the page and the quote for pdf.js", async () => {
    const response = await fixture.app.request(
      `/sources/${formatsPdf}?page=2&q=${encodeURIComponent("the 11th ASEAN-China Summit")}`,
    );
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`data-pdf="/files/${formatsPdf}"`);
    expect(page).toContain('data-page="2"');
    expect(page).toContain('src="/assets/source-pdf.js"');
    expect(page).toContain(`href="/sources/${formatsPdf}?page=1"`);
    const bad = await (await fixture.app.request(`/sources/${formatsPdf}?page=-3`)).text();
    expect(bad).toContain('data-page="1"');
  });

  it("serves only indexed files: no other corpus file, no path traversal", async () => {
    const refused = [
      "/sources/notes.xyz",
      "/sources/manifest.json",
      "/sources/..%2F..%2Fpackage.json",
      "/sources/%2e%2e%2fpackage.json",
      "/sources/..%5C..%5Cpackage.json",
      "/files/manifest.json",
      "/files/notes.xyz",
      "/files/..%2Fcorpus%2Fmanifest.json",
      "/files/%2Fetc%2Fpasswd",
      "/assets/..%2F..%2Fpackage.json",
      "/assets/../../package.json",
      "/assets/pdfjs/..%2F..%2Fpackage.json",
      "/assets/nothing.js",
    ];
    for (const path of refused) {
      const response = await fixture.app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('"name": "coopdocs"');
    }
  });

  it("serves the original PDF inline and other originals as sandboxed downloads", async () => {
    const pdf = await fixture.app.request(`/files/${formatsPdf}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const text = await fixture.app.request(`/files/${wetlandFile}`);
    expect(text.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(text.headers.get("content-security-policy")).toMatch(/sandbox/);
  });

  it("serves the page scripts and pdf.js from the package", async () => {
    for (const path of [
      "/assets/style.css",
      "/assets/ask.js",
      "/assets/quote-match.js",
      "/assets/pdfjs/pdf.min.mjs",
      "/assets/pdfjs/pdf.worker.min.mjs",
    ]) {
      const response = await fixture.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/text\/(css|javascript)/);
    }
  });

  it("unknown pages answer 404 in HTML", async () => {
    const response = await fixture.app.request("/no-such-page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
  });
});
