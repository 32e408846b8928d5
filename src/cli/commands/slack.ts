import { createAnswerService, withSourceLinks, type AnswerService } from "../../answer/index.js";
import { missingSlackSettings } from "../../config/config.js";
import { createSlackBot } from "../../slack/index.js";
import { createCliContext, createIngestProgress, type CliContext } from "../context.js";
import type { RegisterCommand } from "./index.js";

// SIGTERM lets answers in progress finish for the bot's grace period (SLACK_SHUTDOWN_GRACE_MS); this much
// more is allowed for closing sockets, after which the process exits even if a Web API call still hangs.
const exitMarginMs = 5_000;

/**
 * Starts the bot with a ready answer service (or its own, watching the corpus) and runs it until
 * SIGINT/SIGTERM (bounded: it always exits). A service passed in is closed by its owner.
 */
export async function runSlackBot({ config, logger }: CliContext, ready?: AnswerService): Promise<void> {
  const answerer =
    ready ??
    (await createAnswerService(config, {
      logger,
      onProgress: createIngestProgress(logger),
      watchCorpus: config.corpusWatch,
    }));
  const bot = createSlackBot({
    slack: config.slack,
    dataDir: config.dataDir,
    // With PUBLIC_URL set, each Slack citation links to its passage on the web page.
    answerer: withSourceLinks(answerer, config.web.publicUrl),
    logger,
    logLevel: config.logLevel,
  });
  await bot.start();
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info(`Received ${signal}; stopping the Slack bot…`);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      // Pending Web API calls (retries, a hung connection) must not keep the process alive.
      setTimeout(() => {
        logger.warn("Slack calls still pending after the grace period; exiting.");
        process.exit(process.exitCode ?? 0);
      }, bot.shutdownGraceMs + exitMarginMs).unref();
      Promise.all([bot.stop(), ready ? undefined : answerer.close()]).then(
        () => resolve(),
        (error: unknown) => {
          logger.error("Slack bot did not stop cleanly", { error });
          resolve();
        },
      );
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/** What to tell a user whose Slack settings are incomplete. */
export function missingSlackMessage(missing: string[], mode: string): string {
  return (
    `The Slack bot needs ${missing.join(", ")} (${mode} mode).\n` +
    "Set them in your environment or .env file (see .env.example; README › Install in your workspace shows where to find each one).\n"
  );
}

/**
 * `coopdocs slack`: runs the Slack bot until SIGINT/SIGTERM. Socket Mode by default, HTTP with SLACK_MODE=http.
 * Missing settings are reported by name with a non-zero exit, before the index is loaded.
 */
export const registerSlack: RegisterCommand = (program, setExitCode) => {
  program
    .command("slack")
    .description("Run the Slack bot (Socket Mode by default; SLACK_MODE=http for the Events API on PORT).")
    .action(async () => {
      const context = createCliContext();
      const missing = missingSlackSettings(context.config.slack);
      if (missing.length > 0) {
        process.stderr.write(`Error: ${missingSlackMessage(missing, context.config.slack.mode)}`);
        setExitCode(2);
        return;
      }
      await runSlackBot(context);
    });
};
