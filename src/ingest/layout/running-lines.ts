import type { LineSegment } from "./lines.js";

export interface SegmentedPage {
  page: number;
  width: number;
  height: number;
  segments: LineSegment[];
}

// Running headers and footers sit in the outer band of the page: this share of its height at the top
// and at the bottom (A4 and letter margins are 5-12 %; 15 % leaves room for two-line headers).
const marginShare = 0.15;
// Only the outermost lines of a page can be running lines (a header with two rows, a footer under a rule).
const marginLines = 2;

const roman = "[ivxlcdm]{1,7}";
/** "3", "- 3 -", "– 3 –", "Page 3", "Page 3 of 12", "3 / 12", "p. 3", "iv", "[3]". */
export const pageNumberPattern = new RegExp(
  `^[\\s\\-–—|·•\\[\\](){}]*(?:(?:page|pg\\.?|p\\.|seite|página)\\s*)?(?:\\d{1,4}|${roman})(?:\\s*(?:of|/|von|de)\\s*\\d{1,4})?[\\s\\-–—|·•\\[\\](){}]*$`,
  "i",
);
const datePattern =
  /^(?:[a-z]{3,9},?\s+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?$/i;
const timePattern = /^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i;
const urlPattern = /^(?:(?:https?|file|ftp):\/\/\S+|www\.\S+|(?:[a-z]:)?[\\/](?:[^\\/\s]+[\\/])+[^\\/\s]+)$/i;

/** A margin line that is furniture by its form alone: page number, print date or time, URL or file path. */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  return pageNumberPattern.test(t) || datePattern.test(t) || timePattern.test(t) || urlPattern.test(t);
}

// Numbers are ignored when comparing lines up to this length ("Page 3 of 12", "Chapter 2 – Results"):
// longer lines must repeat exactly, or a body line with a different number on each page would match.
const numberFreeKeyChars = 40;

/** Page numbers and dates vary from page to page; the rest of a running line does not. */
function repeatKey(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  return t.length <= numberFreeKeyChars ? t.replace(/\d+/g, "#") : t;
}

function marginSegments(page: SegmentedPage): { segment: LineSegment; zone: "top" | "bottom" | "edge" }[] {
  const baselines = [...new Set(page.segments.map((s) => s.y))].sort((a, b) => b - a);
  const top = new Set(baselines.slice(0, marginLines).filter((y) => y >= page.height * (1 - marginShare)));
  const bottom = new Set(baselines.slice(-marginLines).filter((y) => y <= page.height * marginShare));
  const out: { segment: LineSegment; zone: "top" | "bottom" | "edge" }[] = [];
  const first = baselines[0];
  const last = baselines.at(-1);
  for (const segment of page.segments) {
    if (top.has(segment.y)) out.push({ segment, zone: "top" });
    else if (bottom.has(segment.y)) out.push({ segment, zone: "bottom" });
    // On a page that is not full the page number follows the text: the first and last lines are
    // checked for page furniture by form (not by repetition) wherever they sit.
    else if (segment.y === first || segment.y === last) out.push({ segment, zone: "edge" });
  }
  return out;
}

/**
 * Removes running headers and footers: segments in the outer lines of a page that either look like page
 * furniture (page numbers in any form, print dates, URLs and file paths of a browser print) or repeat, up
 * to their numbers, at the same place on another page. Returns the removed strings too (for tests).
 */
export function removeRunningLines(pages: SegmentedPage[]): { pages: SegmentedPage[]; removed: string[] } {
  const candidates = pages.map(marginSegments);
  const seen = new Map<string, Set<number>>();
  const placeKey = (zone: string, segment: LineSegment) => `${zone}|${repeatKey(segment.text)}`;
  candidates.forEach((list, pageIndex) => {
    for (const { segment, zone } of list) {
      const key = placeKey(zone, segment);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)?.add(pageIndex);
    }
  });
  const removed: string[] = [];
  const cleaned = pages.map((page, pageIndex) => {
    const drop = new Set<LineSegment>();
    for (const { segment, zone } of candidates[pageIndex] ?? []) {
      // On 2+ pages at the same place: a running line. Two is the fewest that can repeat (a two-page
      // document's header), at the cost of dropping a line two pages happen to share (set by hand).
      const repeats = zone !== "edge" && (seen.get(placeKey(zone, segment))?.size ?? 0) >= 2;
      if (repeats || isPageFurniture(segment.text)) drop.add(segment);
    }
    // A lone part of a header row ("About Us" beside the repeated title) goes with the rest of its row.
    for (const segment of [...drop]) {
      for (const other of candidates[pageIndex] ?? []) {
        // Up to 80 characters, a header part; a longer line on that baseline is body text (set by hand).
        if (other.zone !== "edge" && other.segment.y === segment.y && other.segment.text.length <= 80)
          drop.add(other.segment);
      }
    }
    for (const segment of drop) removed.push(segment.text);
    return { ...page, segments: page.segments.filter((s) => !drop.has(s)) };
  });
  return { pages: cleaned, removed };
}
