/**
 * Checks and renumbers [n] citation markers in generated text, as it streams.
 *
 * The model sees passages numbered 1..passageCount. A marker naming only passages that were not
 * given is removed (with the space before it); the valid ones are renumbered 1..m in order of first
 * appearance, so the reply's sources list holds exactly the passages cited. Text that merely looks
 * like a bracket ("[sic]", "[Annex]") is left alone. Markers may be split across chunks: a "[" is
 * held back until its "]" (or until it cannot be a marker).
 */
export class CitationFilter {
  /** Original passage numbers (1-based) in the order of their new numbers: order[0] is cited as [1]. */
  readonly order: number[] = [];
  /** Markers dropped because they named no passage that was given. */
  removed = 0;

  private readonly renumbered = new Map<number, number>();
  private bracket: string | null = null;
  private space = "";
  private justRemoved = false;
  private out = "";

  constructor(private readonly passageCount: number) {}

  /** Feeds generated text; returns the checked text that can be shown now. */
  push(chunk: string): string {
    for (const char of chunk) this.consume(char);
    return this.take();
  }

  /** Ends the stream: returns what was held back (an unclosed "[" is plain text). Trailing space is dropped. */
  flush(): string {
    while (this.bracket !== null) {
      const held = this.bracket;
      this.bracket = null;
      this.emit("[");
      for (const char of held.slice(1)) this.consume(char);
    }
    this.space = "";
    return this.take();
  }

  private take(): string {
    const text = this.out;
    this.out = "";
    return text;
  }

  private consume(char: string): void {
    if (this.bracket !== null) {
      this.bracket += char;
      if (char === "]") {
        const held = this.bracket;
        this.bracket = null;
        this.resolve(held);
      } else if (this.bracket.length > maxMarkerLength || !markerChar.test(char)) {
        // Not a marker after all: the "[" is text, and the rest is read again (it may hold a "[").
        const held = this.bracket;
        this.bracket = null;
        this.emit("[");
        for (const c of held.slice(1)) this.consume(c);
      }
      return;
    }
    if (char === "[") {
      this.bracket = "[";
    } else if (/\s/.test(char)) {
      this.space += char;
    } else {
      this.emit(char);
    }
  }

  private resolve(marker: string): void {
    const numbers = parseMarker(marker);
    if (numbers === null) {
      this.emit(marker);
      return;
    }
    const valid = numbers.filter((n) => n >= 1 && n <= this.passageCount);
    if (valid.length === 0) {
      this.removed += 1;
      this.justRemoved = true;
      return;
    }
    const renumbered = [...new Set(valid.map((n) => this.numberFor(n)))].sort((a, b) => a - b);
    this.emit(`[${renumbered.join(", ")}]`);
  }

  private numberFor(original: number): number {
    let n = this.renumbered.get(original);
    if (n === undefined) {
      this.order.push(original);
      n = this.order.length;
      this.renumbered.set(original, n);
    }
    return n;
  }

  /** Writes visible text, with the whitespace held before it (tidied where a marker was removed). */
  private emit(text: string): void {
    let space = this.space;
    if (this.justRemoved) {
      if (space.includes("\n")) space = space.replace(/[^\n]/g, "");
      else if (/^[.,;:!?)]/.test(text)) space = "";
      else if (space !== "") space = " ";
    }
    this.out += space + text;
    this.space = "";
    this.justRemoved = false;
  }
}

const maxMarkerLength = 40;
const markerChar = /[0-9A-Za-z ,;\-–]/;
const prefix = String.raw`(?:(?:passages?|sources?|refs?\.?)\s*)?`;
const item = String.raw`${prefix}\d{1,3}(?:\s*[-–]\s*\d{1,3})?`;
const markerPattern = new RegExp(String.raw`^\[\s*(${item}(?:\s*[,;]\s*${item})*)\s*\]$`, "i");

/** The passage numbers a marker names ("[2]", "[1, 3]", "[2-4]", "[Passage 5]"), or null if it is no marker. */
export function parseMarker(marker: string): number[] | null {
  const match = markerPattern.exec(marker);
  if (!match?.[1]) return null;
  const numbers: number[] = [];
  for (const part of match[1].split(/[,;]/)) {
    const range = /(\d+)(?:\s*[-–]\s*(\d+))?/.exec(part);
    if (!range?.[1]) continue;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from > 20) {
      numbers.push(from);
      continue;
    }
    for (let n = from; n <= to; n += 1) numbers.push(n);
  }
  return numbers;
}

export interface FilteredCitations {
  text: string;
  /** Original passage numbers in the order of the new numbers. */
  order: number[];
  removed: number;
}

/** The whole-text form of CitationFilter, for replies that were not streamed. */
export function filterCitations(text: string, passageCount: number): FilteredCitations {
  const filter = new CitationFilter(passageCount);
  const out = filter.push(text) + filter.flush();
  return { text: out.trim(), order: [...filter.order], removed: filter.removed };
}
