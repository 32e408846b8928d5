import type { Chunk } from "../core/types.js";
import { chunkBlocks, type ChunkingOptions } from "./chunk-blocks.js";
import { cleanText } from "./clean-text.js";
import type { DocumentInfo } from "./corpus-manifest.js";
import { hashContent, type LoadedDocument } from "./load-document.js";
import { parseBlocks } from "./parse-blocks.js";

export interface CleanedDocument {
  file: string;
  title: string;
  year: number | null;
  /** The cleaned text chunk offsets refer to; pages joined by blank lines. */
  text: string;
  /** Start offset of each page in `text` (PDFs); empty for text files. */
  pageStarts: { page: number; start: number }[];
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
  for (const page of doc.pages) {
    const cleaned = cleanText(page.text);
    if (cleaned === "") continue;
    if (text !== "") text += "\n\n";
    if (page.page !== null) pageStarts.push({ page: page.page, start: text.length });
    text += cleaned;
  }
  return {
    file: doc.file,
    title: info?.title ?? firstLine(text) ?? doc.file,
    year: info?.year ?? null,
    text,
    pageStarts,
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
  return chunkBlocks(parseBlocks(doc.text), options).map((c, i) => ({
    id: `${doc.file}#${i}-${hashContent(c.text).slice(0, 8)}`,
    text: c.text,
    meta: {
      file: doc.file,
      title: doc.title,
      section: c.sectionPath.join(" › "),
      page: pageAt(doc, c.start),
      start: c.start,
      end: c.end,
      year: doc.year,
    },
  }));
}
