import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/core/types.js";
import { defaultChunking } from "../../src/ingest/chunk-blocks.js";
import { chunkDocument, cleanDocument } from "../../src/ingest/chunk-document.js";
import { loadDocument } from "../../src/ingest/load-document.js";
import { sharedFormatsDir } from "../helpers/test-corpus.js";

const formatsDir = sharedFormatsDir();
if (!formatsDir)
  console.warn(
    "Skipping the real-format page tests: ../shared/formats (with pages.json) is not beside the repository.",
  );

interface PagesFile {
  source: string;
  pages: number;
  entries: { text: string; page: number }[];
  footnote_entries?: string[];
  header_by_page?: string[];
  footer_by_page?: string[];
}

/** As pages.json compares: NFKC, lower case, letters and digits only. */
const squash = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const textPdfs = ["strategy-2009-2015.groff.pdf", "strategy-2016-2020.writer.pdf", "caec-about-us.two-column.pdf"];

describe.skipIf(!formatsDir)("PDFs of ../shared/formats against pages.json", () => {
  const dir = formatsDir ?? "";
  const truth = (
    JSON.parse(readFileSync(path.join(dir || ".", "pages.json"), "utf8") || "{}") as {
      files: Record<string, PagesFile>;
    }
  ).files;
  const chunksOf = new Map<string, Chunk[]>();

  beforeAll(async () => {
    for (const file of textPdfs) {
      const loaded = await loadDocument(path.join(dir, file));
      chunksOf.set(file, chunkDocument(cleanDocument(loaded, undefined), defaultChunking));
    }
  });

  it("cites the page that prints each fragment, in at least 98 % of the fragments", () => {
    const misses: string[] = [];
    let total = 0;
    for (const file of textPdfs) {
      const chunks = chunksOf.get(file) ?? [];
      for (const entry of truth[file]?.entries ?? []) {
        total++;
        // A heading is found in the section names of the chunks under it.
        const found = chunks.filter((c) => squash(`${c.meta.section} ${c.text}`).includes(squash(entry.text)));
        if (!found.some((c) => c.meta.page === entry.page)) {
          misses.push(
            `${file}: "${entry.text}" p.${entry.page} → ${found.map((c) => c.meta.page).join(",") || "not found"}`,
          );
        }
      }
    }
    expect(total).toBeGreaterThan(50);
    expect(misses.length / total, misses.join("\n")).toBeLessThanOrEqual(0.02);
  });

  it("keeps running headers and footers out of every chunk and section name", () => {
    for (const file of textPdfs) {
      const info = truth[file];
      // A header that the document also prints as its own heading or title ("About Us") is content there.
      const sourceLines = new Set(
        readFileSync(path.join(dir, "..", "corpus", info?.source ?? ""), "utf8")
          .split("\n")
          .map((l) => l.replace(/^#+\s*/, "").trim()),
      );
      const strings = [
        ...(info?.header_by_page ?? []).flatMap((h) => h.split(" | ")),
        ...(info?.footer_by_page ?? []),
      ].filter((s) => s.trim() !== "" && !sourceLines.has(s));
      for (const chunk of chunksOf.get(file) ?? []) {
        const lines = chunk.text.split("\n").map((l) => l.trim());
        const sections = chunk.meta.section.split(" › ");
        for (const s of new Set(strings)) {
          expect(lines.includes(s) || sections.includes(s), `${file}: "${s}" in ${chunk.id}`).toBe(false);
        }
        expect(chunk.text, `${file}: page furniture in ${chunk.id}`).not.toMatch(/Page \d+ of \d+|– \d+ –/);
        expect(
          chunk.text.split("\n").some((l) => /^\d{1,3}$/.test(l.trim())),
          `${file}: a bare page number in ${chunk.id}`,
        ).toBe(false);
      }
    }
  });

  it("keeps footnotes as text of their page, out of the sentences they interrupt", () => {
    for (const file of textPdfs) {
      const chunks = chunksOf.get(file) ?? [];
      for (const text of truth[file]?.footnote_entries ?? []) {
        const page = truth[file]?.entries.find((e) => e.text === text)?.page;
        const holder = chunks.find((c) => squash(c.text).includes(squash(text)));
        expect(holder?.meta.page, `${file}: footnote "${text}"`).toBe(page);
        expect(holder?.meta.section, `${file}: footnote "${text}"`).toMatch(/Footnotes/);
      }
    }
  });

  it("joins words hyphenated at line ends and keeps real hyphens", () => {
    const all = [...chunksOf.values()]
      .flat()
      .map((c) => c.text)
      .join("\n");
    expect(all).not.toMatch(/\b(environ|coopera|par|meet)- ?\n?(mental|tion|ticipation|ings)\b/);
    expect(all).toMatch(/China-ASEAN/);
    expect(all).not.toMatch(/ChinaASEAN/);
    expect(all).toMatch(/meetings/);
    expect(all).toMatch(/participation/);
  });

  it("reads the two-column leaflet down the left column, then the right one", () => {
    const text = (chunksOf.get("caec-about-us.two-column.pdf") ?? []).map((c) => c.text).join("\n");
    const source = readFileSync(path.join(dir, "..", "corpus", "caec-about-us.txt"), "utf8");
    // Consecutive sentences of the source appear in the same order in the chunks.
    const body = source
      .split("\n")
      .filter((l) => !/^#/.test(l) && l.trim().length > 20)
      .join("\n");
    const sentences = body
      .split(/(?<=\.)\s+/)
      .map(squash)
      .filter((s) => s.length > 40);
    const flat = squash(text);
    let position = -1;
    let inOrder = 0;
    for (const s of sentences) {
      const at = flat.indexOf(s.slice(0, 40), position + 1);
      if (at >= 0) {
        inOrder++;
        position = at;
      }
    }
    expect(inOrder / sentences.length).toBeGreaterThan(0.9);
  });

  it("reads the scanned PDF by OCR, page by page, with its chunks marked as OCR", async () => {
    // About 10-30 s: two A4 pages through tesseract.js.
    const file = "est-cooperation.scanned.pdf";
    const chunks = chunkDocument(cleanDocument(await loadDocument(path.join(dir, file)), undefined), defaultChunking);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.meta.ocr === true)).toBe(true);
    const entries = truth[file]?.entries ?? [];
    const right = entries.filter((e) =>
      chunks.some((c) => c.meta.page === e.page && squash(c.text).includes(squash(e.text))),
    );
    // OCR may misread a character; nine of the ten fragments must be found whole on their page.
    expect(right.length).toBeGreaterThanOrEqual(entries.length - 1);
  }, 120_000);
});
