import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { AnswerMode, Citation } from "../core/types.js";
import type { Surface } from "./answer-store.js";

/**
 * One 👍/👎 click or 👎 reason, as one JSON line. A user's later vote on the same message replaces the earlier
 * one: `replaces` says so, and a reader counts the last line per (user, channel, messageTs).
 */
export interface FeedbackEntry {
  time: string;
  rating: "up" | "down";
  /** The user's earlier vote on this message that this one replaces. */
  replaces?: "up" | "down";
  /** After a 👎: the reason picked ("wrong", "incomplete", "sources", "not-asked"). */
  reason?: string;
  user: string;
  channel?: string;
  messageTs?: string;
  surface?: Surface;
  /** Null when the answer was given before a restart and only the message itself was left to read. */
  question: string | null;
  answer: string;
  mode?: AnswerMode;
  found?: boolean;
  citations: Citation[];
}

export interface FeedbackLog {
  append(entry: FeedbackEntry): Promise<void>;
  readonly file?: string;
}

/** The file under the data folder where feedback goes. */
export function feedbackLogPath(dataDir: string): string {
  return path.join(dataDir, "feedback.jsonl");
}

/**
 * Appends JSON lines to a local file, creating its folder. Writes are chained so lines from concurrent clicks
 * never interleave; a failed write rejects that append only.
 */
export function createJsonlFeedbackLog(file: string): FeedbackLog {
  let queue: Promise<void> = Promise.resolve();
  return {
    file,
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      const write = queue.then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await appendFile(file, line, "utf8");
      });
      queue = write.catch(() => undefined);
      return write;
    },
  };
}
