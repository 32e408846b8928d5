import { LRUCache } from "lru-cache";

/**
 * One vote per user per message: the latest counts. Kept in memory (like the answer store) with a bound on
 * its size; the feedback log keeps every change, each line saying which vote it replaces.
 */
export type Rating = "up" | "down";

export interface VoteStore {
  /** Records `rating` by `user` on `message`; returns the vote it replaces (undefined for a first vote). */
  cast(message: string, user: string, rating: Rating): Rating | undefined;
  /** The latest vote of each user on `message`. */
  votes(message: string): ReadonlyMap<string, Rating>;
}

/** In memory; forgets the least recently voted-on messages beyond `maxMessages` (default 5,000, like the answer store). */
export function createMemoryVoteStore(maxMessages = 5000): VoteStore {
  const byMessage = new LRUCache<string, Map<string, Rating>>({ max: maxMessages });
  return {
    cast(message, user, rating) {
      const votes = byMessage.get(message) ?? new Map<string, Rating>();
      const previous = votes.get(user);
      // Delete first so the map lists users in the order of their latest vote.
      votes.delete(user);
      votes.set(user, rating);
      byMessage.set(message, votes);
      return previous;
    },
    votes(message) {
      return byMessage.get(message) ?? new Map();
    },
  };
}
