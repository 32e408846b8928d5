import { stripNumbering, truncate } from "../text/index.js";
import type { Answer, Citation, Passage } from "../core/types.js";
import type { AnswerDecision, ScoredUnit } from "./decide-answer.js";

export const notFoundAnswer = "I could not find this in the documents.";

// A whole list is quoted whole up to this length; past it the citation quote is cut (the answer keeps every item).
const maxListQuoteChars = 1200;

function citationFor(n: number, passage: Passage, quote: string): Citation {
  const { file, title, section, page } = passage.meta;
  return { n, file, title, section, page, quote };
}

/** A unit as quoted: a sentence without its paragraph number, or a whole list with its lead-in. */
function quoteOf(unit: ScoredUnit): string {
  if (!unit.isList) return stripNumbering(unit.text.replace(/\s*\n\s*/g, " "));
  const [leadIn = "", ...items] = unit.text.split("\n");
  return [stripNumbering(leadIn), ...items].join("\n");
}

/** The answer text with [n] markers (lists as bullets) and one citation per quoted passage. */
function quoteUnits(selected: readonly ScoredUnit[]): { paragraphs: string[]; citations: Citation[] } {
  const numbers = new Map<string, number>();
  const quotes = new Map<string, string[]>();
  const paragraphs: string[] = [];
  for (const unit of selected) {
    const id = unit.passage.id;
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    const n = numbers.get(id) ?? 0;
    const quote = quoteOf(unit);
    quotes.set(id, [...(quotes.get(id) ?? []), quote]);
    if (unit.isList) {
      const [leadIn, ...items] = quote.split("\n");
      paragraphs.push(`${leadIn} [${n}]\n${items.map((item) => `- ${item.replace(/^[-•*]\s+/, "")}`).join("\n")}`);
    } else {
      paragraphs.push(`${quote} [${n}]`);
    }
  }
  const citations = [...numbers.entries()].flatMap(([id, n]) => {
    const passage = selected.find((u) => u.passage.id === id)?.passage;
    const quote = (quotes.get(id) ?? []).map((q) => truncate(q, maxListQuoteChars)).join(" … ");
    return passage ? [citationFor(n, passage, quote)] : [];
  });
  return { paragraphs, citations };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The extractive answer for a decision: the quotes, and for a partial answer what the documents do
 * not give; for "not found", what was asked for and the closest thing the documents do say.
 */
export function composeAnswer(decision: AnswerDecision, closest: number): Answer {
  if (decision.status === "unrelated") return notFoundAnswerWith(decision.passages.slice(0, closest));
  if (decision.status === "not-found") {
    const missing = [...new Set(decision.parts.map((p) => p.asked))].join(" or ");
    const said = decision.said;
    if (!said) return notFoundAnswerWith(decision.passages.slice(0, closest));
    const { paragraphs, citations } = quoteUnits([said]);
    return {
      answer: `The documents do not give ${missing}. They say: ${paragraphs.join(" ")}`,
      mode: "extractive",
      citations,
      found: false,
      passages: decision.passages.slice(0, closest),
    };
  }
  const { paragraphs, citations } = quoteUnits(decision.selected);
  const notGiven = decision.parts.filter((p) => !p.answer).map((p) => p.asked);
  if (notGiven.length > 0) paragraphs.push(`${capitalise(`the documents do not give ${[...new Set(notGiven)].join(" or ")}.`)}`);
  return {
    answer: paragraphs.join("\n\n"),
    mode: "extractive",
    citations,
    found: true,
    passages: [...new Map(decision.selected.map((u) => [u.passage.id, u.passage])).values()],
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
