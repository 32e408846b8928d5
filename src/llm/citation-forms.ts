import { normalizeText } from "../text/index.js";

/**
 * The citation forms real models write, normalised to "[n]" markers (or "[a, b]" for one marker
 * naming several passages), keeping the model's own passage numbers: checking and renumbering come
 * after (claim-check.ts, checked-stream.ts). Forms read:
 *   [1]  [1, 2]  [1; 2]  [1][2]  [1-3]  【1】  【1†source】  [^1]  [1†L3-L5]  [citation:1]
 *   (1) at the end of a sentence  [Passage 2]  (Passage 2)  [Sources 1 and 3]  <sup>1</sup>
 *   "Passage 2" in running text  段落2 / 第2段  a passage title in brackets, or quoted
 * Footnote definitions ("[^1]: Passage 1") and a trailing "Sources:" list are removed.
 */

/** A canonical marker, as this module writes it. */
export const canonicalMarker = /\[(\d{1,3}(?:, \d{1,3})*)\]/g;

/** The passage numbers of a canonical marker's body ("1, 3"). */
export function markerNumbers(body: string): number[] {
  return body.split(", ").map(Number);
}

// Words models put before a number inside a citation.
const sourceWord = String.raw`(?:passages?|sources?|refs?|references?|docs?|documents?|citations?|excerpts?|chunks?|contexts?|段落|来源|资料)`;
const numberItem = String.raw`(?:${sourceWord}\.?\s*:?\s*)?#?\d{1,3}(?:\s*[-–—~]\s*\d{1,3})?(?:†[^,;\]】]*)?`;
const itemSeparator = String.raw`\s*(?:[,;、，]|\band\b|&|和|及)\s*`;
const numberBody = new RegExp(String.raw`^\s*\^?\s*${numberItem}(?:${itemSeparator}${numberItem})*\s*$`, "i");
// A range wider than this is not a citation range ("[2010-2020]" is a span of years).
const maxRange = 20;

/** The passage numbers a citation body names ("2", "1, 3", "2-4", "Passage 5", "^1", "1†source"), or null. */
export function parseCitationBody(body: string): number[] | null {
  if (!numberBody.test(body)) return null;
  const numbers: number[] = [];
  for (const part of body.replace(/†[^,;\]】]*/g, "").matchAll(/(\d{1,3})(?:\s*[-–—~]\s*(\d{1,3}))?/g)) {
    const from = Number(part[1]);
    const to = part[2] === undefined ? from : Number(part[2]);
    if (to < from || to - from > maxRange) {
      numbers.push(from);
      continue;
    }
    for (let n = from; n <= to; n += 1) numbers.push(n);
  }
  return numbers.length > 0 ? numbers : null;
}

/** Folds a title for comparison: case, dashes, quotes, punctuation and spacing. */
function titleKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// A title shorter than this is too likely to be an ordinary word in brackets ("[Annex]").
const minTitleChars = 6;

/** Looks up passage titles written instead of numbers. */
export class TitleIndex {
  private readonly byKey = new Map<string, number[]>();

  constructor(titles: readonly string[]) {
    titles.forEach((title, i) => {
      const key = titleKey(title);
      if (key.length < minTitleChars) return;
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), i + 1]);
    });
  }

  /** The passages (1-based) whose title this text names, allowing a year, page or section after it. */
  lookup(text: string): number[] | null {
    const key = titleKey(text.replace(/^\s*(?:title|source|document|passage)\s*:\s*/i, ""));
    if (key.length < minTitleChars) return null;
    const exact = this.byKey.get(key);
    if (exact) return exact;
    for (const [title, numbers] of this.byKey) {
      if (!key.startsWith(`${title} `)) continue;
      const rest = key.slice(title.length).trim();
      if (/^(?:\d{4}\s*)?(?:(?:p|pp|page|section)\s*\d+\s*)?$/.test(rest)) return numbers;
    }
    return null;
  }
}

function marker(numbers: readonly number[]): string {
  return `[${[...new Set(numbers)].join(", ")}]`;
}

/** Reads a bracketed body as numbers first, then as a title. */
function bodyNumbers(body: string, titles: TitleIndex): number[] | null {
  return parseCitationBody(body) ?? titles.lookup(body);
}

/** Sentence-ending punctuation, Latin and CJK. */
const terminal = String.raw`[.!?。！？]`;

/**
 * Normalises every citation form in `text` to canonical markers with the model's own numbers.
 * `final` says the text is complete: only then is an unfinished last line read as a footnote
 * definition or a sources heading.
 */
export function normaliseCitations(text: string, titles: TitleIndex, final = false): string {
  let out = text;
  // <sup>1</sup>, <sup>[1]</sup>, <sup>1,2</sup>
  out = out.replace(/<sup>\s*\[?([^<\]]{1,40})\]?\s*<\/sup>/gi, (whole, body: string) => {
    const numbers = parseCitationBody(body);
    return numbers ? marker(numbers) : whole;
  });
  // 【1】, 【1†source】, 【Passage 2】, 【About CAEC】
  out = out.replace(/【([^】]{1,200})】/g, (whole, body: string) => {
    const numbers = bodyNumbers(body, titles);
    return numbers ? marker(numbers) : whole;
  });
  // [1], [1, 2], [^1], [Passage 2], [citation:1], [About CAEC]; "[[1]]" is left as written.
  out = out.replace(/(?<!\[)\[([^[\]\n]{1,200})\](?!\])(?!\()/g, (whole, body: string) => {
    const numbers = bodyNumbers(body, titles);
    return numbers ? marker(numbers) : whole;
  });
  // (Passage 2), (Sources 1 and 3), (About CAEC) anywhere; a bare (1) or (1, 2) only where a citation
  // goes: before or after sentence-ending punctuation, or at the end of a line. A "(1)" opening a list
  // item or inside a sentence is numbering, not a citation.
  out = out.replace(/\(([^()\n]{1,200})\)/g, (whole, body: string, offset: number, all: string) => {
    const bare = /^\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*$/.test(body);
    if (bare) {
      const before = all.slice(0, offset);
      const after = all.slice(offset + whole.length);
      const atEnd = new RegExp(String.raw`^(?:${terminal}|[ \t]*(?:\n|$))`).test(after);
      const afterSentence = new RegExp(String.raw`${terminal}[ \t]*$`).test(before) && /^(?:\s|$)/.test(after);
      const lineStart = /(?:^|\n)[ \t]*$/.test(before);
      if (lineStart || !(atEnd || afterSentence)) return whole;
      const numbers = parseCitationBody(body);
      return numbers ? marker(numbers) : whole;
    }
    if (!new RegExp(String.raw`^\s*${sourceWord}`, "i").test(body) && titles.lookup(body) === null) return whole;
    const numbers = bodyNumbers(body, titles);
    return numbers ? marker(numbers) : whole;
  });
  // "according to Passage 2", "passages 1 and 3" in running text; Chinese 段落2 / 第2段.
  out = out.replace(/\b(?:passages?|sources?)\s+(\[\d{1,3}(?:, \d{1,3})*\])/gi, "$1");
  out = out.replace(
    new RegExp(String.raw`\b(?:passages?|sources?)\s+(\d{1,3}(?:${itemSeparator}\d{1,3})*)\b(?!\s*[-–]\s*\d)`, "gi"),
    (_whole, body: string) => marker(parseCitationBody(body) ?? []),
  );
  out = out.replace(/(?:段落|来源|文段)\s*(\d{1,3})|第\s*(\d{1,3})\s*段/g, (_whole, a?: string, b?: string) =>
    marker([Number(a ?? b)]),
  );
  // A quoted title: the words stay, the marker is added after them.
  out = out.replace(/(["“「《])([^"“”「」《》\n]{6,200})(["”」》])(?!\s*\[\d)/g, (whole, _open, body: string) => {
    const numbers = titles.lookup(body);
    return numbers ? `${whole} ${marker(numbers)}` : whole;
  });
  return removeSourceLists(moveMarkersBeforePunctuation(out), final);
}

/** "established in 2010. [1]" → "established in 2010 [1]." so the marker stays with its sentence. */
function moveMarkersBeforePunctuation(text: string): string {
  const pattern = new RegExp(String.raw`(${terminal})((?:[ \t]*\[\d{1,3}(?:, \d{1,3})*\])+)`, "g");
  return (
    text
      .replace(pattern, (_whole, punctuation: string, markers: string) => {
        const joined = markers.replace(/[ \t]+/g, "");
        return /[。！？]/.test(punctuation) ? `${joined}${punctuation}` : ` ${joined}${punctuation}`;
      })
      .replace(/[ \t]+(\[\d{1,3}(?:, \d{1,3})*\])/g, " $1")
      // A marker glued to a word ("areas【1】" → "areas [1]"); Chinese text keeps it glued.
      .replace(/(?<=[\p{Script=Latin}\p{N}%)"'”’*_])(\[\d{1,3}(?:, \d{1,3})*\])/gu, " $1")
  );
}

// A heading that starts the list of sources some models add after the answer: alone on its line, or
// followed by a colon and the list.
const headingWord = String.raw`^[ \t]*(?:[#*_>]+[ \t]*)*(?:sources?|references?|citations?|bibliography|参考(?:资料|文献)?|来源|出处|引用)[ \t]*(?:[*_]+[ \t]*)?`;
const headingWithColon = new RegExp(String.raw`${headingWord}[:：]`, "im");
const headingAlone = new RegExp(String.raw`${headingWord}(?:[*_]+)?[ \t]*\n`, "im");
// "[^1]: Passage 1 — About CAEC", "[1]: …" footnote definitions (after normalisation "[1]: …").
const footnoteDefinition = /^[ \t]*\[\d{1,3}(?:, \d{1,3})*\]:.*(?:\n|$)/gm;

/** Where a sources list starts (its heading), or -1. */
function sourcesListStart(text: string, final: boolean): number {
  const withColon = headingWithColon.exec(text);
  const alone = headingAlone.exec(final ? `${text}\n` : text);
  const starts = [withColon?.index, alone?.index].filter((i): i is number => i !== undefined);
  return starts.length > 0 ? Math.min(...starts) : -1;
}

/** Drops footnote definitions (complete lines) and everything from a "Sources:" heading on. */
function removeSourceLists(text: string, final: boolean): string {
  const start = sourcesListStart(text, final);
  const body = start >= 0 ? text.slice(0, start) : text;
  const lastNewline = body.lastIndexOf("\n");
  const complete = final ? body : body.slice(0, lastNewline + 1);
  const tail = final ? "" : body.slice(lastNewline + 1);
  return (complete.replace(footnoteDefinition, "") + tail).replace(/\n{3,}/g, "\n\n");
}

/** True when a sources heading has been written: nothing after it is answer text. */
export function endsAtSourcesList(text: string): boolean {
  return sourcesListStart(text, false) >= 0;
}
