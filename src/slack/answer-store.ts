import { LRUCache } from "lru-cache";
import type { Answer } from "../core/types.js";

/** An answer the bot gave, kept so its feedback and share buttons can find the question and citations. */
export interface AnsweredQuestion {
  question: string;
  answer: Answer;
  surface: Surface;
  user: string;
  channel: string;
  threadTs?: string;
}

export type Surface = "mention" | "dm" | "assistant" | "slash";

/**
 * Where answers wait for a click on their buttons. In memory by default: after a restart, feedback on an
 * old answer is still logged, from the message itself, only without the citations (see actions.ts).
 */
export interface AnswerStore {
  put(id: string, record: AnsweredQuestion): Promise<void>;
  get(id: string): Promise<AnsweredQuestion | undefined>;
}

export interface MemoryAnswerStoreOptions {
  /** Default 7 days: people give feedback late. */
  ttlMs?: number;
  /** Default 5,000 answers; the oldest are forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

export class MemoryAnswerStore implements AnswerStore {
  private readonly entries: LRUCache<string, AnsweredQuestion>;

  constructor(options: MemoryAnswerStoreOptions = {}) {
    const now = options.now ?? Date.now;
    this.entries = new LRUCache<string, AnsweredQuestion>({
      max: options.maxEntries ?? 5000,
      ttl: options.ttlMs ?? 7 * 24 * 60 * 60 * 1000,
      perf: { now },
      ttlResolution: 0,
    });
  }

  async put(id: string, record: AnsweredQuestion): Promise<void> {
    this.entries.set(id, record);
  }

  async get(id: string): Promise<AnsweredQuestion | undefined> {
    return this.entries.get(id);
  }
}
