import type { Passage } from "../core/types.js";
import { sentenceSpans } from "../text/index.js";
import { canonicalMarker, endsAtSourcesList, markerNumbers, normaliseCitations, TitleIndex } from "./citation-forms.js";
import { checkSentence, passageFacts, type PassageFacts } from "./claim-check.js";
import { ReasoningFilter } from "./reasoning.js";

/** A sentence of the visible reply, with the whitespace before it. */
interface Segment {
  separator: string;
  text: string;
}

/** Sentences of a text (each line split on its own), each with the whitespace that precedes it. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let cursor = 0;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    for (const sentence of sentenceSpans(line)) {
      out.push({ separator: text.slice(cursor, lineStart + sentence.start), text: sentence.text });
      cursor = lineStart + sentence.end;
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** Does this sentence start with words (not a marker, a bracket or a quote still being written)? */
function startsWithWords(text: string): boolean {
  return /^[-*#>•\s_`~]*[\p{L}\p{N}]/u.test(text);
}

// Sentence-ending punctuation (optionally closed by markers, quotes, brackets or emphasis): a sentence of
// a reply cut by the token limit is kept only when it ends like this.
const complete = /[.!?。！？:：;；](?:\s*\[\d{1,3}(?:, \d{1,3})*\])*[\s"'”’)*_]*$/;

export interface CheckedReply {
  /** The checked answer: kept sentences, markers renumbered 1..m in order of first appearance. */
  text: string;
  /** Original passage numbers (1-based) in the order of the new numbers: order[0] is cited as [1]. */
  order: number[];
  /** Sentences kept with a valid, supporting citation. */
  cited: number;
  /** Sentences saying the documents do not hold the answer. */
  refusals: number;
  /** Sentences dropped, by reason. */
  dropped: { invalidCitation: number; unsupported: number };
  /** The reply was cut by the token limit (or stopped midway) and its unfinished sentence left out. */
  truncated: boolean;
  /** The reply held visible text at all (after reasoning blocks were removed). */
  hadText: boolean;
  /** The model's reasoning block(s) were removed. */
  hadReasoning: boolean;
  /** Everything released to the reader while streaming (a prefix of `text` unless `restarted`). */
  released: string;
  /** An orphan </think> showed that text already released was reasoning: the final text differs. */
  restarted: boolean;
}

/**
 * Turns a streamed reply into checked text, sentence by sentence. Each sentence is released only once it is
 * complete (the next one has begun, or the reply ended) and its citations are checked; uncited sentences
 * and refusals are held until a cited sentence is released, so a reply that ends uncited or says "not
 * found" has shown nothing. Feeding the whole reply at once gives the same text as streaming it.
 */
export class CheckedStream {
  private readonly facts: PassageFacts[];
  private readonly titles: TitleIndex;
  private readonly reasoning = new ReasoningFilter();
  private readonly renumbered = new Map<number, number>();
  private readonly order: number[] = [];
  private processed = 0;
  private held: string[] = [];
  private pendingSeparator = "";
  private out = "";
  private released = "";
  private cited = 0;
  private refusals = 0;
  private invalidCitation = 0;
  private unsupported = 0;
  private truncated = false;
  /** The last check stopped at a sentence that may be released once more text arrives. */
  private waiting = false;

  constructor(passages: readonly Passage[]) {
    this.facts = passages.map(passageFacts);
    this.titles = new TitleIndex(passages.map((p) => p.meta.title));
  }

  /** Feeds raw reply text; returns the checked text that can be shown now (often ""). */
  push(chunk: string): string {
    const restartedBefore = this.reasoning.restarted;
    this.reasoning.push(chunk);
    if (this.reasoning.restarted && !restartedBefore) this.restart();
    // Re-reading the whole reply for each token costs O(n²): a piece of only letters and spaces can
    // complete nothing unless a sentence end is already waiting for the next sentence to begin.
    if (!this.waiting && !/[^\p{L}\p{N} ]/u.test(chunk)) return "";
    return this.process(false, false);
  }

  /**
   * Ends the reply. `cut` says it did not end on its own (finish_reason "length", or the stream broke):
   * its last sentence is kept only if it is complete.
   */
  end(cut = false): { released: string; reply: CheckedReply } {
    const restartedBefore = this.reasoning.restarted;
    this.reasoning.end();
    if (this.reasoning.restarted && !restartedBefore) this.restart();
    const released = this.process(true, cut);
    const visible = this.reasoning.visible;
    return {
      released,
      reply: {
        text: this.out.trim(),
        order: [...this.order],
        cited: this.cited,
        refusals: this.refusals,
        dropped: { invalidCitation: this.invalidCitation, unsupported: this.unsupported },
        truncated: this.truncated,
        hadText: visible.trim() !== "",
        hadReasoning: this.reasoning.sawReasoning,
        released: this.released + released,
        restarted: this.reasoning.restarted,
      },
    };
  }

  /** Text already checked was reasoning after all: start the answer again (what was shown stays shown). */
  private restart(): void {
    this.processed = 0;
    this.held = [];
    this.out = "";
    this.pendingSeparator = "";
    this.order.length = 0;
    this.renumbered.clear();
    this.cited = this.refusals = this.invalidCitation = this.unsupported = 0;
  }

  private process(final: boolean, cut: boolean): string {
    const text = normaliseCitations(this.reasoning.visible, this.titles, final);
    const sentences = segments(text);
    const listStarted = endsAtSourcesList(this.reasoning.visible);
    let release = "";
    for (let i = this.processed; i < sentences.length; i += 1) {
      const sentence = sentences[i];
      if (!sentence) break;
      const next = sentences[i + 1];
      const last = next === undefined;
      if (!final && (last ? !listStarted : !startsWithWords(next.text))) break;
      if (final && last && cut && !complete.test(sentence.text)) {
        this.truncated = true;
        this.processed = i + 1;
        break;
      }
      this.processed = i + 1;
      release += this.accept(sentence);
    }
    const unprocessed = sentences.slice(this.processed);
    this.waiting = unprocessed.length >= 2 || complete.test(unprocessed[0]?.text ?? "");
    if (final && cut) this.truncated = true;
    if (release !== "") this.released += release;
    return release;
  }

  /** Checks one complete sentence; returns what can be shown now. */
  private accept(sentence: Segment): string {
    const separator = this.strongest(this.pendingSeparator, sentence.separator);
    const verdict = checkSentence(sentence.text, this.facts);
    if (verdict.kind === "dropped") {
      if (verdict.reason === "invalid-citation") this.invalidCitation += 1;
      if (verdict.reason === "unsupported") this.unsupported += 1;
      this.pendingSeparator = separator;
      return "";
    }
    this.pendingSeparator = "";
    if (verdict.kind === "refusal") this.refusals += 1;
    if (verdict.kind !== "cited") {
      const piece = this.out === "" && this.held.length === 0 ? verdict.text : `${separator}${verdict.text}`;
      if (this.cited === 0) {
        this.held.push(piece);
        return "";
      }
      this.out += piece;
      return piece;
    }
    this.cited += 1;
    const text = verdict.text.replace(new RegExp(canonicalMarker.source, "g"), (_whole, body: string) => {
      const numbers = [...new Set(markerNumbers(body).map((n) => this.numberFor(n)))].sort((a, b) => a - b);
      return `[${numbers.join(", ")}]`;
    });
    const piece = `${this.held.join("")}${this.out === "" && this.held.length === 0 ? "" : separator}${text}`;
    this.held = [];
    this.out += piece;
    return piece;
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

  /** Of two separators, the one that keeps the layout: a paragraph break over a line break over a space. */
  private strongest(a: string, b: string): string {
    const rank = (s: string) => (s.includes("\n\n") ? 3 : s.includes("\n") ? 2 : s === "" ? 0 : 1);
    const best = rank(a) >= rank(b) ? a : b;
    return best === "" ? "" : rank(best) === 1 ? " " : best.replace(/[^\n]/g, "");
  }
}
