/**
 * Fits the sentence-selection weights (src/answer/weights.json) on the tune split of the dev set and
 * the public set: `npm run fit` (after `npx coopdocs ingest`). Rerun it after the corpus changes.
 *
 * For every question, the candidate passages are gathered as an answer would gather them; each
 *    quotable unit gets its features and the label "holds a string the answer must contain".
 * A logistic regression (L2, class-balanced, batch gradient descent) is fitted on those units.
 * The fitted probability orders the evidence pool (src/answer/decide-answer.ts › rankEvidence).
 * The check split is never read here.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAnswerService } from "../src/answer/answer-service.js";
import { readQuestion } from "../src/answer/decide-answer.js";
import { documentsOf, impliedTerms, namedDocuments } from "../src/answer/document-scope.js";
import { evidenceUnits, type EvidenceUnit } from "../src/answer/evidence-units.js";
import { gatherCandidates, neighbourMap } from "../src/answer/evidence-pool.js";
import { splitQuestion, stripPreamble } from "../src/answer/question-analysis.js";
import { featureNames, unitFeatures } from "../src/answer/unit-features.js";
import { loadConfig } from "../src/config/config.js";
import type { Passage } from "../src/core/types.js";
import { readEvalSet, selectSplit, type EvalQuestion } from "../src/eval/evalset.js";
import { isUnanswerable } from "../src/eval/metrics.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// L2 strength: keeps rare features (a cue seen on few units) from swinging; Newton steps converge in ~10.
const l2 = 1;
const newtonSteps = 25;

/** Solves A x = b (A small, symmetric positive definite) by Gaussian elimination. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] ?? [], m[col] ?? []];
    const p = m[col]?.[col] ?? 1;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = (m[r]?.[col] ?? 0) / p;
      for (let c = col; c <= n; c++) (m[r] as number[])[c] = (m[r]?.[c] ?? 0) - factor * (m[col]?.[c] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Class-balanced, L2-penalised logistic regression by Newton's method (IRLS); the bias is the last weight. */
function fitLogistic(x: number[][], y: number[]): { weights: number[]; bias: number } {
  const rows = x.map((r) => [...r, 1]);
  const dims = rows[0]?.length ?? 1;
  const positives = y.filter((v) => v === 1).length;
  // The few units holding an answer weigh as much in total as the many that do not.
  const classWeight = (label: number) =>
    label === 1 ? y.length / (2 * Math.max(1, positives)) : y.length / (2 * Math.max(1, y.length - positives));
  let w = new Array<number>(dims).fill(0);
  for (let step = 0; step < newtonSteps; step++) {
    const grad = new Array<number>(dims).fill(0);
    const hessian = Array.from({ length: dims }, (_, i) =>
      Array.from({ length: dims }, (_, j) => (i === j && i < dims - 1 ? l2 : 0)),
    );
    rows.forEach((row, i) => {
      const label = y[i] ?? 0;
      let z = 0;
      row.forEach((f, j) => (z += f * (w[j] ?? 0)));
      const p = 1 / (1 + Math.exp(-z));
      const cw = classWeight(label);
      row.forEach((f, j) => {
        grad[j] = (grad[j] ?? 0) + cw * (p - label) * f;
        const hj = hessian[j] as number[];
        for (let k = 0; k < dims; k++) hj[k] = (hj[k] ?? 0) + cw * p * (1 - p) * f * (row[k] ?? 0);
      });
    });
    w.forEach((v, j) => {
      if (j < dims - 1) grad[j] = (grad[j] ?? 0) + l2 * v;
    });
    const delta = solve(hessian, grad);
    w = w.map((v, j) => v - (delta[j] ?? 0));
  }
  return { weights: w.slice(0, -1).map((v) => Number(v.toFixed(4))), bias: Number((w.at(-1) ?? 0).toFixed(4)) };
}

const config = loadConfig({ ...process.env, LOG_LEVEL: "silent" }, root);
const service = await createAnswerService(config);
const retriever = service.retriever;
const neighbours = neighbourMap(retriever.chunks);
const documents = documentsOf(retriever.chunks);
const context = (q: string) => ({
  searchQuery: retriever.searchQuery(q),
  expand: (t: string) => retriever.searchQuery(t),
  idf: retriever.idf,
  scope: namedDocuments(q, documents),
});

const questions: EvalQuestion[] = [
  ...selectSplit(await readEvalSet(path.join(root, "tests/eval/dev.jsonl")), "tune"),
  ...(await readEvalSet(path.join(root, "tests/eval/public.jsonl"))),
];
const prepared: { q: EvalQuestion; query: string; candidates: Passage[] }[] = [];
for (const q of questions) {
  const query = stripPreamble(q.question);
  prepared.push({ q, query, candidates: await gatherCandidates(retriever, neighbours, query, splitQuestion(query)) });
}

// 1–2: unit features and labels, then the regression.
const x: number[][] = [];
const y: number[] = [];
for (const { q, query, candidates } of prepared) {
  const questionContext = context(query);
  const { whole } = readQuestion(query, questionContext, retriever.idf);
  const units = evidenceUnits(candidates);
  const naming = (unit: EvidenceUnit) => impliedTerms(questionContext.scope, unit.passage.meta, unit.text);
  const features = unitFeatures(units, whole, retriever.idf, naming);
  const holdsAnswer = (text: string) =>
    q.must_contain.some((group) => group.some((s) => text.toLowerCase().includes(s.toLowerCase())));
  const listKind = whole.kind === "list" || whole.kind === "count";
  units.forEach((unit, i) => {
    // The smallest quote holding the answer is the right one: a whole list is labelled an answer only
    // for list questions, or when no single sentence or item of its passage holds the answer.
    const smaller = units.some((u) => u.passage === unit.passage && !u.isList && holdsAnswer(u.text));
    const label = !isUnanswerable(q) && holdsAnswer(unit.text) && (!unit.isList || listKind || !smaller) ? 1 : 0;
    x.push(features[i] ?? []);
    y.push(label);
  });
}
const fitted = fitLogistic(x, y);
console.log(
  `fitted on ${x.length} units (${y.filter((v) => v === 1).length} holding an answer) from ${questions.length} questions`,
);

const out = {
  comment:
    "Fitted by `npm run fit` (scripts/fit-weights.ts) on the tune split of tests/eval/dev.jsonl and tests/eval/public.jsonl.",
  features: [...featureNames],
  weights: fitted.weights,
  bias: fitted.bias,
};
await writeFile(path.join(root, "src/answer/weights.json"), `${JSON.stringify(out, null, 2)}\n`);
console.log(featureNames.map((name, i) => `${name} ${out.weights[i]}`).join(", "));
