import { termsOf } from "./term-cache.js";
import { splitSentences } from "../text/index.js";
import { holdsKind, verifiableKinds, type Anchor, type AnswerKind } from "./answer-kind.js";
import type { EvidenceUnit } from "./evidence-units.js";
import { noImpliedTerms } from "./document-scope.js";
import { scoreUnits, weightOf } from "./score-units.js";
import type { QuestionAnalysis } from "./question-analysis.js";

/** What the features of a unit are measured against: the question (or one part of it). */
export interface FeatureQuestion {
  /** Stemmed content terms, without question words. */
  terms: readonly string[];
  kind: AnswerKind;
  anchors: readonly Anchor[];
  /** Groups of terms naming what is asked about; the answer needs a term of each. */
  focus: readonly (readonly string[])[];
  /** For count questions, the stemmed terms of what is counted. */
  counted: readonly string[];
  /** Terms of each part of a many-part question (one entry for a simple question). */
  partTerms: readonly (readonly string[])[];
  /** The question as the lexical score reads it. */
  analysis: QuestionAnalysis;
}

/** The features, in the order of the fitted weights (src/answer/weights.json). */
export const featureNames = [
  "lexicalScore",
  "cover",
  "phrases",
  "partCover",
  "kindHolds",
  "kindMissing",
  "anchors",
  "focus",
  "rank",
  "similarity",
  "listForList",
  "listOtherwise",
  "firstInPassage",
  "definitionCue",
  "introducesFocus",
] as const;

export type FeatureName = (typeof featureNames)[number];

const definitionCue =
  /\b(stands for|refers to|is an?|is the|is one|consists of|comprises|aims to|is designed to|was established|known as|(?:a )?term (?:generally )?used|used to describe|defined as|means)\b/i;

/** Weighted share of `terms` that `present` holds (1 when there is nothing to hold). */
function share(terms: readonly string[], present: (t: string) => number, idf: (t: string) => number): number {
  const total = weightOf(terms, idf);
  if (total <= 0) return 1;
  let matched = 0;
  for (const t of terms) matched += present(t) * idf(t);
  return matched / total;
}

/** Share of the question's adjacent term pairs ("environment ministers", "ministers meeting") the unit has in order. */
function phraseShare(questionTerms: readonly string[], unitTerms: readonly string[]): number {
  if (questionTerms.length < 2) return 0;
  const pairs = new Set(unitTerms.slice(1).map((t, i) => `${unitTerms[i]} ${t}`));
  let found = 0;
  for (let i = 1; i < questionTerms.length; i++) if (pairs.has(`${questionTerms[i - 1]} ${questionTerms[i]}`)) found++;
  return found / (questionTerms.length - 1);
}

/** The text a unit is read with when checking what it is about: itself, the sentence before it and its heading. */
export function unitContext(unit: EvidenceUnit): string {
  return `${unit.passage.meta.section}\n${unit.preceding ?? ""}\n${unit.text}`;
}

/** Feature vectors of the candidate units for one question; every feature lies in 0..1. */
export function unitFeatures(
  units: readonly EvidenceUnit[],
  q: FeatureQuestion,
  idf: (t: string) => number,
  /** Terms a unit holds without saying them: the words naming its document (document-scope.ts). */
  implied: (unit: EvidenceUnit) => ReadonlySet<string> = () => noImpliedTerms,
): number[][] {
  const lexical = scoreUnits([...units], q.analysis, [...q.terms], idf, implied);
  return units.map((unit, index) => {
    const [leadIn = "", ...items] = unit.isList ? unit.text.split("\n") : [unit.text];
    const main = new Set(termsOf(leadIn));
    const listed = new Set(termsOf(items.join(" ")));
    const heading = new Set(termsOf(unit.passage.meta.section));
    // The same weights as scoreUnits: a term in a list's items counts half, in the heading 0.3.
    const understood = implied(unit);
    const inUnit = (t: string) =>
      main.has(t) || understood.has(t) ? 1 : listed.has(t) ? 0.5 : heading.has(t) ? 0.3 : 0;
    const context = unitContext(unit);
    const contextTerms = new Set(termsOf(context));
    const holds = holdsKind(unit.text, q.kind, q.counted);
    const verifiable = verifiableKinds.includes(q.kind);
    const lastLeadSentence = splitSentences(leadIn).at(-1) ?? leadIn;
    const introducing = new Set(termsOf(lastLeadSentence));
    const features: Record<FeatureName, number> = {
      // The lexical score tops out near 1.5 (full cover plus the largest cue bonus).
      lexicalScore: Math.min(1, (lexical[index]?.score ?? 0) / 1.5),
      cover: share(q.terms, inUnit, idf),
      phrases: phraseShare(q.terms, termsOf(unit.text)),
      partCover: Math.max(0, ...q.partTerms.map((terms) => share(terms, inUnit, idf))),
      kindHolds: verifiable && holds ? 1 : 0,
      kindMissing: verifiable && !holds ? 1 : 0,
      anchors: q.anchors.length === 0 ? 1 : q.anchors.filter((a) => a.test(context)).length / q.anchors.length,
      focus:
        q.focus.length === 0 ? 1 : q.focus.filter((g) => g.some((t) => contextTerms.has(t))).length / q.focus.length,
      rank: 1 / (1 + unit.passageRank),
      similarity: Number.isFinite(unit.passage.similarity) ? Math.max(0, unit.passage.similarity) : 0,
      listForList: unit.isList && q.kind === "list" ? 1 : 0,
      listOtherwise: unit.isList && q.kind !== "list" ? 1 : 0,
      firstInPassage: unit.preceding === undefined ? 1 : 0,
      definitionCue: q.kind === "definition" && definitionCue.test(unit.text) ? 1 : 0,
      introducesFocus:
        unit.isList && q.focus.length > 0 && q.focus.every((g) => g.some((t) => introducing.has(t))) ? 1 : 0,
    };
    return featureNames.map((name) => features[name]);
  });
}
