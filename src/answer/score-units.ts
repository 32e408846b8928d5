import { countsNoun, month, year } from "./answer-kind.js";
import { noImpliedTerms } from "./document-scope.js";
import { contentTerms } from "../store/lexical-index.js";
import { antecedentName } from "./back-reference.js";
import { splitSentences, type EvidenceUnit } from "./evidence-units.js";
import type { QuestionAnalysis } from "./question-analysis.js";

export interface ScoredUnit extends EvidenceUnit {
  terms: Set<string>;
  score: number;
}

const placeCue = /\b(in|at|located in|based in|held in) [A-Z][a-z]+/;
const personCue =
  /\b(Mr|Ms|Dr|Premier|Minister|President|Secretary|Chairman|Director)\b|\b[A-Z][a-z]+ [A-Z][a-z]+(?: [A-Z][a-z]+)?\b/;
const definitionCue =
  /\b(stands for|refers to|is an?|is the|is one|consists of|comprises|aims to|is designed to|components|was established|was upgraded)\b/i;
/**
 * Whether a list's lead-in ends with a sentence naming what the question asks for ("… focused on nine
 * priority areas as follows:"), rather than merely mentioning it earlier.
 */
function introducesFocus(unit: EvidenceUnit, analysis: QuestionAnalysis): boolean {
  if (analysis.focus.length === 0) return false;
  const leadIn = unit.text.split("\n")[0] ?? "";
  const introducing = new Set(contentTerms(splitSentences(leadIn).at(-1) ?? leadIn));
  return analysis.focus.every((group) => group.some((t) => introducing.has(t)));
}

// Cue bonuses for the kind of answer asked (set by hand; one change each measured with `coopdocs eval` on
// public / dev tune, answer pass rate 0.857 / 0.648 as set): a date for "when" (0 changed neither set), a place,
// a person, a number before the counted noun (0.15 drops public to 0.821), a list for "what are" and more
// when its lead-in names what is asked (0.15 + 0.1 drops tune to 0.630), a definition's wording.
function typeBonus(unit: EvidenceUnit, analysis: QuestionAnalysis): number {
  switch (analysis.type) {
    case "when":
      return year.test(unit.text) || month.test(unit.text) ? 0.15 : 0;
    case "where":
      return placeCue.test(unit.text) ? 0.12 : 0;
    case "who":
      return personCue.test(unit.text) ? 0.08 : 0;
    case "count":
      return analysis.counted.length > 0 && countsNoun(unit.text, analysis.counted) ? 0.3 : 0;
    case "list":
      return unit.isList ? 0.25 + (introducesFocus(unit, analysis) ? 0.2 : 0) : 0;
    case "definition":
      return definitionCue.test(unit.text) ? 0.15 : 0;
    default:
      // Other questions: a slight lean to a list, which often states the answer in one place (set by hand).
      return unit.isList ? 0.05 : 0;
  }
}

// A sentence whose subject refers to its section instead of naming it ("The objective of cooperation in
// this area is …"), within its first 60 characters: later in a sentence "in this area" is an aside.
const subjectChars = 60;
const sectionReference =
  /\b(?:in|of|under|for) (?:this|the said) (?:area|field|sector|section|component|priority area)\b/i;

export function weightOf(terms: Iterable<string>, idf: (t: string) => number): number {
  let sum = 0;
  for (const t of terms) sum += idf(t);
  return sum;
}

/**
 * How well a unit answers: the weighted share of question terms it contains, plus cues for the kind
 * of answer wanted, plus a small prior for better-ranked passages. A list's items count half, so a long
 * list does not win on size alone; section headings count a little (they say what a sentence is about).
 */
export function scoreUnits(
  units: EvidenceUnit[],
  analysis: QuestionAnalysis,
  known: string[],
  idf: (t: string) => number,
  /** Terms a unit holds without saying them: the words naming its document, when the question names it. */
  implied: (unit: EvidenceUnit) => ReadonlySet<string> = () => noImpliedTerms,
): ScoredUnit[] {
  const totalWeight = Math.max(weightOf(known, idf), 1e-9);
  return units.map((unit) => {
    const [leadIn = "", ...items] = unit.isList ? unit.text.split("\n") : [unit.text];
    const main = new Set(contentTerms(leadIn));
    const listed = new Set(contentTerms(items.join(" ")));
    const heading = new Set(contentTerms(unit.passage.meta.section));
    // "The Forum themed …" is about the forum its paragraph has just named in full.
    const antecedent = antecedentName(unit);
    const understood = antecedent ? new Set([...implied(unit), ...contentTerms(antecedent)]) : implied(unit);
    // "The objective of cooperation in this area is …" is about its section ("4.9 Joint research").
    const headingWeight = sectionReference.test(leadIn.slice(0, subjectChars)) ? 1 : 0.3;
    let matched = 0;
    // A term only in a list's items counts half (0.3 changed neither pass rate), only in the heading 0.3
    // (0 drops public / tune to 0.821 / 0.630). Set by hand.
    for (const t of known) {
      if (main.has(t) || understood.has(t)) matched += idf(t);
      else if (listed.has(t)) matched += 0.5 * idf(t);
      else if (heading.has(t)) matched += headingWeight * idf(t);
    }
    const terms = new Set([...main, ...listed]);
    // A small prior for better-ranked passages: 0.06 drops public / tune to 0.786 / 0.611. Set by hand.
    const rankPrior = 0.12 / (1 + unit.passageRank);
    // Outside list questions a whole list is rarely the best quote: prefer the sentence or item (no discount,
    // 1, drops public / tune to 0.786 / 0.630).
    const listDiscount = unit.isList && analysis.type !== "list" ? 0.85 : 1;
    return { ...unit, terms, score: (matched / totalWeight) * listDiscount + typeBonus(unit, analysis) + rankPrior };
  });
}
