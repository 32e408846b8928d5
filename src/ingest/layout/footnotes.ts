import { segmentOf, type LineSegment } from "./lines.js";

// Footnotes are set smaller than the body: a line whose size is at most this share of the body size
// (word processors use 10/12 ≈ 0.83, LaTeX and groff 8-9/10-11 ≈ 0.8).
const footnoteSizeShare = 0.9;
// A footnote marker in the body is smaller than the text around it (superscripts are ~0.6-0.7 em).
const markerSizeShare = 0.85;
const footnoteStart = /^(?:\d{1,3}|[*†‡§¶])(?=\s|[A-Z(])/;

export interface FootnoteSplit {
  body: LineSegment[];
  footnotes: string[];
}

/**
 * Takes the footnote block off the bottom of a page (lines in reading order): the run of small-type
 * lines after the last body-size line, when it opens with a marker. Each marker starts a new footnote.
 */
export function splitFootnotes(lines: LineSegment[], bodySize: number): FootnoteSplit {
  let first = lines.length;
  while (first > 0 && (lines[first - 1]?.size ?? bodySize) <= bodySize * footnoteSizeShare) first--;
  const block = lines.slice(first);
  if (block.length === 0 || first === 0 || !footnoteStart.test(block[0]?.text ?? ""))
    return { body: lines, footnotes: [] };
  // The block must sit below the body, not beside it (a small-type sidebar or caption at the foot of a column).
  const lastBody = lines[first - 1];
  if (lastBody && Math.max(...block.map((l) => l.y)) > lastBody.y) return { body: lines, footnotes: [] };
  const footnotes: string[] = [];
  for (const line of block) {
    if (footnoteStart.test(line.text) || footnotes.length === 0) footnotes.push(line.text);
    else footnotes[footnotes.length - 1] = joinLine(footnotes[footnotes.length - 1] ?? "", line.text);
  }
  return { body: lines.slice(0, first), footnotes };
}

/** Joins two lines of one paragraph, undoing an end-of-line hyphenation. */
export function joinLine(previous: string, next: string): string {
  const hyphenated = /([A-Za-z])-$/.exec(previous);
  if (hyphenated && /^[a-z]/.test(next)) return previous.slice(0, -1) + next;
  if (/-$/.test(previous)) return previous + next;
  return `${previous} ${next}`;
}

/** Drops footnote reference markers (small raised digits or symbols) from a body line. */
export function dropReferenceMarkers(segment: LineSegment): LineSegment {
  // A marker opening the segment is a footnote's own number, kept.
  const markers = segment.items.filter(
    (i, index) =>
      index > 0 &&
      i.size < segment.size * markerSizeShare &&
      // Raised by more than 0.15 em above the baseline (set by hand): a superscript, not a small-caps letter.
      i.y > segment.y + segment.size * 0.15 &&
      /^\s*(?:\d{1,3}|[*†‡§¶])\s*$/.test(i.text),
  );
  if (markers.length === 0) return segment;
  return segmentOf(segment.items.filter((i) => !markers.includes(i)));
}
