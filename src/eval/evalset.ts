import { readFile } from "node:fs/promises";
import { z } from "zod";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

const evalQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  /** Groups of alternatives: the answer passes a group when it contains any of its strings. */
  must_contain: z.array(z.array(z.string())),
  /** Corpus files that hold the answer; empty for unanswerable questions. */
  sources: z.array(z.string()),
  kind: z.string(),
  /** "tune" questions may be studied and fitted on; "check" questions are for measuring only. */
  split: z.enum(["tune", "check"]).optional(),
});

export type EvalSplit = "tune" | "check";

/** The questions of one split (all of them when no split is asked for). */
export function selectSplit(questions: readonly EvalQuestion[], split?: EvalSplit): EvalQuestion[] {
  return split ? questions.filter((q) => q.split === split) : [...questions];
}

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Reads a JSONL evaluation set; a bad line is reported with its number. */
export async function readEvalSet(file: string): Promise<EvalQuestion[]> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new CoopdocsError(ErrorCode.EvalSetInvalid, `Cannot read the evaluation set ${file}.`);
  }
  const questions: EvalQuestion[] = [];
  raw.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new CoopdocsError(ErrorCode.EvalSetInvalid, `${file}, line ${i + 1}: not valid JSON.`);
    }
    const result = evalQuestionSchema.safeParse(parsed);
    if (!result.success) {
      const problem = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new CoopdocsError(ErrorCode.EvalSetInvalid, `${file}, line ${i + 1}: ${problem}.`);
    }
    questions.push(result.data);
  });
  if (questions.length === 0) throw new CoopdocsError(ErrorCode.EvalSetInvalid, `${file} holds no questions.`);
  return questions;
}
