import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { addSourceLinks, answerToJson, sourceViewUrl, withSourceLinks } from "../../src/answer/index.js";
import { loadConfig } from "../../src/config/config.js";
import type { Answer, Chunk, QuestionAnswerer } from "../../src/core/types.js";
import { renderCitation } from "../../src/slack/blocks.js";
import { findCitedPassage } from "../../src/web/index.js";
import { locate } from "../../web/assets/quote-match.js";
import { runCli } from "../helpers/run-cli.js";
import { realCorpusDir } from "../helpers/test-corpus.js";

const answer: Answer = {
  answer: "Counted every spring [1].",
  mode: "extractive",
  found: true,
  citations: [
    { n: 1, file: "a b&c.pdf", title: "T", section: "S", page: 4, quote: "Volunteers  counted\nshorebirds." },
  ],
  passages: [],
};

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("source-view links", () => {
  it("build from PUBLIC_URL, the file, the page and the quote, all encoded", () => {
    expect(
      sourceViewUrl("https://docs.example.org/coop/", {
        file: "a b&c.pdf",
        page: 4,
        quote: "Volunteers  counted\nshorebirds.",
      }),
    ).toBe("https://docs.example.org/coop/sources/a%20b%26c.pdf?page=4&q=Volunteers+counted+shorebirds.");
    expect(sourceViewUrl("", { file: "x/../y.md", page: null, quote: "" })).toBe("/sources/x%2F..%2Fy.md");
  });

  it("carry at most the head of a long quote, without the ellipsis", () => {
    const url = new URL(sourceViewUrl("https://h", { file: "f.txt", page: null, quote: `${"word ".repeat(200)}end` }));
    const q = url.searchParams.get("q") ?? "";
    expect(q.length).toBeLessThanOrEqual(300);
    expect(q.startsWith("word word")).toBe(true);
    expect(q).not.toContain("…");
  });

  it("are added to every citation only when PUBLIC_URL is set", async () => {
    const inner: QuestionAnswerer = { ask: async () => answer };
    expect(withSourceLinks(inner, undefined)).toBe(inner);
    const linked = await withSourceLinks(inner, "https://h").ask("q");
    expect(linked.citations[0]?.url).toBe("https://h/sources/a%20b%26c.pdf?page=4&q=Volunteers+counted+shorebirds.");
    expect(answerToJson(answer).citations[0]).not.toHaveProperty("url");
    expect(answerToJson(answer, "https://h").citations[0]?.url).toBe(linked.citations[0]?.url);
  });

  it("show in Slack citations", () => {
    const [linked] = addSourceLinks(answer, "https://h").citations;
    expect(renderCitation(linked!, "")).toContain(
      "<https://h/sources/a%20b%26c.pdf?page=4&q=Volunteers+counted+shorebirds.|",
    );
    expect(renderCitation(answer.citations[0]!, "")).not.toContain("<https://");
  });

  it("show under each source of `ask` when PUBLIC_URL is set", async () => {
    const { code, stdout } = await runCli(["ask", "where's the ASEAN Secretariat?"], {
      CORPUS_DIR: realCorpusDir,
      INDEX_DIR: inject("sharedIndexDir"),
      LOG_LEVEL: "silent",
      PUBLIC_URL: "https://docs.example.org",
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n\[1\] .*\n {4}“.*”\n {4}https:\/\/docs\.example\.org\/sources\/[\w.-]+\.txt\?q=/);
  });
});

describe("web settings", () => {
  it("default to 127.0.0.1:8080 with no public URL, and reject a bad one", () => {
    expect(loadConfig({}).web).toEqual({ host: "127.0.0.1", port: 8080, publicUrl: undefined });
    expect(loadConfig({ WEB_PORT: "9000", WEB_HOST: "0.0.0.0", PUBLIC_URL: "https://x.org" }).web).toEqual({
      host: "0.0.0.0",
      port: 9000,
      publicUrl: "https://x.org",
    });
    expect(() => loadConfig({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ WEB_PORT: "70000" })).toThrow(/WEB_PORT/);
  });
});

describe("finding the quote", () => {
  const key = (text: string) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");

  it("ignores line breaks, end-of-line hyphens, ligatures and quote styles", () => {
    const page = key("which is conducive to improving envi-\nronmental quality and eco\ufb01ne “systems”");
    expect(locate(page, 'improving environmental quality and ecofine "systems"')).not.toBeNull();
  });

  it("falls back to the longest head of the quote found (a quote that runs past the page)", () => {
    const page = key("Volunteers counted migratory shorebirds at four estuaries");
    const found = locate(
      page,
      "Volunteers counted migratory shorebirds at four estuaries every spring for three years.",
    );
    expect(found).toEqual([0, page.length]);
    expect(locate(page, "Nothing of this sentence is on the page at all")).toBeNull();
  });

  it("finds the passage that holds a quote", () => {
    const chunk = (id: string, text: string): Chunk => ({
      id,
      text,
      meta: { file: "f", title: "t", section: "", page: null, start: 0, end: 0, year: null },
    });
    const passages = [
      chunk("a", "First passage about tides."),
      chunk("b", "Volunteers counted\nmigratory shore-birds."),
    ];
    expect(findCitedPassage(passages, "volunteers counted migratory shorebirds")?.id).toBe("b");
    expect(findCitedPassage(passages, "absent words")).toBeUndefined();
  });
});
