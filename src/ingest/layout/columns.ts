import { segmentOf, type LineSegment } from "./lines.js";

// A gutter is a vertical band, in the middle half of the page, that almost no line crosses:
// at most this share of the lines may cross it (spanning titles do)…
const gutterCrossShare = 0.1;
// …it is at least this wide (× the body font size; column gaps are 1-3 em, word spaces < 0.5 em)…
const gutterMinWidth = 1;
// …each side holds at least this share of the lines (a column may end early on a document's last page)…
const columnMinShare = 0.1;
// …and the left column's lines are full (a median line fills this share of the column), unlike the
// short label cells of a two-column table, which read row by row.
const columnFill = 0.6;

/** The x of the gutter between two columns, or undefined for a single-column page. */
export function findGutter(segments: LineSegment[], pageWidth: number, bodySize: number): number | undefined {
  // Under 6 lines a page has too little text to tell columns from a table (set by hand); the gutter is sought
  // in the middle half of the page.
  if (segments.length < 6) return undefined;
  const lo = Math.floor(pageWidth * 0.25);
  const hi = Math.ceil(pageWidth * 0.75);
  const crossing = new Array<number>(hi - lo + 1).fill(0);
  for (const s of segments) {
    // Counted per line: a line covers x when one of its items does (the gap between columns is not covered).
    const covered = new Set<number>();
    for (const item of s.items) {
      for (let x = Math.max(lo, Math.floor(item.x)); x <= Math.min(hi, Math.ceil(item.x + item.width)); x++)
        covered.add(x);
    }
    for (const x of covered) crossing[x - lo] = (crossing[x - lo] ?? 0) + 1;
  }
  const limit = segments.length * gutterCrossShare;
  let best: { from: number; to: number } | undefined;
  let runStart: number | undefined;
  for (let i = 0; i <= crossing.length; i++) {
    const open = i < crossing.length && (crossing[i] ?? 0) <= limit;
    if (open && runStart === undefined) runStart = i;
    if (!open && runStart !== undefined) {
      if (!best || i - runStart > best.to - best.from) best = { from: runStart, to: i };
      runStart = undefined;
    }
  }
  if (!best || best.to - best.from < gutterMinWidth * bodySize) return undefined;
  const gutter = lo + (best.from + best.to) / 2;
  const left = segments.filter((s) => s.x0 < gutter).length;
  const right = segments.filter((s) => s.x1 > gutter).length;
  // At least 3 lines a side, whatever the share: two stray lines beside a margin are not a column (set by hand).
  if (Math.min(left, right) < Math.max(3, segments.length * columnMinShare)) return undefined;
  const leftEdge = Math.min(...segments.map((s) => s.x0));
  const leftWidths = segments.filter((s) => s.x0 < gutter).map((s) => Math.min(s.x1, gutter) - s.x0);
  const medianWidth = [...leftWidths].sort((a, b) => a - b)[Math.floor(leftWidths.length / 2)] ?? 0;
  if (medianWidth < columnFill * (gutter - leftEdge)) return undefined;
  return gutter;
}

/**
 * Orders a page's segments for reading: top to bottom, and on a two-column page down the left column,
 * then down the right one. A line that spans the gutter (a title across both columns) ends the columns
 * above it, so text below it starts a new pair of columns.
 */
export function readingOrder(segments: LineSegment[], pageWidth: number, bodySize: number): LineSegment[] {
  const topDown = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const gutter = findGutter(topDown, pageWidth, bodySize);
  if (gutter === undefined) return mergeRows(topDown);
  const out: LineSegment[] = [];
  const split = topDown.flatMap((s) => splitAtGutter(s, gutter));
  let left: LineSegment[] = [];
  let right: LineSegment[] = [];
  const flush = () => {
    out.push(...mergeRows(left), ...mergeRows(right));
    left = [];
    right = [];
  };
  for (const s of split) {
    if (s.x1 <= gutter) left.push(s);
    else if (s.x0 >= gutter) right.push(s);
    else {
      flush();
      out.push(s);
    }
  }
  flush();
  return out;
}

/** A line that runs across both columns with only a gap at the gutter is one line of each column. */
function splitAtGutter(segment: LineSegment, gutter: number): LineSegment[] {
  if (segment.x1 <= gutter || segment.x0 >= gutter) return [segment];
  if (segment.items.some((i) => i.x < gutter && i.x + i.width > gutter)) return [segment];
  const left = segment.items.filter((i) => i.x < gutter);
  const right = segment.items.filter((i) => i.x >= gutter);
  return left.length > 0 && right.length > 0 ? [segmentOf(left), segmentOf(right)] : [segment];
}

/** Segments of one single-column row (cells of a table row, a split header) read as one line. */
function mergeRows(segments: LineSegment[]): LineSegment[] {
  const out: LineSegment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && Math.abs(last.y - s.y) < 0.5 * Math.max(last.size, s.size)) {
      out[out.length - 1] = {
        ...last,
        text: `${last.text} ${s.text}`,
        x0: Math.min(last.x0, s.x0),
        x1: Math.max(last.x1, s.x1),
        items: [...last.items, ...s.items],
      };
    } else {
      out.push(s);
    }
  }
  return out;
}
