import { createAnswerService } from "../../answer/index.js";
import { missingSlackSettings } from "../../config/config.js";
import type { Logger } from "../../core/logger.js";
import type { RunningWebServer } from "../../web/index.js";
import { createCliContext, createIngestProgress } from "../context.js";
import { runChat } from "./chat.js";
import type { RegisterCommand } from "./index.js";
import { missingSlackMessage, runSlackBot } from "./slack.js";
import { runWebServer, untilSignal } from "./web.js";

/** A web page that cannot start (port taken) is reported; the bot or the chat still runs. */
async function tryWebServer(
  start: () => Promise<RunningWebServer>,
  logger: Logger,
): Promise<RunningWebServer | undefined> {
  try {
    return await start();
  } catch (error) {
    logger.error(
      `The web page could not start (${error instanceof Error ? error.message : String(error)}); set WEB_PORT to a free port.`,
    );
    return undefined;
  }
}

/**
 * `npm start`: brings the index up to date, then runs the web page and the Slack bot side by side
 * over one answerer. Without Slack settings it says what is missing and serves the web page (and
 * opens the local chat when run in a terminal).
 */
export const registerStart: RegisterCommand = (program) => {
  program
    .command("start")
    .description(
      "Build the index if missing or stale, then run the web page and the Slack bot (or the local chat without Slack settings).",
    )
    .action(async () => {
      const context = createCliContext();
      const { config, logger } = context;
      const missing = missingSlackSettings(config.slack);
      const answerer = await createAnswerService(config, {
        logger,
        onProgress: createIngestProgress(logger),
        watchCorpus: config.corpusWatch,
      });
      const web = await tryWebServer(() => runWebServer(config, logger, answerer), logger);
      try {
        if (missing.length === 0) {
          await runSlackBot(context, answerer);
          return;
        }
        process.stderr.write(`Slack is not configured. ${missingSlackMessage(missing, config.slack.mode)}`);
        if (web) process.stderr.write(`The web page is ready: ${web.url}\n`);
        if (process.stdin.isTTY) {
          process.stderr.write("Opening the local chat instead.\n");
          await runChat(config, logger, answerer);
        } else {
          process.stderr.write("The index is ready. Run `npx coopdocs chat` in a terminal to ask questions locally.\n");
          if (web) await untilSignal(logger);
        }
      } finally {
        await web?.close();
        await answerer.close();
      }
    });
};
