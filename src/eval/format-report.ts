import type { EvalSummary } from "./metrics.js";
import type { EvalReport } from "./run-eval.js";

type NumericKey = { [K in keyof EvalSummary]: EvalSummary[K] extends number ? K : never }[keyof EvalSummary];

const metricRows: { key: NumericKey; label: string; unit?: "ms" | "chars" }[] = [
  { key: "hitAt1", label: "retrieval hit@1" },
  { key: "hitAt5", label: "retrieval hit@5" },
  { key: "mrr", label: "MRR" },
  { key: "factRecallAt3", label: "fact recall@3" },
  { key: "factRecallAt5", label: "fact recall@5" },
  { key: "factRecallAt8", label: "fact recall@8" },
  { key: "factRecallAt12", label: "fact recall@12" },
  { key: "answerPassRate", label: "answer pass rate" },
  { key: "unanswerableHandled", label: "unanswerable → not found" },
  { key: "citationPrecision", label: "citation precision" },
  { key: "medianAnswerChars", label: "median answer", unit: "chars" },
  { key: "maxQuoteChars", label: "longest quote (not a list)", unit: "chars" },
  { key: "latencyP50Ms", label: "latency p50", unit: "ms" },
  { key: "latencyP95Ms", label: "latency p95", unit: "ms" },
];

const cell = (value: number, unit?: "ms" | "chars") =>
  unit === "ms" ? `${value.toFixed(0)} ms` : unit === "chars" ? `${value.toFixed(0)} ch` : value.toFixed(2);

/** A readable table: one row per question, then the totals (with the baseline side by side when run), then per kind. */
export function formatEvalReport(report: EvalReport, baseline?: EvalReport): string {
  const lines: string[] = [];
  lines.push("id    kind          rank  facts  answer  ms     missing");
  for (const r of report.results) {
    const verdict = r.answerPass !== null ? (r.answerPass ? "pass" : "FAIL") : r.unanswerableHandled ? "pass" : "FAIL";
    const missing = r.missingGroups.map((g) => g[0]).join(", ");
    lines.push(
      `${r.id.padEnd(5)} ${r.kind.padEnd(13)} ${String(r.firstSourceRank ?? "-").padEnd(5)} ${String(r.factsWithin ?? "-").padEnd(6)} ${verdict.padEnd(7)} ${r.latencyMs.toFixed(0).padEnd(6)} ${verdict === "FAIL" ? missing : ""}`,
    );
  }
  lines.push("");
  const header = baseline
    ? `${"metric".padEnd(28)} ${"coopdocs".padEnd(10)} ${"baseline".padEnd(10)} ratio`
    : `${"metric".padEnd(28)} coopdocs`;
  lines.push(`${report.label} — ${report.summary.questions} questions`);
  lines.push(header);
  for (const row of metricRows) {
    const ours = report.summary[row.key];
    if (!baseline) {
      lines.push(`${row.label.padEnd(28)} ${cell(ours, row.unit)}`);
      continue;
    }
    const theirs = baseline.summary[row.key];
    const ratio = theirs === 0 ? (ours === 0 ? "=" : "∞") : `${(ours / theirs).toFixed(2)}×`;
    lines.push(
      `${row.label.padEnd(28)} ${cell(ours, row.unit).padEnd(10)} ${cell(theirs, row.unit).padEnd(10)} ${ratio}`,
    );
  }
  lines.push("");
  lines.push(`${"kind".padEnd(14)} questions  pass`);
  for (const [kind, s] of Object.entries(report.summary.byKind)) {
    lines.push(`${kind.padEnd(14)} ${String(s.questions).padEnd(10)} ${s.passRate.toFixed(2)}`);
  }
  return lines.join("\n");
}
