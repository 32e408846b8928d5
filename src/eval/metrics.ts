import type { Answer, Passage } from "../core/types.js";
import type { EvalQuestion } from "./evalset.js";

export interface QuestionResult {
  id: string;
  kind: string;
  question: string;
  /** Rank (1-based) of the first retrieved passage from a listed source; null if none in the top k. */
  firstSourceRank: number | null;
  hitAt1: boolean | null;
  hitAt5: boolean | null;
  reciprocalRank: number | null;
  /**
   * Fewest evidence passages (from the top) that together hold every must_contain group; null when
   * the evidence offered never holds them all (or the question is unanswerable).
   */
  factsWithin: number | null;
  /** Every must_contain group matched by the answer or its quotes (answerable questions). */
  answerPass: boolean | null;
  /** Not-found answer for an unanswerable question. */
  unanswerableHandled: boolean | null;
  /** Share of citations pointing at a listed source (answerable questions with citations). */
  citationPrecision: number | null;
  missingGroups: string[][];
  found: boolean;
  latencyMs: number;
  answer: string;
  /** Length of the answer text in characters. */
  answerChars: number;
  /** Longest single quote that is not a whole list (quotes of one citation are joined by " … "). */
  longestQuoteChars: number;
}

export function isUnanswerable(q: EvalQuestion): boolean {
  return q.kind === "unanswerable" || q.sources.length === 0;
}

const holds = (text: string, group: readonly string[]) => group.some((s) => text.includes(s.toLowerCase()));

/** Fewest top passages whose joined text holds every group (null if all of them do not). */
export function factsWithin(groups: readonly (readonly string[])[], evidence: readonly Passage[]): number | null {
  if (groups.length === 0) return null;
  let text = "";
  for (const [i, p] of evidence.entries()) {
    text += `\n${p.text.toLowerCase()}`;
    if (groups.every((g) => holds(text, g))) return i + 1;
  }
  return null;
}

// A quote of three or more lines is a list kept whole: exempt from the quote-length limit.
const isWholeList = (quote: string) => quote.split("\n").length >= 3;

/** Grades one answer against its question, as described in shared/corpus/README.md. */
export function gradeAnswer(
  q: EvalQuestion,
  answer: Answer,
  retrieved: readonly Passage[],
  latencyMs: number,
  evidence: readonly Passage[] = retrieved,
): QuestionResult {
  const unanswerable = isUnanswerable(q);
  const rankIndex = retrieved.findIndex((p) => q.sources.includes(p.meta.file));
  const firstSourceRank = unanswerable || rankIndex < 0 ? null : rankIndex + 1;
  const haystack = `${answer.answer}\n${answer.citations.map((c) => c.quote).join("\n")}`.toLowerCase();
  const missingGroups = q.must_contain.filter((group) => !holds(haystack, group));
  const cited = answer.citations.length;
  const quotes = answer.citations.flatMap((c) => c.quote.split(" … ")).filter((quote) => !isWholeList(quote));
  return {
    id: q.id,
    kind: q.kind,
    question: q.question,
    firstSourceRank,
    hitAt1: unanswerable ? null : firstSourceRank === 1,
    hitAt5: unanswerable ? null : firstSourceRank !== null && firstSourceRank <= 5,
    reciprocalRank: unanswerable ? null : firstSourceRank ? 1 / firstSourceRank : 0,
    factsWithin: unanswerable ? null : factsWithin(q.must_contain, evidence),
    answerPass: unanswerable ? null : answer.found && cited > 0 && missingGroups.length === 0,
    unanswerableHandled: unanswerable ? !answer.found : null,
    citationPrecision:
      unanswerable || cited === 0 ? null : answer.citations.filter((c) => q.sources.includes(c.file)).length / cited,
    missingGroups,
    found: answer.found,
    latencyMs,
    answer: answer.answer,
    answerChars: [...answer.answer].length,
    longestQuoteChars: Math.max(0, ...quotes.map((quote) => [...quote].length)),
  };
}

/** Pass rate of one kind of question (answer pass, or "not found" for unanswerable ones). */
export interface KindSummary {
  questions: number;
  passRate: number;
}

export interface EvalSummary {
  questions: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  /** Share of answerable questions whose every must_contain group is in the top k evidence passages. */
  factRecallAt3: number;
  factRecallAt5: number;
  factRecallAt8: number;
  factRecallAt12: number;
  answerPassRate: number;
  unanswerableHandled: number;
  citationPrecision: number;
  medianAnswerChars: number;
  /** Longest quote that is not a whole list, over all answers. */
  maxQuoteChars: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  byKind: Record<string, KindSummary>;
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const passed = (r: QuestionResult): boolean => (r.answerPass ?? r.unanswerableHandled) === true;

export function summarise(results: readonly QuestionResult[]): EvalSummary {
  const defined = <T>(values: (T | null)[]): T[] => values.filter((v): v is T => v !== null);
  const rate = (values: (boolean | null)[]) => mean(defined(values).map((v) => (v ? 1 : 0)));
  const latencies = results.map((r) => r.latencyMs);
  const answerable = results.filter((r) => r.answerPass !== null);
  const recallAt = (k: number) => rate(answerable.map((r) => r.factsWithin !== null && r.factsWithin <= k));
  const byKind: Record<string, KindSummary> = {};
  for (const kind of [...new Set(results.map((r) => r.kind))].sort()) {
    const ofKind = results.filter((r) => r.kind === kind);
    byKind[kind] = { questions: ofKind.length, passRate: rate(ofKind.map(passed)) };
  }
  return {
    questions: results.length,
    hitAt1: rate(results.map((r) => r.hitAt1)),
    hitAt5: rate(results.map((r) => r.hitAt5)),
    mrr: mean(defined(results.map((r) => r.reciprocalRank))),
    factRecallAt3: recallAt(3),
    factRecallAt5: recallAt(5),
    factRecallAt8: recallAt(8),
    factRecallAt12: recallAt(12),
    answerPassRate: rate(results.map((r) => r.answerPass)),
    unanswerableHandled: rate(results.map((r) => r.unanswerableHandled)),
    citationPrecision: mean(defined(results.map((r) => r.citationPrecision))),
    medianAnswerChars: percentile(
      results.map((r) => r.answerChars),
      50,
    ),
    maxQuoteChars: Math.max(0, ...results.map((r) => r.longestQuoteChars)),
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    byKind,
  };
}
