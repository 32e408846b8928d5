import { createInterface } from "node:readline";
import { createAnswerService, type AnswerService } from "../../answer/answer-service.js";
import type { Config } from "../../config/config.js";
import { CoopdocsError } from "../../core/coopdocs-error.js";
import type { Logger } from "../../core/logger.js";
import type { ConversationTurn } from "../../core/types.js";
import { createCliContext, createIngestProgress } from "../context.js";
import { createAnswerPrinter } from "../render-answer.js";
import type { RegisterCommand } from "./index.js";

/**
 * A terminal conversation; follow-up questions see the earlier turns. Reads lines with the readline
 * iterator so that piped input (several questions at once) is answered line by line.
 */
export async function runChat(config: Config, logger: Logger, ready?: AnswerService): Promise<void> {
  const service =
    ready ??
    (await createAnswerService(config, {
      logger,
      onProgress: createIngestProgress(logger),
      watchCorpus: config.corpusWatch,
    }));
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, prompt: "\n> " });
  const history: ConversationTurn[] = [];
  console.log('Ask about the ASEAN-China environmental cooperation documents. "/clear" starts over, "/exit" quits.');
  rl.prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === "/exit" || line === "/quit") break;
      if (line === "/clear") {
        history.length = 0;
        console.log("(conversation cleared)");
      } else if (line !== "") {
        if (!interactive) console.log(line);
        try {
          const printer = createAnswerPrinter();
          const answer = await service.ask(line, { history, onToken: printer.onToken });
          printer.finish(answer);
          history.push(
            { role: "user", text: line },
            // The evidence goes with the turn, so "which of those…" can narrow it.
            {
              role: "assistant",
              text: answer.answer,
              passageIds: answer.passages.map((p) => p.id),
              found: answer.found,
            },
          );
        } catch (error) {
          if (!(error instanceof CoopdocsError)) throw error;
          console.log(`${error.message}${error.hint ? ` ${error.hint}` : ""}`);
        }
      }
      rl.prompt();
    }
  } finally {
    rl.close();
    // A service passed in (by `start`) is closed by its owner.
    if (!ready) await service.close();
  }
}

export const registerChat: RegisterCommand = (program) => {
  program
    .command("chat")
    .description("Ask questions in a terminal conversation.")
    .action(async () => {
      const { config, logger } = createCliContext();
      await runChat(config, logger);
    });
};
