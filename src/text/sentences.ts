const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// Abbreviations after which Intl.Segmenter wrongly ends a sentence in these documents.
// Titles, and single capital initials such as "H. E." (His Excellency) or "J. Smith".
const abbreviation = /(?:\b(?:Mr|Ms|Mrs|Dr|Prof|No|e\.g|i\.e|etc|Art|Para|Vol|St)|\b[A-Z])\.\s*$/;

/**
 * Splits one paragraph into sentences (Intl.Segmenter, with the documents' abbreviations and paragraph
 * numbers joined back). The one sentence splitter of the code base: every caller uses it.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const previous = sentences.at(-1);
    // Join back what the segmenter cut after an abbreviation or a paragraph number ("28."), or before
    // a continuation that starts in lower case.
    const numberOnly = previous !== undefined && /^\s*\d{1,3}\.\s*$/.test(previous);
    if (previous !== undefined && (numberOnly || abbreviation.test(previous) || /^[a-z0-9(]/.test(segment.trim()))) {
      sentences[sentences.length - 1] = previous + segment;
    } else {
      sentences.push(segment);
    }
  }
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Sentences of a multi-line text: each line (paragraph) split on its own, whitespace folded. */
export function splitTextSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => splitSentences(line))
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}
