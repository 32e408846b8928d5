import { createAnswerService } from "../../answer/answer-service.js";
import type { Answer, QuestionAnswerer } from "../../core/types.js";
import { createCliContext, createIngestProgress } from "../context.js";
import { answerToJson, createAnswerPrinter } from "../render-answer.js";
import type { RegisterCommand } from "./index.js";

/** Said when no LLM is configured: the command still gives the material a draft would be written from. */
export const draftNeedsLlmNote =
  "Drafting needs an LLM (set LLM_PROVIDER, see README › Generated answers with an LLM); these are the relevant quotes from the documents to write from.";

export interface DraftRunOptions {
  json?: boolean;
  /** Stream the draft as it is written (terminal output, not with --json). */
  stream?: boolean;
  write?: (text: string) => void;
}

/**
 * Drafts report background on a topic with the answerer's `draft` (LLM mode). Without an LLM, gives
 * the extractive answer on the topic as source material, with a note saying drafting needs an LLM.
 * Prints the text then the numbered sources, or with `json` the same object as `ask --json`.
 */
export async function runDraft(
  answerer: QuestionAnswerer,
  topic: string,
  options: DraftRunOptions = {},
): Promise<Answer> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const printer = createAnswerPrinter(write);
  const onToken = options.stream && !options.json ? printer.onToken : undefined;
  let answer: Answer;
  if (answerer.draft) {
    answer = await answerer.draft(topic, { onToken });
  } else {
    const material = await answerer.ask(topic, { onToken });
    answer = { ...material, note: material.note ? `${draftNeedsLlmNote} ${material.note}` : draftNeedsLlmNote };
  }
  if (options.json) write(`${JSON.stringify(answerToJson(answer))}\n`);
  else printer.finish(answer);
  return answer;
}

export const registerDraft: RegisterCommand = (program) => {
  program
    .command("draft")
    .description("Draft a background paragraph or two in report style on a topic, with citations (needs an LLM).")
    .argument("<topic...>", "the topic (quote it in the shell)")
    .option("--json", "print one JSON object, as `ask --json` does")
    .action(async (words: string[], options: { json?: boolean }) => {
      const { config, logger } = createCliContext();
      const service = await createAnswerService(config, { logger, onProgress: createIngestProgress(logger) });
      await runDraft(service, words.join(" "), { json: options.json, stream: process.stdout.isTTY === true });
    });
};
