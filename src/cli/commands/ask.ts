import { createAnswerService } from "../../answer/answer-service.js";
import { answerToJson, createAnswerPrinter } from "../render-answer.js";
import { createCliContext, createIngestProgress } from "../context.js";
import type { RegisterCommand } from "./index.js";

export const registerAsk: RegisterCommand = (program) => {
  program
    .command("ask")
    .description("Answer one question, with citations.")
    .argument("<question...>", "the question (quote it in the shell)")
    .option("--json", "print one JSON object: {answer, mode, citations, found, closest}")
    // A question may start with "-" ("-5 °C targets?") without a `--` before it.
    .allowUnknownOption()
    .action(async (words: string[], options: { json?: boolean }) => {
      const { config, logger } = createCliContext();
      const service = await createAnswerService(config, { logger, onProgress: createIngestProgress(logger) });
      const printer = createAnswerPrinter();
      const answer = await service.ask(words.join(" "), { onToken: options.json ? undefined : printer.onToken });
      if (options.json) process.stdout.write(`${JSON.stringify(answerToJson(answer))}\n`);
      else printer.finish(answer);
    });
};
