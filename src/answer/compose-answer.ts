import { citationOf } from "../core/citation.js";
import { charLength, stripNumbering, truncate } from "../text/index.js";
import { contentTerms } from "../store/lexical-index.js";
import type { Answer, Passage } from "../core/types.js";
import type { ScoredUnit } from "./score-units.js";

export const notFoundAnswer = "I could not find this in the documents.";

// Longest quote of one sentence (a whole list is kept whole): a reader checks a sentence, not a paragraph.
export const maxQuoteChars = 350;
// Longest sentence shown in the answer text: 500 shortened the median answer on the tune split without
// losing a pass; 420 lost answers that sit at the edge of the question's words.
export const maxAnswerSentenceChars = 500;
// For a one-part question asking for a date, number, place or person, the window is kept around the word
// that answers it, so the sentence can be cut closer: 220 kept every pass on the public, tune and own sets (160 too, but reads as a fragment).
export const maxFactSentenceChars = 220;

/**
 * A long sentence cut to the `max` characters around the words the question asks about (the window of
 * words holding most of `terms`), marked with an ellipsis where it was cut.
 */
export function focusedQuote(
  text: string,
  terms: ReadonlySet<string>,
  max: number = maxQuoteChars,
  answerWord?: (word: string) => boolean,
): string {
  const answerWordGiven = answerWord !== undefined;
  if (charLength(text) <= max || terms.size === 0) return text;
  const words = text.split(/\s+/);
  // A word of the kind asked for (the year for "when") counts double: the window must keep the answer.
  // A word the question itself uses is not the answer ("Where is the Transfer Center?": "Center" is asked).
  const hits = words.map((w) => (contentTerms(w).some((t) => terms.has(t)) ? 1 : answerWord?.(w) ? 2 : 0));
  const scores = words.map((_, start) => {
    let length = 0;
    let score = 0;
    for (let end = start; end < words.length && length + charLength(words[end] ?? "") + 1 <= max - 2; end++) {
      length += charLength(words[end] ?? "") + 1;
      score += hits[end] ?? 0;
    }
    return score;
  });
  // Of the windows holding most of the asked words, the middle one: the answer is as often just after
  // them ("… aims to provide X") as just before.
  const top = Math.max(...scores);
  const starts = scores.flatMap((score, i) => (score === top ? [i] : []));
  // With the answering word known, the earliest such window: it keeps the sentence's opening ("In 2012, …").
  const best = (answerWordGiven ? starts[0] : starts[Math.floor(starts.length / 2)]) ?? 0;
  const head = best > 0 ? `…${words.slice(best).join(" ")}` : text;
  return truncate(head, max);
}

/** The answer text with [n] markers (lists as bullets) and one citation per quoted passage. */
export function composeAnswer(
  selected: ScoredUnit[],
  notGiven: readonly string[] = [],
  questionTerms: ReadonlySet<string> = new Set(),
  answerWord?: (word: string) => boolean,
  sentenceChars: number = answerWord ? maxFactSentenceChars : maxAnswerSentenceChars,
): Answer {
  const numbers = new Map<string, number>();
  const quotes = new Map<string, string[]>();
  const paragraphs: string[] = [];
  for (const unit of selected) {
    const id = unit.passage.id;
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    const n = numbers.get(id) ?? 0;
    // Quoted without the paragraph or list number it starts with ("14. In November 2007, …").
    const [first = "", ...rest] = unit.text.split("\n");
    const text = [stripNumbering(first), ...rest].join("\n");
    // The citation quotes the part of a long sentence that matches the question (a list stays whole);
    // the answer keeps the whole sentence, as cutting it loses the answer as often as not (tune split).
    const wholeList = unit.isList && text.split("\n").length > 2;
    const quote = wholeList
      ? text
      : focusedQuote(text.replace(/\s*\n\s*/g, " "), questionTerms, maxQuoteChars, answerWord);
    quotes.set(id, [...(quotes.get(id) ?? []), quote]);
    if (unit.isList) {
      const [leadIn, ...items] = text.split("\n");
      paragraphs.push(`${leadIn} [${n}]\n${items.map((item) => `- ${item.replace(/^[-•*]\s+/, "")}`).join("\n")}`);
    } else {
      paragraphs.push(`${focusedQuote(text.replace(/\n/g, " "), questionTerms, sentenceChars, answerWord)} [${n}]`);
    }
  }
  const citations = [...numbers.entries()].map(([id, n]) => {
    const passage = selected.find((u) => u.passage.id === id)?.passage;
    // A whole list is quoted whole (each item is checkable only with its lead-in).
    const quote = (quotes.get(id) ?? []).join(" … ");
    return passage ? [citationOf(passage, n, quote)] : [];
  });
  // A partial answer names what the documents do not give.
  if (notGiven.length > 0) paragraphs.push(`The documents do not give ${[...new Set(notGiven)].join(" or ")}.`);
  return {
    answer: paragraphs.join("\n\n"),
    mode: "extractive",
    citations: citations.flat(),
    found: true,
    passages: [...new Map(selected.map((u) => [u.passage.id, u.passage])).values()],
  };
}

/** "Not found", with the closest passages for the reader to check. */
export function notFoundAnswerWith(closest: readonly Passage[]): Answer {
  return {
    answer:
      closest.length > 0
        ? `${notFoundAnswer} The closest passages are listed below; they may not answer the question.`
        : notFoundAnswer,
    mode: "extractive",
    citations: [],
    found: false,
    passages: [...closest],
  };
}

/**
 * The documents speak of the thing but never give what was asked: say so, and quote the closest thing
 * they do say (found: false).
 */
export function notGivenAnswer(
  asked: readonly string[],
  said: ScoredUnit,
  closest: readonly Passage[],
  questionTerms: ReadonlySet<string> = new Set(),
): Answer {
  // What they do say is context for the missing fact, so it is cut as short as a one-fact answer.
  const quoted = composeAnswer([said], [], questionTerms, undefined, maxFactSentenceChars);
  return {
    ...quoted,
    answer: `The documents do not give ${[...new Set(asked)].join(" or ")}. They say: ${quoted.answer}`,
    found: false,
    passages: [...closest],
  };
}
