import { contentTerms } from "../store/lexical-index.js";

// The same sentences and headings are read for every question: stemming them once keeps the answer
// under 100 ms warm. Bounded so a long-running server does not grow without limit.
const maxEntries = 50_000;
const cache = new Map<string, string[]>();

/** contentTerms, remembered per text. */
export function termsOf(text: string): string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const terms = contentTerms(text);
  if (cache.size >= maxEntries) cache.clear();
  cache.set(text, terms);
  return terms;
}
