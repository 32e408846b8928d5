import type { Chunk } from "../core/types.js";

/** Letters and digits only, lower-cased: line breaks, hyphenation and quote styles do not stop a match. */
export function matchKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Characters of the quote's key compared: the head of a sentence is enough to find its passage. */
const headKeyChars = 80;

/** The passage that holds the quote (its head, when the quote runs past the passage), or undefined. */
export function findCitedPassage(passages: readonly Chunk[], quote: string): Chunk | undefined {
  const key = matchKey(quote);
  if (key === "") return undefined;
  const head = key.slice(0, headKeyChars);
  return passages.find((p) => matchKey(p.text).includes(key)) ?? passages.find((p) => matchKey(p.text).includes(head));
}
