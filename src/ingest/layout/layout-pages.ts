import { readingOrder } from "./columns.js";
import { dropReferenceMarkers, splitFootnotes } from "./footnotes.js";
import { buildSegments, dominantSize, type LineSegment } from "./lines.js";
import { removeRunningLines, type SegmentedPage } from "./running-lines.js";
import type { PositionedPage } from "./text-items.js";

export interface LaidOutPage {
  page: number;
  /** Body text in reading order: one line per printed line, a blank line between paragraphs. */
  text: string;
  /** Footnotes printed on this page, one string each. */
  footnotes: string[];
}

// A vertical gap wider than this (× the usual line spacing) ends a paragraph (space before headings and
// between paragraphs is 1.5-2 lines; line spacing varies by less than 20 % within a paragraph).
const paragraphGap = 1.35;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Typical distance between consecutive baselines of one paragraph, over the whole document. */
function lineSpacing(pages: LineSegment[][], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = (lines[i - 1]?.y ?? 0) - (lines[i]?.y ?? 0);
      // Gaps of 0.5-3 em are line steps; smaller ones are sub/superscripts, larger ones paragraph or column
      // breaks. 1.2 em (a typesetter's usual leading) when a document has none. Set by hand.
      if (gap > 0.5 * bodySize && gap < 3 * bodySize) gaps.push(gap);
    }
  }
  return median(gaps) || bodySize * 1.2;
}

/** Word forms written with a hyphen inside a line ("China-ASEAN", "long-term"): such a hyphen at a line end stays. */
function hyphenatedWords(pages: LineSegment[][]): Set<string> {
  const words = new Set<string>();
  for (const lines of pages) {
    for (const line of lines) {
      for (const match of line.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) words.add(match[0].toLowerCase());
    }
  }
  return words;
}

/**
 * Joins a word broken at the end of `previous` with its rest at the start of `next`: the whole word goes
 * on the first line. A hyphen before a capital or digit ("China-/ASEAN", "2009-/2015") or one the
 * document also prints inside a line stays; a typesetter's hyphen ("environ-/mental") goes.
 */
function joinBrokenWord(
  previous: string,
  next: string,
  compounds: Set<string>,
): { previous: string; next: string } | undefined {
  const head = /(\p{L}+)-$/u.exec(previous);
  const tail = /^(\S+)\s*/u.exec(next);
  if (!head?.[1] || !tail?.[1]) return undefined;
  const rest = next.slice(tail[0].length);
  const word = /^[\p{L}\p{N}]/u.test(tail[1]) ? tail[1] : undefined;
  if (!word) return undefined;
  const bare = /^[\p{L}]+/u.exec(word)?.[0] ?? "";
  // "win-/win": a doubled word is a compound, never a typesetter's break.
  const doubled = head[1].toLowerCase() === bare.toLowerCase();
  const keepHyphen = !/^\p{Ll}/u.test(word) || doubled || compounds.has(`${head[1]}-${bare}`.toLowerCase());
  return { previous: keepHyphen ? previous + word : previous.slice(0, -1) + word, next: rest };
}

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

// The running title is often also printed, larger, as the title of a first page: up to this many
// lines near the top of a page that together say exactly the running title are that repeat.
const titleLines = 3;

/** Drops a page's own copy of the running title (the title is the document's, kept in its metadata). */
function dropRunningTitle(lines: LineSegment[], runningTexts: Set<string>): LineSegment[] {
  if (runningTexts.size === 0) return lines;
  for (let from = 0; from <= titleLines; from++) {
    let joined = "";
    for (let to = from; to < Math.min(lines.length, from + titleLines); to++) {
      joined += squash(lines[to]?.text ?? "");
      if (runningTexts.has(joined)) return [...lines.slice(0, from), ...lines.slice(to + 1)];
    }
  }
  return lines;
}

interface PageLines {
  page: number;
  lines: { text: string; breakBefore: boolean }[];
  footnotes: string[];
}

/**
 * Turns positioned text into page-true text: running headers and footers removed, footnotes taken out,
 * columns read in order, paragraphs separated, broken words joined (across pages too, onto the page
 * where the word starts).
 */
export function layoutPages(pages: PositionedPage[]): LaidOutPage[] {
  return layoutDocument(pages).pages;
}

/** `layoutPages`, plus the running title (the longest running header), which is usually the document's title. */
export function layoutDocument(pages: PositionedPage[]): { pages: LaidOutPage[]; runningTitle?: string } {
  const segmented: SegmentedPage[] = pages.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    segments: buildSegments(p.items),
  }));
  const { pages: withoutRunning, removed } = removeRunningLines(segmented);
  // A running line of 12+ characters is a title worth finding again in the body; shorter ones ("Page 3",
  // "CAEC") would match ordinary text (set by hand).
  const runningTexts = new Set(removed.map(squash).filter((t) => t.length >= 12));
  const bodySize = dominantSize(pages.flatMap((p) => p.items));
  const ordered = withoutRunning.map((p) => {
    const lines = dropRunningTitle(readingOrder(p.segments.map(dropReferenceMarkers), p.width, bodySize), runningTexts);
    return { page: p.page, ...splitFootnotes(lines, bodySize) };
  });
  const spacing = lineSpacing(
    ordered.map((p) => p.body),
    bodySize,
  );
  const compounds = hyphenatedWords(ordered.map((p) => p.body));

  const pageLines: PageLines[] = ordered.map((p) => ({
    page: p.page,
    footnotes: p.footnotes,
    lines: p.body.map((line, i) => {
      const previous = p.body[i - 1];
      const gap = previous ? previous.y - line.y : 0;
      return { text: line.text, breakBefore: previous !== undefined && gap > paragraphGap * spacing };
    }),
  }));

  // Broken words: within a page, then from the last line of one page to the first of the next.
  const flat = pageLines.flatMap((p) => p.lines);
  for (let i = 0; i + 1 < flat.length; i++) {
    const line = flat[i];
    const next = flat[i + 1];
    if (!line || !next || next.breakBefore) continue;
    const joined = joinBrokenWord(line.text, next.text, compounds);
    if (joined) {
      line.text = joined.previous;
      next.text = joined.next;
    }
  }

  const headers = removed.filter((t) => t.length >= 12 && !/^\d|\d$/.test(t));
  const runningTitle = headers.sort(
    (a, b) => headers.filter((h) => h === b).length - headers.filter((h) => h === a).length,
  )[0];
  const laidOut = pageLines.map((p) => ({
    page: p.page,
    text: p.lines
      .filter((l) => l.text.trim() !== "")
      .map((l, i) => (l.breakBefore && i > 0 ? `\n${l.text}` : l.text))
      .join("\n")
      .normalize("NFKC"),
    footnotes: p.footnotes.map((f) => f.normalize("NFKC")),
  }));
  return { pages: laidOut, ...(runningTitle ? { runningTitle: runningTitle.normalize("NFKC") } : {}) };
}
