import { createInterface } from "node:readline/promises";
import { createAnswerService } from "../../answer/answer-service.js";
import type { Config } from "../../config/config.js";
import { CoopdocsError } from "../../core/coopdocs-error.js";
import type { Logger } from "../../core/logger.js";
import type { ConversationTurn } from "../../core/types.js";
import { createCliContext, createIngestProgress } from "../context.js";
import { renderAnswer } from "../render-answer.js";
import type { RegisterCommand } from "./index.js";

/** A terminal conversation; follow-up questions see the earlier turns. */
export async function runChat(config: Config, logger: Logger): Promise<void> {
  const service = await createAnswerService(config, { logger, onProgress: createIngestProgress(logger) });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const history: ConversationTurn[] = [];
  console.log('Ask about the ASEAN-China environmental cooperation documents. "/clear" starts over, "/exit" quits.');
  try {
    for (;;) {
      let line: string;
      try {
        line = (await rl.question("\n> ")).trim();
      } catch {
        break; // input closed (Ctrl-D)
      }
      if (line === "/exit" || line === "/quit") break;
      if (line === "/clear") {
        history.length = 0;
        console.log("(conversation cleared)");
        continue;
      }
      if (line === "") continue;
      try {
        let streamed = false;
        const answer = await service.ask(line, {
          history,
          onToken: (token) => {
            streamed = true;
            process.stdout.write(token);
          },
        });
        if (streamed) process.stdout.write("\n\n");
        console.log(renderAnswer(answer));
        history.push({ role: "user", text: line }, { role: "assistant", text: answer.answer });
      } catch (error) {
        if (!(error instanceof CoopdocsError)) throw error;
        console.log(`${error.message}${error.hint ? ` ${error.hint}` : ""}`);
      }
    }
  } finally {
    rl.close();
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
