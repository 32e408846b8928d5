import type { Passage } from "../core/types.js";
import { termsOf } from "./term-cache.js";
import { answerKind, countedPhrase, holdsKind, questionAnchors, type AnswerKind } from "./answer-kind.js";
import { evidenceUnits, type EvidenceUnit } from "./evidence-units.js";
import { answerProbability, fittedWeights, type FittedWeights } from "./fitted-weights.js";
import { analyseQuestion, splitQuestion, stripPreamble } from "./question-analysis.js";
import { unitContext, unitFeatures, type FeatureQuestion } from "./unit-features.js";

/** A candidate quote with the probability (from the fitted weights) that it holds the answer. */
export interface ScoredUnit extends EvidenceUnit {
  terms: Set<string>;
  score: number;
}

/** One part of a question and what the documents give for it. */
export interface PartDecision {
  text: string;
  kind: AnswerKind;
  /** The best unit that holds an answer of the asked kind about the asked thing; undefined if none. */
  answer?: ScoredUnit;
  /** What was asked for, for "The documents do not give …" (e.g. "the number of participants"). */
  asked: string;
}

/**
 * What the documents give for a question: "answer" (every part), "partial" (some parts), "not-found"
 * (they speak of the thing but never give what was asked; `said` is the closest thing they say) or
 * "unrelated" (they do not speak of it). Both composers (extractive and LLM) act on this decision.
 */
export interface AnswerDecision {
  status: "answer" | "partial" | "not-found" | "unrelated";
  kind: AnswerKind;
  parts: PartDecision[];
  /** The quotes to give, in reading order. */
  selected: ScoredUnit[];
  said?: ScoredUnit;
  passages: readonly Passage[];
}

export interface DecideContext {
  /** The query retrieval searched with (acronyms expanded, translated); defaults to the question. */
  searchQuery?: string;
  /** Expands part of a question the way retrieval does (acronyms, translation); identity by default. */
  expand?: (text: string) => string;
  /** Inverse document frequency of a stemmed term in the corpus; 0 for terms the corpus never uses. */
  idf?: (term: string) => number;
}

export interface DecideOptions {
  /** Most units quoted in one answer (a many-part question may take one more per part). */
  maxUnits: number;
  /** Soft limit on the answer's length in characters; one whole list may exceed it. */
  maxChars: number;
  /** Weighted share of the question's terms the passages must contain for the question to be about them. */
  minCoverage: number;
}

// maxChars 400 keeps one-fact answers to a sentence or two (issue: median ≤ 400); minCoverage 0.5 as
// measured before on the public set (unrelated questions cover well under half their terms).
export const defaultDecideOptions: DecideOptions = { maxUnits: 4, maxChars: 700, minCoverage: 0.5 };

const questionWords = new Set(["what", "which", "who", "when", "where", "how", "why", "whom", "whose", "mani", "much"]);

function weightOf(terms: Iterable<string>, idf: (t: string) => number): number {
  let sum = 0;
  for (const t of terms) sum += idf(t);
  return sum;
}

/** The feature question for a part (kind and anchors of its own, falling back to the whole question's kind). */
function featureQuestion(text: string, searchText: string, wholeKind: AnswerKind, partTerms: string[][], idf: (t: string) => number): FeatureQuestion {
  const analysis = analyseQuestion(text, searchText);
  const own = answerKind(stripPreamble(text));
  return {
    terms: analysis.terms.filter((t) => idf(t) > 0 && !questionWords.has(t)),
    kind: own === "other" ? wholeKind : own,
    anchors: questionAnchors(text),
    focus: analysis.focus,
    counted: analysis.counted,
    partTerms,
  };
}

/** Whether a unit holds an answer of the asked kind, about the asked thing (its years, ordinals and focus). */
export function verifies(unit: EvidenceUnit, q: FeatureQuestion): boolean {
  if (!holdsKind(unit.text, q.kind, q.counted)) return false;
  const context = unitContext(unit);
  // A question may name several years ("the 2006 and 2007 seminars"): each quote must name one of them.
  return q.anchors.length === 0 || q.anchors.some((a) => a.test(context));
}

interface QuestionParts {
  kind: AnswerKind;
  whole: FeatureQuestion;
  partTexts: string[];
  partTerms: string[][];
}

export function readQuestion(question: string, context: DecideContext, idf: (t: string) => number): QuestionParts {
  const expand = context.expand ?? ((text: string) => text);
  const kind = answerKind(stripPreamble(question));
  const partTexts = splitQuestion(question);
  const partTerms = partTexts.map((p) => analyseQuestion(p, expand(p)).terms.filter((t) => idf(t) > 0 && !questionWords.has(t)));
  return { kind, partTexts, partTerms, whole: featureQuestion(question, context.searchQuery ?? question, kind, partTerms, idf) };
}

// How much a passage's retrieval rank counts against its best sentence when ranking the pool: a tie-break
// between passages with equally likely sentences (0.05 moved fact recall@8 most on the tune split).
const retrievalRankWeight = 0.05;

/**
 * Orders candidate passages by how likely their best sentence is to answer (with the retrieval rank
 * as a tie-break) and keeps the first `size`: the evidence pool both composers draw on.
 */
export function rankEvidence(
  question: string,
  candidates: readonly Passage[],
  size: number,
  context: DecideContext = {},
  weights: FittedWeights = fittedWeights,
): Passage[] {
  const idf = context.idf ?? (() => 1);
  const { whole } = readQuestion(question, context, idf);
  const units = evidenceUnits(candidates);
  const best = new Map<string, number>();
  unitFeatures(units, whole, idf).forEach((f, i) => {
    const id = units[i]?.passage.id ?? "";
    best.set(id, Math.max(best.get(id) ?? 0, answerProbability(f, weights)));
  });
  return candidates
    .map((passage, rank) => ({ passage, score: (best.get(passage.id) ?? 0) + retrievalRankWeight / (1 + rank) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, size)
    .map((r) => r.passage);
}

export function decideAnswer(
  question: string,
  passages: readonly Passage[],
  context: DecideContext = {},
  options: DecideOptions = defaultDecideOptions,
  weights: FittedWeights = fittedWeights,
): AnswerDecision {
  const idf = context.idf ?? (() => 1);
  const expand = context.expand ?? ((text: string) => text);
  const { kind, whole, partTexts, partTerms } = readQuestion(question, context, idf);
  const unrelated: AnswerDecision = { status: "unrelated", kind, parts: [], selected: [], passages };
  if (passages.length === 0) return unrelated;

  // Is the question about these passages at all? (Most of its distinctive terms must be in them.)
  const evidenceTerms = new Set(passages.flatMap((p) => termsOf(`${p.meta.section} ${p.text}`)));
  const total = weightOf(whole.terms, idf);
  const coverage = total === 0 ? 0 : weightOf(whole.terms.filter((t) => evidenceTerms.has(t)), idf) / total;
  if (coverage < options.minCoverage) return unrelated;

  const candidates = evidenceUnits(passages);
  const probabilities = unitFeatures(candidates, whole, idf).map((f) => answerProbability(f, weights));
  const units: ScoredUnit[] = candidates.map((unit, i) => ({
    ...unit,
    terms: new Set(termsOf(unit.text)),
    score: probabilities[i] ?? 0,
  }));

  // Each part gets the best unit that verifies for it; a part with none is "not given".
  const taken = new Set<ScoredUnit>();
  const parts: PartDecision[] = partTexts.map((text, p) => {
    const q = partTexts.length === 1 ? whole : featureQuestion(text, expand(text), kind, [partTerms[p] ?? []], idf);
    const scores =
      partTexts.length === 1 ? probabilities : unitFeatures(candidates, q, idf).map((f, i) => (answerProbability(f, weights) + (probabilities[i] ?? 0)) / 2);
    let best: ScoredUnit | undefined;
    let bestScore = -1;
    units.forEach((unit, i) => {
      const score = scores[i] ?? 0;
      if (score > bestScore && !taken.has(unit) && score >= weights.notFoundBelow && verifies(unit, q)) {
        best = unit;
        bestScore = score;
      }
    });
    if (best) taken.add(best);
    return { text, kind: q.kind, answer: best, asked: askedFor(q.kind, text) };
  });

  const ranked = [...units].sort((a, b) => b.score - a.score);
  // "The total budget of the forum": passages that never say "budget" cannot give it, whatever they say of the forum.
  const focusMissing = whole.focus.some((group) => !group.some((t) => evidenceTerms.has(t)));
  if (focusMissing) return { status: "not-found", kind, parts, selected: [], said: ranked[0], passages };
  const answered = parts.flatMap((p) => (p.answer ? [p.answer] : []));
  if (answered.length === 0) return { status: "not-found", kind, parts, selected: [], said: ranked[0], passages };

  const selected = selectSupporting(answered, ranked, whole, idf, options, weights, partTexts.length);
  return {
    status: answered.length === parts.length ? "answer" : "partial",
    kind,
    parts,
    selected: selected.sort((a, b) => a.passageRank - b.passageRank || a.passage.text.indexOf(a.text) - b.passage.text.indexOf(b.text)),
    passages,
  };
}

// Measured on the tune split: 0.95 lets the second sentence of a two-sentence definition in, not a near-repeat.
const runnerUpRatio = 0.95;

/** The parts' answers, then units almost as likely that add question terms, within the length limit. */
function selectSupporting(
  answered: ScoredUnit[],
  ranked: ScoredUnit[],
  q: FeatureQuestion,
  idf: (t: string) => number,
  options: DecideOptions,
  weights: FittedWeights,
  partCount: number,
): ScoredUnit[] {
  const selected = [...answered];
  const best = Math.max(...answered.map((u) => u.score));
  const covered = new Set(q.terms.filter((t) => selected.some((u) => u.terms.has(t))));
  let length = selected.reduce((sum, u) => sum + u.text.length, 0);
  const maxUnits = Math.max(options.maxUnits, partCount);
  const wantsList = q.kind === "list" || q.kind === "count";
  for (const unit of ranked) {
    if (selected.length >= maxUnits) break;
    if (unit.score < best * weights.supportingRatio) break;
    if (selected.some((s) => s.text === unit.text || s.text.includes(unit.text) || unit.text.includes(s.text))) continue;
    if (!verifies(unit, q)) continue;
    const adds = q.terms.filter((t) => unit.terms.has(t) && !covered.has(t));
    // A whole list is worth its length for a list question; other quotes must add something asked about.
    const wholeList = wantsList && unit.isList && !selected.some((s) => s.isList);
    // A quote that adds no asked-about term still goes in when it is nearly as likely as the best
    // (a definition or a composition often takes two sentences that share their terms).
    if (weightOf(adds, idf) <= 0 && !wholeList && unit.score < best * runnerUpRatio) continue;
    if (length + unit.text.length > options.maxChars && !wholeList) continue;
    selected.push(unit);
    adds.forEach((t) => covered.add(t));
    length += unit.text.length;
  }
  return selected;
}

/** "the number of participants", "the date", …: what a part asks for, for a not-given note. */
export function askedFor(kind: AnswerKind, text: string): string {
  switch (kind) {
    case "count": {
      const counted = countedPhrase(text);
      return counted ? `the number of ${counted}` : "the number asked for";
    }
    case "amount":
      return "the amount asked for";
    case "date":
      return "the date asked for";
    case "place":
      return "the place asked for";
    case "person":
      return "the person or body asked for";
    case "name":
      return "the name or theme asked for";
    case "reason":
      return "the reason asked for";
    default:
      return `an answer to "${stripPreamble(text).replace(/[?？]+$/, "")}"`;
  }
}
