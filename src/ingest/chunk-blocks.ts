import { footnotesHeading } from "./clean-text.js";
import { sentenceSpans, splitSentences } from "../text/index.js";
import type { Block, PageBreak } from "./parse-blocks.js";

const footnotesSection = footnotesHeading.replace(/^#+\s*/, "");

export interface ChunkingOptions {
  /** A chunk grows by whole units (a paragraph with its list) until it passes this many characters. */
  targetChars: number;
  /** A single unit longer than this is split at sentence or item boundaries. Lists up to this stay whole. */
  maxChars: number;
}

// Smaller chunks rank one idea each (sharper retrieval, more chunks to embed); larger ones keep a paragraph
// with its list. Set by hand: 700/2400 give the corpus 191 chunks, median 536 characters, none near the cap
// (changing them needs a re-ingest, so they were not swept with `coopdocs eval`).
export const defaultChunking: ChunkingOptions = { targetChars: 700, maxChars: 2400 };

export interface TextChunk {
  text: string;
  /** Section headings from the outermost in, e.g. ["4. Areas of Cooperation", "4.1 Policy Dialogue and Exchange"]. */
  sectionPath: string[];
  start: number;
  end: number;
}

interface Unit {
  lines: string[];
  start: number;
  end: number;
}

/** The page of a document offset; null for files without pages. */
export type PageOf = (offset: number) => number | null;

/** Where the sentence that holds offset `at` ends (the one sentence splitter, `src/text`); `at` itself when a sentence starts there. */
function endOfSentenceAt(text: string, at: number): number {
  const sentence = sentenceSpans(text).find((s) => s.end > at);
  if (!sentence) return text.length;
  return sentence.start >= at ? at : sentence.end;
}

/**
 * Cuts a block's text where it runs onto the next page, so each piece is cited by the page that prints
 * it. A sentence cut by the break is kept whole in the first piece (a quote is cited by the page where
 * it starts), and the second piece starts at the break, so both pages' words stay findable.
 */
export function splitAtPageBreaks(
  text: string,
  start: number,
  breaks: PageBreak[] = [],
): { text: string; start: number }[] {
  if (breaks.length === 0) return [{ text, start }];
  const pieces: { text: string; start: number }[] = [];
  let from = 0;
  let pieceStart = start;
  for (const b of breaks) {
    const upTo = endOfSentenceAt(text, b.at);
    const piece = text.slice(from, upTo).trim();
    if (piece !== "") pieces.push({ text: piece, start: pieceStart });
    from = b.at;
    pieceStart = b.offset;
  }
  const rest = text.slice(from).trim();
  if (rest !== "") pieces.push({ text: rest, start: pieceStart });
  return pieces;
}

function splitLong(unit: Unit, options: ChunkingOptions): Unit[] {
  const size = unit.lines.reduce((sum, line) => sum + line.length + 1, 0);
  if (size <= options.maxChars) return [unit];
  // A paragraph of several lines is a table (the only block whose text keeps line breaks): `withinLimit`
  // splits it by rows with its header repeated; cut into sentences here, its rows would be run together.
  if (unit.lines.length === 1 && unit.lines[0]?.includes("\n")) return [unit];
  // Break into pieces at item boundaries first, then sentences; the first line (lead-in) is repeated
  // at the head of every piece of a list so each piece still says what the list is about.
  const pieces: Unit[] = [];
  const leadIn = unit.lines.length > 1 ? unit.lines[0] : undefined;
  const parts = unit.lines.length > 1 ? unit.lines.slice(1) : splitSentences(unit.lines[0] ?? "");
  let current: string[] = leadIn ? [leadIn] : [];
  let length = leadIn?.length ?? 0;
  for (const part of parts) {
    // Pieces of a split unit may run to 1.5 × the target (set by hand): fewer, fuller pieces, each under maxChars.
    if (length + part.length > options.targetChars * 1.5 && current.length > (leadIn ? 1 : 0)) {
      pieces.push({ lines: current, start: unit.start, end: unit.end });
      current = leadIn ? [`${leadIn} (continued)`] : [];
      length = leadIn?.length ?? 0;
    }
    current.push(part);
    length += part.length + 1;
  }
  if (current.length > 0)
    pieces.push({ lines: leadIn ? current : [current.join(" ")], start: unit.start, end: unit.end });
  return leadIn ? pieces : pieces.map((p) => ({ ...p, lines: [p.lines.join(" ")] }));
}

/**
 * Groups blocks into chunks that follow the document's structure: a chunk never crosses a heading,
 * a paragraph stays with the list items that follow it, and tables of contents become one chunk
 * per top-level entry (so "the nine areas of cooperation" is findable as a list).
 */
export function chunkBlocks(blocks: Block[], options: ChunkingOptions = defaultChunking, pageOf?: PageOf): TextChunk[] {
  const chunks: TextChunk[] = [];
  const path: { level: number; text: string }[] = [];
  let units: Unit[] = [];

  const sectionPath = () => path.map((h) => h.text);
  const flush = () => {
    let group: Unit[] = [];
    let size = 0;
    const emit = () => {
      const first = group[0];
      const last = group.at(-1);
      if (first && last) {
        chunks.push({
          text: group.map((u) => u.lines.join("\n")).join("\n"),
          sectionPath: sectionPath(),
          start: first.start,
          end: last.end,
        });
      }
      group = [];
      size = 0;
    };
    for (const unit of units.flatMap((u) => splitLong(u, options))) {
      const unitSize = unit.lines.reduce((sum, line) => sum + line.length + 1, 0);
      // Footnotes are unrelated to each other: one chunk each. A chunk holds the text of one page.
      const separate =
        path.at(-1)?.text === footnotesSection ||
        (pageOf !== undefined && group[0] !== undefined && pageOf(group[0].start) !== pageOf(unit.start));
      if (size > 0 && (separate || size + unitSize > options.targetChars)) emit();
      group.push(unit);
      size += unitSize;
    }
    emit();
    units = [];
  };

  for (const block of blocks) {
    switch (block.kind) {
      case "heading": {
        flush();
        while (path.length > 0 && (path.at(-1)?.level ?? 0) >= block.level) path.pop();
        // The footnotes gathered at the end belong to no section of the body (an all-caps "ANNEX" is level 0).
        if (block.text === footnotesSection) path.length = 0;
        path.push({ level: block.level, text: block.text });
        break;
      }
      case "toc": {
        flush();
        chunks.push(...tocChunks(block, sectionPath()));
        break;
      }
      case "paragraph": {
        for (const piece of splitAtPageBreaks(block.text, block.start, pageOf ? block.pageBreaks : [])) {
          const last = units.at(-1);
          // A lead-in ("… are as follows:") stays with the paragraph it introduces, as with list items.
          if (
            last &&
            /:\s*$/.test(last.lines.at(-1) ?? "") &&
            (pageOf === undefined || pageOf(last.start) === pageOf(piece.start))
          ) {
            last.lines.push(piece.text);
            last.end = block.end;
          } else {
            units.push({ lines: [piece.text], start: piece.start, end: block.end });
          }
        }
        break;
      }
      case "item": {
        splitAtPageBreaks(block.text, block.start, pageOf ? block.pageBreaks : []).forEach((piece, i) => {
          const last = units.at(-1);
          const line = i === 0 ? `${block.marker} ${piece.text}` : piece.text;
          // An item stays with its lead-in paragraph unless a page break lies between them.
          if (last && (pageOf === undefined || pageOf(last.start) === pageOf(piece.start))) {
            last.lines.push(line);
            last.end = block.end;
          } else {
            units.push({ lines: [line], start: piece.start, end: block.end });
          }
        });
        break;
      }
    }
  }
  flush();
  return chunks.flatMap((chunk) => withinLimit(chunk, options.maxChars));
}

const tableRow = /^\|.*\|$/;
const tableSeparator = /^\|[\s:|-]+\|$/;

/**
 * The hard limit, whatever the block type: a chunk longer than `maxChars` is split, a table by rows with
 * its header rows repeated at the head of each piece, other text at line, sentence or word boundaries,
 * and as a last resort every `maxChars` characters.
 */
export function withinLimit(chunk: TextChunk, maxChars: number): TextChunk[] {
  if (chunk.text.length <= maxChars) return [chunk];
  const lines = chunk.text.split("\n");
  const tableStart = lines.findIndex((line) => tableRow.test(line));
  const header =
    tableStart >= 0 && tableSeparator.test(lines[tableStart + 1] ?? "") ? lines.slice(tableStart, tableStart + 2) : [];
  const headerText = header.join("\n");
  // A header too long to repeat is not repeated (over half the limit it would crowd out the rows; set by hand).
  const repeat = headerText.length > 0 && headerText.length < maxChars / 2 ? header : [];
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  const push = () => {
    if (current.length > 0 && current.some((line) => !repeat.includes(line))) pieces.push(current.join("\n"));
    current = tableRow.test(pieces.at(-1)?.split("\n").at(-1) ?? "") ? [...repeat] : [];
    size = current.reduce((sum, line) => sum + line.length + 1, 0);
  };
  const units = lines.flatMap((line) => (line.length <= maxChars ? [line] : splitLongLine(line, maxChars)));
  for (const unit of units) {
    if (size + unit.length + 1 > maxChars && current.length > 0) push();
    current.push(unit);
    size += unit.length + 1;
  }
  push();
  return pieces.map((text) => ({ ...chunk, text }));
}

/** A line longer than the limit: sentences, then words, then a hard cut. */
function splitLongLine(line: string, maxChars: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > maxChars) {
    const sentence = sentenceSpans(rest)
      .map((s) => s.end)
      .filter((end) => end <= maxChars && end < rest.length)
      .at(-1);
    const space = rest.slice(0, maxChars).lastIndexOf(" ");
    // A cut in the first half of the window would leave a short piece: then a word, then a hard cut (set by hand).
    const cut = sentence !== undefined && sentence > maxChars / 2 ? sentence : space > maxChars / 2 ? space : maxChars;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** One chunk per top-level table-of-contents entry with its sub-entries, page numbers already gone. */
function tocChunks(block: Extract<Block, { kind: "toc" }>, outer: string[]): TextChunk[] {
  const groups: string[][] = [];
  for (const entry of block.entries) {
    const isSub = /^\d+\.\d+/.test(entry);
    const group = groups.at(-1);
    if (isSub && group) group.push(entry);
    else groups.push([entry]);
  }
  // Single entries without sub-entries are gathered so the outline of the document is one chunk.
  const outline = groups.filter((g) => g.length === 1).map((g) => g[0] ?? "");
  const withSubs = groups.filter((g) => g.length > 1);
  const chunks: TextChunk[] = withSubs.map((group) => ({
    text: `${group[0]}:\n${group.slice(1).join("\n")}`,
    sectionPath: [...outer, "Table of Contents", group[0] ?? ""],
    start: block.start,
    end: block.end,
  }));
  if (outline.length > 1) {
    chunks.push({
      text: outline.join("\n"),
      sectionPath: [...outer, "Table of Contents"],
      start: block.start,
      end: block.end,
    });
  }
  return chunks;
}
