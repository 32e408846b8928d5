import { performance } from "node:perf_hooks";
import type { EvalTarget } from "./baseline.js";
import type { EvalQuestion } from "./evalset.js";
import { gradeAnswer, summarise, type EvalSummary, type QuestionResult } from "./metrics.js";

export interface EvalReport {
  label: string;
  summary: EvalSummary;
  results: QuestionResult[];
}

/** Asks every question, grades the answers and the retrieval ranking. */
export async function runEval(
  target: EvalTarget,
  questions: readonly EvalQuestion[],
  options: { k?: number; onQuestion?: (done: number, total: number) => void } = {},
): Promise<EvalReport> {
  const k = options.k ?? 10;
  const results: QuestionResult[] = [];
  for (const [i, q] of questions.entries()) {
    options.onQuestion?.(i, questions.length);
    const started = performance.now();
    const answer = await target.ask(q.question);
    const latencyMs = performance.now() - started;
    const retrieved = await target.retrieve(q.question, k);
    const evidence = target.evidence ? await target.evidence(q.question) : await target.retrieve(q.question, 12);
    results.push(gradeAnswer(q, answer, retrieved, latencyMs, evidence));
  }
  options.onQuestion?.(questions.length, questions.length);
  return { label: target.label, summary: summarise(results), results };
}

export interface EvalTargets {
  hitAt5: number;
  answerPassRate: number;
  unanswerableHandled: number;
  citationPrecision: number;
}

/** The targets the public set must meet with the offline default (issue "Answer quality"). */
export const evalTargets: EvalTargets = {
  hitAt5: 0.95,
  answerPassRate: 0.85,
  unanswerableHandled: 1,
  citationPrecision: 0.9,
};

export function unmetTargets(summary: EvalSummary, targets: EvalTargets = evalTargets): string[] {
  return (Object.keys(targets) as (keyof EvalTargets)[])
    .filter((key) => summary[key] < targets[key])
    .map((key) => `${key} ${summary[key].toFixed(2)} < ${targets[key]}`);
}
