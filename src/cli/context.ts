import { SingleBar, Presets } from "cli-progress";
import { loadConfig, type Config } from "../config/config.js";
import { createConsoleLogger, type Logger } from "../core/logger.js";
import type { IngestProgress } from "../ingest/ingest.js";

export interface CliContext {
  config: Config;
  logger: Logger;
}

/** Configuration and a logger that never prints the configured secrets. */
export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  const secrets = [config.slack.botToken, config.slack.appToken, config.slack.signingSecret, config.llm.apiKey].filter(
    (s): s is string => typeof s === "string",
  );
  return { config, logger: createConsoleLogger({ level: config.logLevel, secrets }) };
}

/**
 * Shows ingest progress: a bar while embedding on a terminal, a few log lines otherwise (CI, pipes).
 */
export function createIngestProgress(logger: Logger, stream: NodeJS.WriteStream = process.stderr): (e: IngestProgress) => void {
  let bar: SingleBar | undefined;
  let lastLogged = -1;
  return (event) => {
    if (event.phase === "read" && event.done === 0) logger.info(`Reading ${event.total} documents…`);
    if (event.phase === "embed") {
      if (event.total === 0) return;
      if (stream.isTTY) {
        bar ??= new SingleBar(
          { format: "Embedding passages [{bar}] {value}/{total} ({eta}s left)", stream, hideCursor: true },
          Presets.shades_classic,
        );
        if (event.done === 0) bar.start(event.total, 0);
        bar.update(event.done);
        if (event.done === event.total) bar.stop();
      } else {
        const decile = Math.floor((10 * event.done) / event.total);
        if (decile !== lastLogged) {
          lastLogged = decile;
          logger.info(`Embedding passages: ${event.done}/${event.total}`);
        }
      }
    }
    if (event.phase === "ocr") logger.info(`OCR ${event.file}: ${event.done}/${event.total} pages`);
    if (event.phase === "write") logger.info("Writing the index…");
  };
}
