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

/** In-process TTL set. Keys are kept in insertion order, so expiry only ever looks at the oldest. */
export class MemoryDedupeStore implements DedupeStore {
  private readonly expiries = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryDedupeStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  async claim(key: string): Promise<boolean> {
    const now = this.now();
    this.evict(now);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private evict(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now && this.expiries.size < this.maxEntries) break;
      this.expiries.delete(key);
    }
  }
}

/** The key of one user message, shared by its `message` and `app_mention` events and by Slack's retries. */
export function messageKey(teamId: string | undefined, channel: string, ts: string): string {
  return `msg:${teamId ?? "-"}:${channel}:${ts}`;
}
