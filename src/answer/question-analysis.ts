import { normalizeText } from "../retrieve/normalize-query.js";
import { contentTerms } from "../store/lexical-index.js";

export type QuestionType = "when" | "where" | "who" | "count" | "list" | "definition" | "other";

export interface QuestionAnalysis {
  /** Stemmed content terms of the (expanded) question, without stop words. */
  terms: string[];
  type: QuestionType;
  /**
   * Stemmed terms naming the thing asked about ("the total budget of X" → total, budget). The
   * documents hold the answer only if the evidence mentions them.
   */
  focus: string[];
}

// Words that say what kind of answer is wanted rather than what it is about.
const questionWords = new Set(["what", "which", "who", "when", "where", "how", "why", "whom", "whose", "many", "much"]);

function questionType(q: string): QuestionType {
  if (/^(when|what (year|date|month))\b|\bwhen\b/.test(q)) return "when";
  if (/^where\b|\bwhere\b/.test(q)) return "where";
  if (/^(who|whom|whose)\b/.test(q)) return "who";
  if (/\bhow many\b|\bhow much\b|\bnumber of\b/.test(q)) return "count";
  if (/^(what|which) (are|were)\b|\blist\b|\bareas\b|\bsources\b|\bpillars\b|\bmandate\b|\bfunctions?\b|\bcomponents\b|\bsteps\b/.test(q)) {
    return "list";
  }
  if (/^what (is|was)\b/.test(q)) return "definition";
  return "other";
}

function focusPhrase(q: string): string | undefined {
  // "what/who is the <focus> of|for|in|at ...": the attribute asked for.
  const attribute = /^(?:what|who|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(.+?)\s+(?:of|for|in|at|behind)\s+\S/.exec(q);
  if (attribute?.[1]) return attribute[1];
  // "what is X's <focus>?"
  const possessive = /^(?:what|who)\s+(?:is|was|are|were)\s+\S+'s\s+(.+?)\??$/.exec(q);
  if (possessive?.[1]) return possessive[1];
  return undefined;
}

export function analyseQuestion(question: string, searchQuery: string = question): QuestionAnalysis {
  const q = normalizeText(question).toLowerCase().replace(/^[^a-z]*?(?:quick one[^:]*:|please|so|and)\s*/, "");
  const focusText = focusPhrase(q);
  return {
    terms: contentTerms(searchQuery).filter((t) => !questionWords.has(t)),
    type: questionType(q),
    focus: focusText ? contentTerms(focusText).filter((t) => !questionWords.has(t) && !/^\d/.test(t)) : [],
  };
}
