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
  private readonly entries = new Map<string, { record: AnsweredQuestion; expires: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryAnswerStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 7 * 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.now = options.now ?? Date.now;
  }

  async put(id: string, record: AnsweredQuestion): Promise<void> {
    const now = this.now();
    this.entries.delete(id);
    this.entries.set(id, { record, expires: now + this.ttlMs });
    for (const [key, entry] of this.entries) {
      if (entry.expires > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }

  async get(id: string): Promise<AnsweredQuestion | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.record;
  }
}
