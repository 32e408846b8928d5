import type { EvalSummary } from "./metrics.js";
import type { EvalReport } from "./run-eval.js";

const metricRows: { key: keyof EvalSummary; label: string; unit?: "ms" }[] = [
  { key: "hitAt1", label: "retrieval hit@1" },
  { key: "hitAt5", label: "retrieval hit@5" },
  { key: "mrr", label: "MRR" },
  { key: "answerPassRate", label: "answer pass rate" },
  { key: "unanswerableHandled", label: "unanswerable → not found" },
  { key: "citationPrecision", label: "citation precision" },
  { key: "latencyP50Ms", label: "latency p50", unit: "ms" },
  { key: "latencyP95Ms", label: "latency p95", unit: "ms" },
];

const cell = (value: number, unit?: "ms") => (unit === "ms" ? `${value.toFixed(0)} ms` : value.toFixed(2));

/** A readable table: one row per question, then the totals (with the baseline side by side when run). */
export function formatEvalReport(report: EvalReport, baseline?: EvalReport): string {
  const lines: string[] = [];
  lines.push("id   kind          rank  answer  ms     missing");
  for (const r of report.results) {
    const verdict =
      r.answerPass !== null ? (r.answerPass ? "pass" : "FAIL") : r.unanswerableHandled ? "pass" : "FAIL";
    const missing = r.missingGroups.map((g) => g[0]).join(", ");
    lines.push(
      `${r.id.padEnd(4)} ${r.kind.padEnd(13)} ${String(r.firstSourceRank ?? "-").padEnd(5)} ${verdict.padEnd(7)} ${r.latencyMs.toFixed(0).padEnd(6)} ${verdict === "FAIL" ? missing : ""}`,
    );
  }
  lines.push("");
  const header = baseline ? `${"metric".padEnd(26)} ${"coopdocs".padEnd(10)} ${"baseline".padEnd(10)} ratio` : `${"metric".padEnd(26)} coopdocs`;
  lines.push(`${report.label} — ${report.summary.questions} questions`);
  lines.push(header);
  for (const row of metricRows) {
    const ours = report.summary[row.key];
    if (!baseline) {
      lines.push(`${row.label.padEnd(26)} ${cell(ours, row.unit)}`);
      continue;
    }
    const theirs = baseline.summary[row.key];
    const ratio = theirs === 0 ? (ours === 0 ? "=" : "∞") : `${(ours / theirs).toFixed(2)}×`;
    lines.push(`${row.label.padEnd(26)} ${cell(ours, row.unit).padEnd(10)} ${cell(theirs, row.unit).padEnd(10)} ${ratio}`);
  }
  return lines.join("\n");
}
