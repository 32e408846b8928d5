export { readEvalSet, selectSplit } from "./evalset.js";
export type { EvalQuestion, EvalSplit } from "./evalset.js";
export { gradeAnswer, summarise, percentile, isUnanswerable } from "./metrics.js";
export type { EvalSummary, QuestionResult } from "./metrics.js";
export { runEval, evalTargets, unmetTargets } from "./run-eval.js";
export type { EvalReport, EvalTargets } from "./run-eval.js";
export { createBaseline } from "./baseline.js";
export type { EvalTarget } from "./baseline.js";
export { formatEvalReport } from "./format-report.js";
