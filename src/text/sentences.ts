const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// Abbreviations after which Intl.Segmenter wrongly ends a sentence in these documents.
// Titles, and single capital initials such as "H. E." (His Excellency) or "J. Smith".
const abbreviation = /(?:\b(?:Mr|Ms|Mrs|Dr|Prof|No|e\.g|i\.e|etc|Art|Para|Vol|St)|\b[A-Z])\.\s*$/;

/** A sentence and where it sits in the text it came from (`text === source.slice(start, end)`). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Where the sentences of one paragraph are (Intl.Segmenter, with the documents' abbreviations and paragraph
 * numbers joined back), without the whitespace around them. A line break ends a sentence unless the next
 * line starts in lower case.
 */
export function sentenceSpans(paragraph: string): SentenceSpan[] {
  const spans: { start: number; end: number }[] = [];
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const previous = spans.at(-1);
    const previousText = previous && paragraph.slice(previous.start, previous.end);
    // Join back what the segmenter cut after an abbreviation or a paragraph number ("28."), or before
    // a continuation that starts in lower case.
    const numberOnly = previousText !== undefined && /^\s*\d{1,3}\.\s*$/.test(previousText);
    if (
      previous !== undefined &&
      previousText !== undefined &&
      (numberOnly || abbreviation.test(previousText) || /^[a-z0-9(]/.test(segment.trim()))
    ) {
      previous.end = index + segment.length;
    } else {
      spans.push({ start: index, end: index + segment.length });
    }
  }
  return spans
    .map(({ start, end }) => {
      const raw = paragraph.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      return { text, start: start + lead, end: start + lead + text.length };
    })
    .filter((s) => s.text.length > 0);
}

/** Splits one paragraph into sentences. The one sentence splitter of the code base: every caller uses it. */
export function splitSentences(paragraph: string): string[] {
  return sentenceSpans(paragraph).map((s) => s.text);
}

/** Sentences of a multi-line text: each line (paragraph) split on its own, whitespace folded. */
export function splitTextSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => splitSentences(line))
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}
