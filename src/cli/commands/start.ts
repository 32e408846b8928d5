import { ensureIndex } from "../../answer/ensure-index.js";
import { missingSlackSettings } from "../../config/config.js";
import { createEmbedder } from "../../embeddings/create-embeddings.js";
import { createCliContext, createIngestProgress } from "../context.js";
import { runChat } from "./chat.js";
import type { RegisterCommand } from "./index.js";
import { missingSlackMessage, runSlackBot } from "./slack.js";

/**
 * `npm start`: brings the index up to date, then runs the Slack bot. Without Slack settings it says
 * what is missing and opens the local chat when run in a terminal.
 */
export const registerStart: RegisterCommand = (program) => {
  program
    .command("start")
    .description("Build the index if missing or stale, then run the Slack bot (or the local chat without Slack settings).")
    .action(async () => {
      const context = createCliContext();
      const { config, logger } = context;
      const missing = missingSlackSettings(config.slack);
      if (missing.length === 0) {
        await runSlackBot(context);
        return;
      }
      const embedder = await createEmbedder(config.embeddings);
      await ensureIndex({
        corpusDir: config.corpusDir,
        indexDir: config.indexDir,
        embedder,
        logger,
        onProgress: createIngestProgress(logger),
      });
      process.stderr.write(`Slack is not configured. ${missingSlackMessage(missing, config.slack.mode)}`);
      if (process.stdin.isTTY) {
        process.stderr.write("Opening the local chat instead.\n");
        await runChat(config, logger);
      } else {
        process.stderr.write("The index is ready. Run `npx coopdocs chat` in a terminal to ask questions locally.\n");
      }
    });
};
