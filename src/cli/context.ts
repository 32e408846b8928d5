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

// Progress lines at least this often (and never more often) on a log, so a long ingest never goes quiet.
const progressEveryMs = 10_000;
// Passages after which the first rate is trusted for an estimate: a few batches, a few seconds.
const estimateAfterPassages = 96;
// Ingests estimated to take longer than this are announced before they run on.
const announceAboveMs = 60_000;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/**
 * Shows ingest progress: a bar while embedding on a terminal; on a log (CI, pipes, services) a line at
 * least every 10 s with the rate and the time left, and an estimate once the first passages are embedded.
 */
export function createIngestProgress(
  logger: Logger,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): (e: IngestProgress) => void {
  let bar: SingleBar | undefined;
  let started = 0;
  let lastLogged = 0;
  let estimated = false;
  return (event) => {
    if (event.phase === "read" && event.done === 0) logger.info(`Reading ${event.total} documents…`);
    if (event.phase === "embed") {
      if (event.total === 0) return;
      if (event.done === 0) {
        started = now();
        lastLogged = started;
        estimated = false;
        logger.info(`Embedding passages: 0/${event.total}…`);
      }
      const elapsed = now() - started;
      const rate = elapsed > 0 ? event.done / (elapsed / 1000) : 0;
      const left = rate > 0 ? ((event.total - event.done) / rate) * 1000 : Number.NaN;
      if (!estimated && event.done >= estimateAfterPassages && event.done < event.total) {
        estimated = true;
        if (left > announceAboveMs) {
          logger.info(
            `~${event.total.toLocaleString("en")} passages, about ${duration(left + elapsed)} on this machine.`,
          );
        }
      }
      if (stream.isTTY) {
        bar ??= new SingleBar(
          { format: "Embedding passages [{bar}] {value}/{total} ({eta}s left)", stream, hideCursor: true },
          Presets.shades_classic,
        );
        if (event.done === 0) bar.start(event.total, 0);
        bar.update(event.done);
        if (event.done === event.total) bar.stop();
      } else if (event.done === event.total || now() - lastLogged >= progressEveryMs) {
        lastLogged = now();
        const eta = Number.isFinite(left) && event.done < event.total ? `, ${duration(left)} left` : "";
        logger.info(`Embedding passages: ${event.done}/${event.total} (${rate.toFixed(1)}/s${eta})`);
      }
    }
    if (event.phase === "ocr") logger.info(`OCR ${event.file}: ${event.done}/${event.total} pages`);
    if (event.phase === "write") logger.info("Writing the index…");
  };
}
