import { createAnswerService, withSourceLinks } from "../../answer/index.js";
import { answerToJson, createAnswerPrinter } from "../render-answer.js";
import { createCliContext, createIngestProgress } from "../context.js";
import type { RegisterCommand } from "./index.js";

export const registerAsk: RegisterCommand = (program) => {
  program
    .command("ask")
    .description("Answer one question, with citations.")
    .argument("<question...>", "the question (quote it in the shell)")
    .option(
      "--json",
      "print one JSON object: {answer, mode, citations, found, closest}; citations carry `url` when PUBLIC_URL is set",
    )
    // A question may start with "-" ("-5 °C targets?") without a `--` before it.
    .allowUnknownOption()
    .action(async (words: string[], options: { json?: boolean }) => {
      const { config, logger } = createCliContext();
      // With PUBLIC_URL set, every citation carries the link that opens it on the web page.
      const service = withSourceLinks(
        await createAnswerService(config, { logger, onProgress: createIngestProgress(logger) }),
        config.web.publicUrl,
      );
      const printer = createAnswerPrinter();
      const answer = await service.ask(words.join(" "), { onToken: options.json ? undefined : printer.onToken });
      if (options.json) process.stdout.write(`${JSON.stringify(answerToJson(answer, config.web.publicUrl))}\n`);
      else printer.finish(answer);
    });
};
