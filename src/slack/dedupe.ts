import { LRUCache } from "lru-cache";

/**
 * Event de-duplication. Slack retries an event it thinks went unanswered (x-slack-retry-num), and one post
 * that mentions the bot can arrive as both `message` and `app_mention`: the bot claims a key per message and
 * answers only when the claim is new.
 *
 * Behind an interface so several replicas can share one store (e.g. Redis `SET key 1 NX PX ttl`); the
 * in-memory store below is right for a single process.
 */
export interface DedupeStore {
  /** True the first time `key` is claimed within the store's time-to-live, false for every repeat. */
  claim(key: string): Promise<boolean>;
}

export interface MemoryDedupeStoreOptions {
  /** How long a key is remembered; Slack's retries come within minutes. Default 1 hour. */
  ttlMs?: number;
  /** Upper bound on remembered keys; the oldest are forgotten first. Default 50,000. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** In-process TTL set with a size bound (lru-cache: expired keys are never claimed twice). */
export class MemoryDedupeStore implements DedupeStore {
  private readonly claimed: LRUCache<string, true>;

  constructor(options: MemoryDedupeStoreOptions = {}) {
    const now = options.now ?? Date.now;
    this.claimed = new LRUCache<string, true>({
      max: options.maxEntries ?? 50_000,
      ttl: options.ttlMs ?? 60 * 60 * 1000,
      // Read the clock on every check (no 1 ms caching), so an injected clock is exact.
      perf: { now },
      ttlResolution: 0,
    });
  }

  async claim(key: string): Promise<boolean> {
    if (this.claimed.has(key)) return false;
    this.claimed.set(key, true);
    return true;
  }

  /** Keys remembered now (expired ones are dropped first). */
  get size(): number {
    this.claimed.purgeStale();
    return this.claimed.size;
  }
}

/** The key of one user message, shared by its `message` and `app_mention` events and by Slack's retries. */
export function messageKey(teamId: string | undefined, channel: string, ts: string): string {
  return `msg:${teamId ?? "-"}:${channel}:${ts}`;
}
