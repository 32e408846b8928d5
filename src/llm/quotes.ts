import { citationOf } from "../core/citation.js";
import { splitTextSentences, truncate } from "../text/index.js";
import type { Citation, Passage } from "../core/types.js";

// A quote long enough for the sentence(s) a claim rests on, short enough to read under the answer.
const maxQuoteChars = 400;
const stopwords = new Set(
  "the and for with that this from are was were has have had its their which into also been will shall than such these those other about under between over more most they them our your not but can may all any each both".split(
    " ",
  ),
);

/** Content words of a text (three letters or more, no stopwords), lower case. */
export function terms(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length >= 3 && !stopwords.has(t)));
}

function sentences(text: string): string[] {
  return splitTextSentences(text);
}

function shorten(text: string, max: number): string {
  return truncate(text, max);
}

/** The sentences of the answer that carry citation n (after renumbering). */
function claimsCiting(answer: string, n: number): string[] {
  const marker = new RegExp(String.raw`\[(?:\d+,\s*)*${n}(?:,\s*\d+)*\]`);
  return sentences(answer).filter((s) => marker.test(s));
}

/** Index of the passage sentence sharing most words with the claim (normalised by length), or -1. */
function bestSupport(claim: Set<string>, candidates: readonly Set<string>[]): number {
  let best = -1;
  let bestScore = 0;
  candidates.forEach((own, i) => {
    let shared = 0;
    for (const t of own) if (claim.has(t)) shared += 1;
    const score = shared / Math.sqrt(own.size + 1);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The passage sentences that best support what the answer says with [n] (one per citing sentence
 * of the answer, in the passage's order), so a reader can check each claim against the source; the
 * passage's opening when no sentence shares a word with the claims.
 */
export function pickQuote(passage: Passage, answer: string, n: number): string {
  const candidates = sentences(passage.text);
  const candidateTerms = candidates.map(terms);
  const chosen = new Set<number>();
  for (const claim of claimsCiting(answer, n)) {
    const best = bestSupport(terms(claim), candidateTerms);
    if (best >= 0) chosen.add(best);
  }
  if (chosen.size === 0) return shorten(candidates.join(" "), maxQuoteChars);
  const picked = [...chosen].sort((a, b) => a - b).map((i) => candidates[i] ?? "");
  return shorten(picked.join(" … "), maxQuoteChars);
}

/** Citations for the renumbered answer: `order[i]` is the original number (1-based) of citation i+1. */
export function citationsFor(answer: string, order: readonly number[], passages: readonly Passage[]): Citation[] {
  const citations: Citation[] = [];
  order.forEach((original, index) => {
    const passage = passages[original - 1];
    if (!passage) return;
    const n = index + 1;
    citations.push(citationOf(passage, n, pickQuote(passage, answer, n)));
  });
  return citations;
}
