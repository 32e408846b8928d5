import { stemmer } from "stemmer";
import type { Passage } from "../core/types.js";
import { americanSpelling } from "../store/spelling.js";
import { canonicalMarker, markerNumbers } from "./citation-forms.js";
import { notFoundSentinel } from "./not-found-sentinel.js";
import { terms } from "./quotes.js";
import { isRefusal } from "./refusal.js";

/**
 * Checks one sentence of a generated answer against the passages it cites: claims, not markers.
 *   cited     – names at least one given passage, and what it states is found there (kept, with only
 *               its valid markers)
 *   uncited   – no marker, and nothing in it that the given passages do not say (kept, shown uncited)
 *   refusal   – says the documents do not hold the answer ("The passages do not mention …")
 *   dropped   – its only markers name passages that were not given, or it states what the passages
 *               it cites (or, uncited, all the passages) do not say
 */
export type SentenceVerdict =
  | { kind: "cited"; text: string; cites: number[] }
  | { kind: "uncited"; text: string }
  | { kind: "refusal"; text: string }
  | { kind: "dropped"; reason: "invalid-citation" | "unsupported" | "empty" };

/** What the check knows of each given passage, computed once per answer. */
export interface PassageFacts {
  numbers: Set<string>;
  stems: Set<string>;
}

/** Numbers as written in a text, digits only ("2,000" → "2000", "3.5" kept): years, amounts, counts. */
function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,(?=\d{3}\b)/g, "").replace(/,/g, "."));
}

// Only numbers of two digits or more are checked: a model that counts the items of a list ("3 areas")
// writes a number the passage never spells out, while years, amounts and percentages are copied.
const minCheckedDigits = 2;

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const term of terms(text)) if (/^\p{Script=Latin}+$/u.test(term)) out.add(stemmer(americanSpelling(term)));
  return out;
}

export function passageFacts(passage: Passage): PassageFacts {
  const numbers = new Set<string>();
  // The model sees the title and year with the text (prompts.ts formatPassage): it may repeat them.
  const { title, year, section } = passage.meta;
  for (const n of numbersIn(`${title} ${year ?? ""} ${section} ${passage.text}`)) {
    numbers.add(n);
    // "2016-2020" also states the years in between loosely; keep the plain parts of decimals too.
    numbers.add(n.split(".")[0] ?? n);
  }
  return { numbers, stems: stems(`${title} ${section} ${passage.text}`) };
}

// Share of an uncited sentence's content words that must appear in the given passages for it to stay:
// high, because nothing marks it as checked for the reader; low enough for a connective sentence that
// rephrases the question ("The strategy names these priority areas:").
const uncitedSupport = 0.6;

/** Does the text state anything the passages do not (a number they lack, or, cited, no shared word)? */
function supported(claim: string, facts: readonly PassageFacts[], minShare: number | "any"): boolean {
  for (const n of numbersIn(claim)) {
    if (n.replace(/\D/g, "").length < minCheckedDigits) continue;
    if (!facts.some((f) => f.numbers.has(n) || f.numbers.has(n.split(".")[0] ?? n))) return false;
  }
  const own = [...stems(claim)].filter((s) => !/^\d/.test(s));
  // Sentences in other scripts (a Chinese answer about English passages) are checked on numbers only.
  if (own.length === 0) return true;
  const found = own.filter((s) => facts.some((f) => f.stems.has(s))).length;
  // Cited: one shared content word is enough, because a paraphrase keeps few of the passage's words
  // and the marker already tells the reader where to check; none at all means another topic.
  if (minShare === "any") return found >= 1;
  return found / own.length >= minShare;
}

/** Removes markers naming passages that were not given; returns the text and the valid numbers. */
function keepValidMarkers(sentence: string, passageCount: number): { text: string; valid: number[]; markers: number } {
  const valid: number[] = [];
  let markers = 0;
  const text = sentence
    .replace(new RegExp(String.raw`([ \t]*)${canonicalMarker.source}`, "g"), (_whole, space: string, body: string) => {
      markers += 1;
      const kept = markerNumbers(body).filter((n) => n >= 1 && n <= passageCount);
      valid.push(...kept);
      return kept.length > 0 ? `${space}[${[...new Set(kept)].join(", ")}]` : "";
    })
    .replace(/^ /, "")
    .replace(/ +([.,;:!?。，；：！？])/g, "$1");
  return { text, valid: [...new Set(valid)], markers };
}

const sentinel = new RegExp(String.raw`\s*\b${notFoundSentinel}\b\s*`, "g");

/** The verdict on one sentence (canonical markers, the model's own numbers). */
export function checkSentence(sentence: string, facts: readonly PassageFacts[]): SentenceVerdict {
  const { text, valid, markers } = keepValidMarkers(sentence, facts.length);
  const claim = text.replace(new RegExp(canonicalMarker.source, "g"), " ").replace(/\s+/g, " ").trim();
  if (isRefusal(claim)) return { kind: "refusal", text: text.replace(sentinel, " ").trim() };
  const cleaned = text.replace(sentinel, " ").trim();
  if (claim.replace(sentinel, "").replace(/[\W_]/g, "") === "") return { kind: "dropped", reason: "empty" };
  if (markers > 0 && valid.length === 0) return { kind: "dropped", reason: "invalid-citation" };
  if (valid.length > 0) {
    const cited = valid.map((n) => facts[n - 1]).filter((f): f is PassageFacts => f !== undefined);
    return supported(claim, cited, "any")
      ? { kind: "cited", text: cleaned, cites: valid }
      : { kind: "dropped", reason: "unsupported" };
  }
  return supported(claim, facts, uncitedSupport)
    ? { kind: "uncited", text: cleaned }
    : { kind: "dropped", reason: "unsupported" };
}
