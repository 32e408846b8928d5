import { createAnswerService, withSourceLinks } from "../../answer/index.js";
import type { Config } from "../../config/config.js";
import type { Logger } from "../../core/logger.js";
import type { QuestionAnswerer } from "../../core/types.js";
import { createIndexSourcesProvider, startWebServer, type RunningWebServer } from "../../web/index.js";
import { createCliContext, createIngestProgress } from "../context.js";
import type { RegisterCommand } from "./index.js";

/** Starts the web page over a ready answerer (`npm start` shares the bot's). */
export function runWebServer(config: Config, logger: Logger, answerer: QuestionAnswerer): Promise<RunningWebServer> {
  return startWebServer({
    answerer: withSourceLinks(answerer, config.web.publicUrl),
    sources: createIndexSourcesProvider({ corpusDir: config.corpusDir, indexDir: config.indexDir }),
    publicUrl: config.web.publicUrl,
    host: config.web.host,
    port: config.web.port,
    logger,
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info(`Received ${signal}; stopping…`);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/** `coopdocs web`: the ask page, the source view and the JSON API on WEB_HOST:WEB_PORT until SIGINT/SIGTERM. */
export const registerWeb: RegisterCommand = (program) => {
  program
    .command("web")
    .description("Run the web page and JSON API (WEB_HOST:WEB_PORT, default 127.0.0.1:8080).")
    .action(async () => {
      const { config, logger } = createCliContext();
      const answerer = await createAnswerService(config, {
        logger,
        onProgress: createIngestProgress(logger),
        watchCorpus: config.corpusWatch,
      });
      const server = await runWebServer(config, logger, answerer);
      process.stderr.write(`coopdocs web page: ${server.url}\n`);
      await untilSignal(logger);
      await server.close();
      await answerer.close();
    });
};
