/** Where a block's text continues on a new page: index in `text`, and offset of that page's line in the document. */
export interface PageBreak {
  at: number;
  offset: number;
}

/** A structural unit of a document, found from its own numbering and layout. */
export type Block =
  | { kind: "heading"; level: number; text: string; start: number; end: number }
  | { kind: "paragraph"; text: string; start: number; end: number; pageBreaks?: PageBreak[] }
  | { kind: "item"; marker: string; text: string; start: number; end: number; pageBreaks?: PageBreak[] }
  | { kind: "toc"; entries: string[]; start: number; end: number };

const romanNumeral = "(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)";
const markers = {
  markdownHeading: /^(#{1,6})\s+(.*)$/,
  subsection: /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$/,
  numbered: /^(\d{1,3})\.\s+(\S.*)$/,
  roman: new RegExp(`^(${romanNumeral})\\.\\s+(\\S.*)$`),
  item: /^(\([a-z]{1,4}\)|\([ivx]{1,5}\)|[a-z]\)|[ivx]{1,5}\)|•|\*|-)\s+(\S.*)$/,
  tableOfContents: /^(table of contents|contents)$/i,
};

/** True when a line opens a new block rather than continuing the previous one. */
function startsBlock(line: string): boolean {
  return (
    markers.markdownHeading.test(line) ||
    markers.subsection.test(line) ||
    markers.numbered.test(line) ||
    markers.roman.test(line) ||
    markers.item.test(line)
  );
}

const endsSentence = /[.:;!?"”)]$/;
// An all-caps line of 2+ words and at most 120 characters is a heading ("ANNEX I"); longer all-caps text is
// shouted body text. Set by hand on the corpus's PDFs.
const isAllCaps = (text: string): boolean =>
  /[A-Z]{3}/.test(text) && text === text.toUpperCase() && text.split(/\s+/).length >= 2 && text.length <= 120;

interface RawBlock {
  text: string;
  start: number;
  end: number;
  /** The block began after a blank line (so it may be a stand-alone heading or label). */
  afterBlank: boolean;
  pageBreaks: PageBreak[];
  /** A list item whose bullet glyph the extraction lost (see `startsUnmarkedItem`). */
  unmarkedItem?: boolean;
}

/**
 * A bulleted list whose bullets the PDF extraction dropped reads as hard-wrapped lines: "…projects;" then
 * "Mutual learning …". A line ending in ";" before a capitalised line is an item boundary, which prose
 * wrapping almost never produces; once in such a run, a "." before a capitalised line is one too (the last
 * item of a group). Without this the whole list is one long "sentence" that no list question can use.
 */
function startsUnmarkedItem(previous: RawBlock, previousLine: string, line: string): boolean {
  if (!/^[A-Z][a-z]/.test(line)) return false;
  return previousLine.endsWith(";") || (previous.unmarkedItem === true && previousLine.endsWith("."));
}

/**
 * Joins physical lines into logical blocks: a blank line or a structural marker starts a new block;
 * other lines continue the current one (hard-wrapped PDF text). Leading "- " that PDF extraction put
 * before numbered paragraphs and list markers is dropped.
 */
function joinLines(text: string, pageStarts: number[], oneBlockPerLine: boolean): RawBlock[] {
  const pageIndex = (offset: number) => {
    let index = 0;
    while (index < pageStarts.length && (pageStarts[index] ?? Infinity) <= offset) index++;
    return index;
  };
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined;
  let sawBlank = true;
  let offset = 0;
  let previousLine = "";
  for (const rawLine of text.split("\n")) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    let line = rawLine.trim();
    if (line === "") {
      sawBlank = true;
      continue;
    }
    // "- 39. The overall..." / "- (a) organizing..." : the dash is an extraction artefact.
    const dashed = /^-\s+(.*)$/.exec(line);
    let forcedContinuation = false;
    if (dashed?.[1] && (startsBlock(dashed[1]) || /^[a-z]/.test(dashed[1]))) {
      line = dashed[1];
    } else if (dashed?.[1] && current && sawBlank && continuesAcrossBreak(current.text, dashed[1])) {
      // "- CAEC developed ..." after a paragraph cut mid-sentence at a page break continues it.
      line = dashed[1];
      forcedContinuation = true;
    }

    const previous = current;
    const unmarkedItem =
      !oneBlockPerLine && previous !== undefined && !sawBlank && startsUnmarkedItem(previous, previousLine, line);
    const continues =
      !oneBlockPerLine &&
      previous !== undefined &&
      !unmarkedItem &&
      (forcedContinuation || !startsBlock(line)) &&
      !markers.tableOfContents.test(line) &&
      // An all-caps heading ("ANNEX I") is not run into the title line under it, only into its own wrapped
      // all-caps line.
      !(isAllCaps(previous.text) && !isAllCaps(line)) &&
      (!sawBlank || continuesAcrossBreak(previous.text, line));
    previousLine = line;
    if (continues && previous) {
      if (pageIndex(lineStart) > pageIndex(previous.pageBreaks.at(-1)?.offset ?? previous.start)) {
        previous.pageBreaks.push({ at: previous.text.length + 1, offset: lineStart });
      }
      // Table rows stay one per line, so the chunker can split a long table by rows.
      const tableRow = /^\|.*\|$/;
      const rowBreak = tableRow.test(line) && tableRow.test(previous.text.slice(previous.text.lastIndexOf("\n") + 1));
      previous.text = `${previous.text}${rowBreak ? "\n" : " "}${line}`;
      previous.end = lineStart + rawLine.length;
    } else {
      // The first item of the run is the block before it, unless that one has a marker of its own
      // ("52. Activity: Improve …;").
      if (unmarkedItem && previous && !startsBlock(previous.text)) previous.unmarkedItem = true;
      current = {
        text: line,
        start: lineStart,
        end: lineStart + rawLine.length,
        afterBlank: sawBlank && !oneBlockPerLine,
        pageBreaks: [],
        ...(unmarkedItem ? { unmarkedItem } : {}),
      };
      blocks.push(current);
    }
    sawBlank = false;
  }
  return blocks;
}

/** After a blank line (a page break in PDFs), text continues the previous block when that was cut mid-sentence. */
function continuesAcrossBreak(previous: string, line: string): boolean {
  if (endsSentence.test(previous)) return false;
  // Set by hand: a lower-case line continues anything past a label (40); another line only a paragraph past
  // two lines of text (80), so a short title before a blank line is not run into the next paragraph.
  if (/^[a-z]/.test(line)) return previous.length > 40;
  return previous.length > 80 && !isAllCaps(line);
}

function headingLevel(text: string): { level: number; text: string } | undefined {
  const md = markers.markdownHeading.exec(text);
  if (md?.[1] && md[2]) return { level: md[1].length, text: md[2].trim() };
  if (isAllCaps(text) && !/[.:;,]$/.test(text)) return { level: 0, text };
  const sub = markers.subsection.exec(text);
  // Length caps (130 numbered subsections, 100 roman, 110 numbered): a heading is a line; past that it is a
  // numbered paragraph. Set by hand on the corpus's longest headings.
  // "3.1 ... include but are not limited to:" introduces a list: a lead-in paragraph, not a heading.
  if (sub?.[1] && text.length <= 130 && !/[;:,]$/.test(text)) return { level: sub[1].split(".").length + 1, text };
  const roman = markers.roman.exec(text);
  if (roman && text.length <= 100 && !endsSentence.test(text)) return { level: 1, text };
  const numbered = markers.numbered.exec(text);
  if (numbered?.[2] && text.length <= 110 && !/[.:;,!?"”]$/.test(text) && /^[A-Z]/.test(numbered[2])) {
    return { level: 2, text };
  }
  return undefined;
}

/**
 * Parses cleaned text into headings, paragraphs, list items and table-of-contents blocks. `pageStarts`
 * (offsets where PDF pages begin) lets paragraphs and items record where they run onto the next page.
 * `oneBlockPerLine` is for text whose loader knows the paragraphs (Word, HTML): lines are never joined.
 */
export function parseBlocks(
  text: string,
  pageStarts: number[] = [],
  options: { oneBlockPerLine?: boolean } = {},
): Block[] {
  const raw = joinLines(text, pageStarts, options.oneBlockPerLine ?? false);
  const blocks: Block[] = [];
  let inToc = false;
  for (let i = 0; i < raw.length; i++) {
    const block = raw[i];
    if (!block) continue;
    const { start, end } = block;
    // Dot leaders of a table of contents ("Background........2") stand for the gap before the page number.
    const content = block.text.replace(/\s*(?:[.·…]\s?){2,}\s*(?=\d{1,3}$)/, " ");

    if (markers.tableOfContents.test(content)) {
      inToc = true;
      blocks.push({ kind: "toc", entries: [], start, end });
      continue;
    }
    const toc = blocks.at(-1);
    if (inToc && toc?.kind === "toc") {
      // Table-of-contents lines end with a page number; the table ends at the first line that does not.
      const entry = /^(.*\S)\s+\d{1,3}$/.exec(content);
      if (entry?.[1] && !block.afterBlank) {
        toc.entries.push(entry[1]);
        toc.end = end;
        continue;
      }
      if (entry?.[1] && toc.entries.length === 0) {
        toc.entries.push(entry[1]);
        toc.end = end;
        continue;
      }
      inToc = false;
    }

    const heading = headingLevel(content);
    const previous = blocks.at(-1);
    if (heading) {
      blocks.push({ kind: "heading", level: heading.level, text: heading.text, start, end });
      continue;
    }
    // Words of a heading that the PDF layout scattered over several short lines.
    if (
      previous?.kind === "heading" &&
      previous.level > 0 &&
      content.split(" ").length <= 2 &&
      !endsSentence.test(content)
    ) {
      previous.text = `${previous.text} ${content}`;
      previous.end = end;
      continue;
    }
    if (block.unmarkedItem) {
      blocks.push({
        kind: "item",
        marker: "•",
        text: content,
        start,
        end,
        ...(block.pageBreaks.length > 0 ? { pageBreaks: block.pageBreaks } : {}),
      });
      continue;
    }
    const item = markers.item.exec(content);
    if (item?.[1] && item[2]) {
      const shift = content.length - item[2].length;
      const pageBreaks = block.pageBreaks
        .filter((b) => b.at > shift)
        .map((b) => ({ at: b.at - shift, offset: b.offset }));
      blocks.push({
        kind: "item",
        marker: item[1],
        text: item[2],
        start,
        end,
        ...(pageBreaks.length > 0 ? { pageBreaks } : {}),
      });
      continue;
    }
    // A short stand-alone line before a long paragraph is an unnumbered heading ("Overview", "About Us"):
    // at most 80 characters, before a paragraph over 150 (set by hand; shorter pairs are a caption and its text).
    const next = raw[i + 1];
    const isLabel =
      block.afterBlank !== false &&
      content.length <= 80 &&
      !/[.:;,]$/.test(content) &&
      next !== undefined &&
      (next.text.length > 150 || markers.numbered.test(next.text));
    if (isLabel) {
      blocks.push({ kind: "heading", level: 9, text: content, start, end });
      continue;
    }
    blocks.push({
      kind: "paragraph",
      text: content,
      start,
      end,
      ...(block.pageBreaks.length > 0 ? { pageBreaks: block.pageBreaks } : {}),
    });
  }
  return blocks;
}
