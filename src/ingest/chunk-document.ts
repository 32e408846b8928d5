import type { Chunk } from "../core/types.js";
import { chunkBlocks, type ChunkingOptions } from "./chunk-blocks.js";
import { cleanText, footnotesHeading } from "./clean-text.js";
import type { DocumentInfo } from "./corpus-manifest.js";
import { hashContent, type LoadedDocument } from "./load-document.js";
import { parseBlocks } from "./parse-blocks.js";

export interface CleanedDocument {
  file: string;
  title: string;
  year: number | null;
  /** The cleaned text chunk offsets refer to; pages joined by blank lines. */
  text: string;
  /** Start offset of each page in `text` (PDFs), in offset order; footnotes come last with their pages. */
  pageStarts: { page: number; start: number }[];
  /** Pages read by OCR. */
  ocrPages: number[];
  /** Each line is a paragraph already (Word, HTML), not a hard-wrapped line of one. */
  oneBlockPerLine: boolean;
}

/** Light clean-up for text a loader already laid out: spaces, bullets, blank lines. */
function tidyText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f\t]/g, " ")
    .replace(/^[ ]*[\uf0b7\uf0a7\u25aa\u25cf\u2022\u25e6\u2013–]\s+/gm, "• ")
    .replace(/[ ]{2,}/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function firstLine(text: string): string | undefined {
  return text
    .split("\n")
    .map((l) => l.replace(/^#+\s*/, "").trim())
    .find((l) => l.length > 0)
    ?.slice(0, 120);
}

export function cleanDocument(doc: LoadedDocument, info: DocumentInfo | undefined): CleanedDocument {
  let text = "";
  const pageStarts: { page: number; start: number }[] = [];
  const footnotes: { page: number | null; text: string }[] = [];
  for (const page of doc.pages) {
    const cleaned = doc.prepared ? tidyText(page.text) : cleanText(page.text);
    footnotes.push(
      ...(page.footnotes ?? []).map((f) => ({ page: page.page, text: tidyText(f) })).filter((f) => f.text !== ""),
    );
    if (cleaned === "") continue;
    if (text !== "") text += "\n\n";
    if (page.page !== null) pageStarts.push({ page: page.page, start: text.length });
    text += cleaned;
  }
  // Footnotes are kept, each with the page that prints it, in a section of their own at the end.
  if (footnotes.length > 0) {
    text += `\n\n${footnotesHeading}`;
    for (const f of footnotes) {
      text += "\n\n";
      if (f.page !== null) pageStarts.push({ page: f.page, start: text.length });
      text += f.text;
    }
  }
  return {
    file: doc.file,
    title: info?.title ?? doc.title ?? firstLine(text) ?? doc.file,
    year: info?.year ?? null,
    text,
    pageStarts,
    ocrPages: doc.pages.filter((p) => p.ocr && p.page !== null).map((p) => p.page ?? 0),
    oneBlockPerLine: doc.format === "docx" || doc.format === "html",
  };
}

function pageAt(doc: CleanedDocument, offset: number): number | null {
  let page: number | null = null;
  for (const p of doc.pageStarts) {
    if (p.start > offset) break;
    page = p.page;
  }
  return page;
}

/** Splits a cleaned document along its structure; every chunk carries title, section, page and offsets. */
export function chunkDocument(doc: CleanedDocument, options: ChunkingOptions): Chunk[] {
  const paged = doc.pageStarts.length > 0;
  const pageOf = paged ? (offset: number) => pageAt(doc, offset) : undefined;
  const starts = doc.pageStarts.map((p) => p.start);
  const ocr = new Set(doc.ocrPages);
  return chunkBlocks(parseBlocks(doc.text, starts, { oneBlockPerLine: doc.oneBlockPerLine }), options, pageOf).map(
    (c, i) => {
      const page = pageAt(doc, c.start);
      return {
        id: `${doc.file}#${i}-${hashContent(c.text).slice(0, 8)}`,
        text: c.text,
        meta: {
          file: doc.file,
          title: doc.title,
          section: c.sectionPath.join(" › "),
          page,
          start: c.start,
          end: c.end,
          year: doc.year,
          ...(page !== null && ocr.has(page) ? { ocr: true } : {}),
        },
      };
    },
  );
}
