import { stripNumbering, truncate } from "../text/index.js";
import type { Answer, Citation, Passage } from "../core/types.js";
import type { ScoredUnit } from "./score-units.js";

export const notFoundAnswer = "I could not find this in the documents.";

function shorten(text: string, max: number): string {
  return truncate(text.replace(/\s*\n\s*/g, " "), max);
}

function citationFor(n: number, passage: Passage, quote: string): Citation {
  const { file, title, section, page } = passage.meta;
  return { n, file, title, section, page, quote };
}

/** The answer text with [n] markers (lists as bullets) and one citation per quoted passage. */
export function composeAnswer(selected: ScoredUnit[], notGiven: readonly string[] = []): Answer {
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
    quotes.set(id, [...(quotes.get(id) ?? []), text]);
    if (unit.isList) {
      const [leadIn, ...items] = text.split("\n");
      paragraphs.push(`${leadIn} [${n}]\n${items.map((item) => `- ${item.replace(/^[-•*]\s+/, "")}`).join("\n")}`);
    } else {
      paragraphs.push(`${text.replace(/\n/g, " ")} [${n}]`);
    }
  }
  const citations = [...numbers.entries()].map(([id, n]) => {
    const passage = selected.find((u) => u.passage.id === id)?.passage;
    const quote = (quotes.get(id) ?? []).map((q) => shorten(q, 600)).join(" … ");
    return passage ? [citationFor(n, passage, quote)] : [];
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
export function notGivenAnswer(asked: readonly string[], said: ScoredUnit, closest: readonly Passage[]): Answer {
  const quoted = composeAnswer([said]);
  return {
    ...quoted,
    answer: `The documents do not give ${[...new Set(asked)].join(" or ")}. They say: ${quoted.answer}`,
    found: false,
    passages: [...closest],
  };
}
