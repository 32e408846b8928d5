import type { Answer } from "../core/types.js";

/** How the configured LLM's answers came out over an evaluation set (`coopdocs eval --llm`). */
export interface LlmAnswerSummary {
  questions: number;
  /** Answers written by the LLM and checked (mode "llm", found). */
  generated: number;
  /** The LLM said the documents do not hold the answer (NOT_FOUND or a refusal in its own words). */
  notFound: number;
  /** The extractive answer was given instead (LLM fault, or no checked cited sentence). */
  fellBack: number;
  /** Generated answers cut off by the token limit (or a stream broken midway). */
  cutOff: number;
  /** Fallback and cut-off notes, by reason (the note up to its comma), most frequent first. */
  notes: { note: string; count: number }[];
}

/** Counts what became of each answer. */
export function summariseLlmAnswers(answers: readonly Answer[]): LlmAnswerSummary {
  const notes = new Map<string, number>();
  let generated = 0;
  let notFound = 0;
  let fellBack = 0;
  let cutOff = 0;
  for (const answer of answers) {
    if (answer.mode === "extractive") fellBack += 1;
    else if (answer.found) generated += 1;
    else notFound += 1;
    if (answer.mode === "llm" && answer.note) cutOff += 1;
    if (answer.note) {
      const reason = answer.note.split(/[,;]/)[0]?.trim() ?? answer.note;
      notes.set(reason, (notes.get(reason) ?? 0) + 1);
    }
  }
  return {
    questions: answers.length,
    generated,
    notFound,
    fellBack,
    cutOff,
    notes: [...notes].map(([note, count]) => ({ note, count })).sort((a, b) => b.count - a.count),
  };
}

/** The summary as a few lines under the evaluation report. */
export function formatLlmAnswerSummary(model: string, summary: LlmAnswerSummary): string {
  const share = (n: number) => (summary.questions === 0 ? "0%" : `${Math.round((100 * n) / summary.questions)}%`);
  const lines = [
    `LLM answers (${model}), ${summary.questions} questions:`,
    `  generated and checked  ${summary.generated} (${share(summary.generated)})`,
    `  not found              ${summary.notFound} (${share(summary.notFound)})`,
    `  fell back (extractive) ${summary.fellBack} (${share(summary.fellBack)})`,
    `  cut off                ${summary.cutOff} (${share(summary.cutOff)})`,
  ];
  for (const { note, count } of summary.notes) lines.push(`    ${count} × ${note}`);
  return lines.join("\n");
}
