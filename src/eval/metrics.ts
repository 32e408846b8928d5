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
}

export function isUnanswerable(q: EvalQuestion): boolean {
  return q.kind === "unanswerable" || q.sources.length === 0;
}

/** Grades one answer against its question, as described in shared/corpus/README.md. */
export function gradeAnswer(q: EvalQuestion, answer: Answer, retrieved: readonly Passage[], latencyMs: number): QuestionResult {
  const unanswerable = isUnanswerable(q);
  const rankIndex = retrieved.findIndex((p) => q.sources.includes(p.meta.file));
  const firstSourceRank = unanswerable || rankIndex < 0 ? null : rankIndex + 1;
  const haystack = `${answer.answer}\n${answer.citations.map((c) => c.quote).join("\n")}`.toLowerCase();
  const missingGroups = q.must_contain.filter((group) => !group.some((s) => haystack.includes(s.toLowerCase())));
  const cited = answer.citations.length;
  return {
    id: q.id,
    kind: q.kind,
    question: q.question,
    firstSourceRank,
    hitAt1: unanswerable ? null : firstSourceRank === 1,
    hitAt5: unanswerable ? null : firstSourceRank !== null && firstSourceRank <= 5,
    reciprocalRank: unanswerable ? null : firstSourceRank ? 1 / firstSourceRank : 0,
    answerPass: unanswerable ? null : answer.found && cited > 0 && missingGroups.length === 0,
    unanswerableHandled: unanswerable ? !answer.found : null,
    citationPrecision:
      unanswerable || cited === 0 ? null : answer.citations.filter((c) => q.sources.includes(c.file)).length / cited,
    missingGroups,
    found: answer.found,
    latencyMs,
    answer: answer.answer,
  };
}

export interface EvalSummary {
  questions: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  answerPassRate: number;
  unanswerableHandled: number;
  citationPrecision: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export function summarise(results: readonly QuestionResult[]): EvalSummary {
  const defined = <T>(values: (T | null)[]): T[] => values.filter((v): v is T => v !== null);
  const rate = (values: (boolean | null)[]) => mean(defined(values).map((v) => (v ? 1 : 0)));
  const latencies = results.map((r) => r.latencyMs);
  return {
    questions: results.length,
    hitAt1: rate(results.map((r) => r.hitAt1)),
    hitAt5: rate(results.map((r) => r.hitAt5)),
    mrr: mean(defined(results.map((r) => r.reciprocalRank))),
    answerPassRate: rate(results.map((r) => r.answerPass)),
    unanswerableHandled: rate(results.map((r) => r.unanswerableHandled)),
    citationPrecision: mean(defined(results.map((r) => r.citationPrecision))),
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}
