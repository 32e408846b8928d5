import type { TextItem } from "./text-items.js";

/** Text on one baseline that reads as one piece (a header's left part, one column's line, …). */
export interface LineSegment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline of the segment's main text. */
  y: number;
  /** Font size of most of the segment's characters. */
  size: number;
  items: TextItem[];
}

// Items whose baselines differ by less than this share a line (× the larger font size): superscript
// markers (raised ~0.4 em) stay on their line, consecutive lines (≥ 1 em apart) do not.
const sameLineTolerance = 0.6;
// A horizontal gap wider than this (× font size) separates two segments of one line (header left/right
// parts, table cells); justified word spacing stays well below it.
const segmentGap = 2.5;
// A gap wider than this (× font size) between two items means a word space when none is written.
const wordGap = 0.15;

const isBlank = (item: TextItem) => item.text.trim() === "";

function dominantSize(items: TextItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    if (isBlank(item)) continue;
    const size = Math.round(item.size * 10) / 10;
    weight.set(size, (weight.get(size) ?? 0) + item.text.length);
  }
  let best = items[0]?.size ?? 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

export function segmentOf(items: TextItem[]): LineSegment {
  const size = dominantSize(items);
  // The baseline of the main-size text, not of a raised footnote marker.
  const main = items.filter((i) => !isBlank(i) && Math.abs(i.size - size) < 0.5);
  const y = (main[0] ?? items[0])?.y ?? 0;
  let text = "";
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text !== "" && !/\s$/.test(text) && !/^\s/.test(item.text) && gap > wordGap * item.size) text += " ";
    text += item.text;
    end = Math.max(end, item.x + item.width);
  }
  const visible = items.filter((i) => !isBlank(i));
  return {
    text: text.replace(/\s+/g, " ").trim(),
    x0: Math.min(...visible.map((i) => i.x)),
    x1: Math.max(...visible.map((i) => i.x + i.width)),
    y,
    size,
    items: visible,
  };
}

/** Groups a page's items into segments: same baseline, then split at wide horizontal gaps. */
export function buildSegments(items: TextItem[]): LineSegment[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const line = lines.find((l) => {
      const ref = l[0];
      return ref !== undefined && Math.abs(ref.y - item.y) < sameLineTolerance * Math.max(ref.size, item.size);
    });
    if (line) line.push(item);
    else lines.push([item]);
  }
  const segments: LineSegment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: TextItem[] = [];
    let end = -Infinity;
    for (const item of line) {
      if (!isBlank(item) && current.some((i) => !isBlank(i)) && item.x - end > segmentGap * item.size) {
        segments.push(segmentOf(current));
        current = [];
      }
      current.push(item);
      if (!isBlank(item)) end = Math.max(end, item.x + item.width);
    }
    if (current.some((i) => !isBlank(i))) segments.push(segmentOf(current));
  }
  return segments.filter((s) => s.text !== "").sort((a, b) => b.y - a.y || a.x0 - b.x0);
}

export { dominantSize };
