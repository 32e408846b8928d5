import type { Answer, Citation, Passage } from "../core/types.js";
import { contentTerms } from "../store/lexical-index.js";
import { analyseQuestion, splitQuestion, type QuestionAnalysis } from "./question-analysis.js";
import { evidenceUnits, splitSentences, type EvidenceUnit } from "./evidence-units.js";

export interface ExtractiveContext {
  /** The query retrieval searched with (acronyms expanded, translated); defaults to the question. */
  searchQuery?: string;
  /** Expands part of a question the way retrieval does (acronyms); identity by default. */
  expand?: (text: string) => string;
  /** Inverse document frequency of a stemmed term in the corpus; rare terms weigh more. */
  idf?: (term: string) => number;
}

export interface ExtractiveOptions {
  /** Passages considered as evidence. */
  evidencePassages: number;
  /** Passages considered for list and count questions ("What are / how many priority areas…?"). */
  listEvidencePassages: number;
  /** Most units quoted in one answer. */
  maxUnits: number;
  /** Soft limit on the answer's length; one whole list may exceed it. */
  maxChars: number;
  /** Weighted share of the question's terms the top passages must contain for an answer. */
  minCoverage: number;
  /** Passages shown when nothing is found. */
  closestPassages: number;
  /** A further quote must score at least this share of the best one and add question terms… */
  supportingMinScore: number;
  /** …or, adding none, score at least this share (a definition often takes two sentences). */
  runnerUpMinScore: number;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  evidencePassages: 8,
  listEvidencePassages: 12,
  maxUnits: 3,
  maxChars: 1400,
  minCoverage: 0.5,
  closestPassages: 3,
  supportingMinScore: 0.7,
  runnerUpMinScore: 0.85,
};

export const notFoundAnswer = "I could not find this in the documents.";

export interface ScoredUnit extends EvidenceUnit {
  terms: Set<string>;
  score: number;
}

const monthOrYear = /\b(1[89]\d{2}|20\d{2})\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const placeCue = /\b(in|at|located in|based in|held in) [A-Z][a-z]+/;
const personCue = /\b(Mr|Ms|Dr|Premier|Minister|President|Secretary|Chairman|Director)\b|\b[A-Z][a-z]+ [A-Z][a-z]+(?: [A-Z][a-z]+)?\b/;
const definitionCue = /\b(stands for|refers to|is an?|is the|is one|consists of|comprises|aims to|is designed to|components|was established|was upgraded)\b/i;
const numberWord = /^(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)$/i;

/** "How many priority areas…" is answered by "six priority areas": a number right before the counted noun. */
function countsNoun(text: string, nouns: readonly string[]): boolean {
  if (nouns.length === 0) return false;
  const words = text.split(/[^\p{L}\p{N}-]+/u);
  return words.some(
    (word, i) => numberWord.test(word) && words.slice(i + 1, i + 4).some((w) => nouns.some((n) => contentTerms(w).includes(n))),
  );
}

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

function typeBonus(unit: EvidenceUnit, analysis: QuestionAnalysis): number {
  switch (analysis.type) {
    case "when":
      return monthOrYear.test(unit.text) ? 0.15 : 0;
    case "where":
      return placeCue.test(unit.text) ? 0.12 : 0;
    case "who":
      return personCue.test(unit.text) ? 0.08 : 0;
    case "count":
      return countsNoun(unit.text, analysis.counted) ? 0.3 : 0;
    case "list":
      return unit.isList ? 0.25 + (introducesFocus(unit, analysis) ? 0.2 : 0) : 0;
    case "definition":
      return definitionCue.test(unit.text) ? 0.15 : 0;
    default:
      return unit.isList ? 0.05 : 0;
  }
}

function weightOf(terms: Iterable<string>, idf: (t: string) => number): number {
  let sum = 0;
  for (const t of terms) sum += idf(t);
  return sum;
}

/**
 * The default, offline answer: quotes the sentences or whole lists that best answer the question,
 * each cited as [n]. When the top passages do not cover the question (or never mention what it asks
 * about), answers "not found" and lists the closest passages instead of guessing.
 */
export function answerExtractively(
  question: string,
  passages: readonly Passage[],
  context: ExtractiveContext = {},
  options: ExtractiveOptions = defaultExtractiveOptions,
): Answer {
  const idf = context.idf ?? (() => 1);
  const analysis = analyseQuestion(question, context.searchQuery ?? question);
  // A list (or a count: "six priority areas") is usually in one specific passage, and the list and
  // count bonuses keep a deeper pool from adding noise.
  const deep = analysis.type === "list" || analysis.type === "count";
  const evidence = passages.slice(0, deep ? options.listEvidencePassages : options.evidencePassages);
  const known = analysis.terms.filter((t) => idf(t) > 0);
  const evidenceTerms = new Set(evidence.flatMap((p) => contentTerms(`${p.meta.section} ${p.text}`)));

  const totalWeight = weightOf(known, idf);
  const coverage = totalWeight === 0 ? 0 : weightOf(known.filter((t) => evidenceTerms.has(t)), idf) / totalWeight;
  const focusMissing = analysis.focus.filter((group) => !group.some((t) => evidenceTerms.has(t)));
  if (evidence.length === 0 || coverage < options.minCoverage || focusMissing.length > 0) {
    return notFound(passages, options);
  }

  const candidates = evidenceUnits(evidence);
  const units = scoreUnits(candidates, analysis, known, idf);
  // Each part of a many-part question gets its own best quote first.
  const parts = splitQuestion(question);
  const expand = context.expand ?? ((text: string) => text);
  const partBest: ScoredUnit[] = [];
  if (parts.length > 1) {
    for (const part of parts) partBest.push(...bestForPart(expand(part), candidates, units, idf, partBest));
  }
  const selected = selectUnits(units, known, idf, { ...options, maxUnits: Math.max(options.maxUnits, parts.length + 1) }, partBest);
  if (selected.length === 0) return notFound(passages, options);
  return compose(selected, options);
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
): ScoredUnit[] {
  const totalWeight = Math.max(weightOf(known, idf), 1e-9);
  return units.map((unit) => {
    const [leadIn = "", ...items] = unit.isList ? unit.text.split("\n") : [unit.text];
    const main = new Set(contentTerms(leadIn));
    const listed = new Set(contentTerms(items.join(" ")));
    const heading = new Set(contentTerms(unit.passage.meta.section));
    let matched = 0;
    for (const t of known) {
      if (main.has(t)) matched += idf(t);
      else if (listed.has(t)) matched += 0.5 * idf(t);
      else if (heading.has(t)) matched += 0.3 * idf(t);
    }
    const terms = new Set([...main, ...listed]);
    const rankPrior = 0.12 / (1 + unit.passageRank);
    // Outside list questions a whole list is rarely the best quote: prefer the sentence or item.
    const listDiscount = unit.isList && analysis.type !== "list" ? 0.85 : 1;
    return { ...unit, terms, score: (matched / totalWeight) * listDiscount + typeBonus(unit, analysis) + rankPrior };
  });
}

/** The unit that best answers one part of a question (scored on the part, with the whole as context). */
function bestForPart(
  part: string,
  candidates: EvidenceUnit[],
  units: ScoredUnit[],
  idf: (t: string) => number,
  taken: readonly ScoredUnit[],
): ScoredUnit[] {
  const analysis = analyseQuestion(part);
  const terms = analysis.terms.filter((t) => idf(t) > 0);
  const scores = scoreUnits(candidates, analysis, terms, idf).map((u, i) => u.score + 0.5 * (units[i]?.score ?? 0));
  // The best unit another part has not already claimed.
  let bestIndex = -1;
  scores.forEach((score, i) => {
    const unit = units[i];
    if (unit && !taken.includes(unit) && (bestIndex < 0 || score > (scores[bestIndex] ?? -Infinity))) bestIndex = i;
  });
  const best = units[bestIndex];
  return best ? [best] : [];
}

/** Greedy: best unit first, then units that add question terms not yet covered and still score well. */
function selectUnits(
  units: ScoredUnit[],
  terms: string[],
  idf: (t: string) => number,
  options: ExtractiveOptions,
  required: ScoredUnit[] = [],
): ScoredUnit[] {
  const ranked = [...units].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return [];
  const selected: ScoredUnit[] = [];
  for (const unit of [...required, best]) if (!selected.includes(unit)) selected.push(unit);
  const covered = new Set(terms.filter((t) => selected.some((u) => u.terms.has(t))));
  let length = selected.reduce((sum, u) => sum + u.text.length, 0);
  for (const unit of ranked.slice(1)) {
    if (selected.length >= options.maxUnits) break;
    if (unit.score < best.score * options.supportingMinScore) break;
    const adds = terms.filter((t) => unit.terms.has(t) && !covered.has(t));
    if (weightOf(adds, idf) <= 0 && unit.score < best.score * options.runnerUpMinScore) continue;
    if (length + unit.text.length > options.maxChars && !(unit.isList && !selected.some((s) => s.isList))) continue;
    if (selected.some((s) => s.text === unit.text || s.text.includes(unit.text) || unit.text.includes(s.text))) continue;
    selected.push(unit);
    adds.forEach((t) => covered.add(t));
    length += unit.text.length;
  }
  // Keep the documents' order within a passage so quoted sentences read naturally.
  return selected.map(withContinuation).sort((a, b) => a.passageRank - b.passageRank || a.passage.text.indexOf(a.text) - b.passage.text.indexOf(b.text));
}

// A sentence that refers back to the one before ("The program has three components…") belongs with it.
const continuation = /^(?:It|Its|This|These|They|Their|Such|The (?:program|programme|forum|center|centre|strategy|plan|framework|platform|base|network|alliance|partnership|project|initiative|meeting|workshop|report|outlook)s?)\b/;

function withContinuation(unit: ScoredUnit): ScoredUnit {
  if (unit.isList || !unit.following || !continuation.test(unit.following)) return unit;
  return { ...unit, text: `${unit.text} ${unit.following}` };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

function citationFor(n: number, passage: Passage, quote: string): Citation {
  const { file, title, section, page } = passage.meta;
  return { n, file, title, section, page, quote };
}

function compose(selected: ScoredUnit[], options: ExtractiveOptions): Answer {
  const numbers = new Map<string, number>();
  const quotes = new Map<string, string[]>();
  const paragraphs: string[] = [];
  for (const unit of selected) {
    const id = unit.passage.id;
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    const n = numbers.get(id) ?? 0;
    quotes.set(id, [...(quotes.get(id) ?? []), unit.text]);
    if (unit.isList) {
      const [leadIn, ...items] = unit.text.split("\n");
      paragraphs.push(`${leadIn} [${n}]\n${items.map((item) => `- ${item.replace(/^[-•*]\s+/, "")}`).join("\n")}`);
    } else {
      paragraphs.push(`${unit.text.replace(/\n/g, " ")} [${n}]`);
    }
  }
  const citations = [...numbers.entries()].map(([id, n]) => {
    const passage = selected.find((u) => u.passage.id === id)?.passage;
    const quote = (quotes.get(id) ?? []).map((q) => shorten(q, 600)).join(" … ");
    return passage ? [citationFor(n, passage, quote)] : [];
  });
  return {
    answer: paragraphs.join("\n\n"),
    mode: "extractive",
    citations: citations.flat(),
    found: true,
    passages: [...new Map(selected.map((u) => [u.passage.id, u.passage])).values()],
  };
}

function notFound(passages: readonly Passage[], options: ExtractiveOptions): Answer {
  const closest = passages.slice(0, options.closestPassages);
  return {
    answer:
      closest.length > 0
        ? `${notFoundAnswer} The closest passages are listed below; they may not answer the question.`
        : notFoundAnswer,
    mode: "extractive",
    citations: [],
    found: false,
    passages: closest,
  };
}
