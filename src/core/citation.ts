import type { Citation, Passage } from "./types.js";

/** Citation `n` of a passage: where it comes from (file, title, section, page) and the quote shown. */
export function citationOf(passage: Passage, n: number, quote: string): Citation {
  const { file, title, section, page } = passage.meta;
  return { n, file, title, section, page, quote };
}
