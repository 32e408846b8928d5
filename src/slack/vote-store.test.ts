import { describe, expect, it } from "vitest";
import { createMemoryVoteStore } from "./vote-store.js";

describe("createMemoryVoteStore", () => {
  it("keeps one vote per user per message, the last one, and says which it replaced", () => {
    const votes = createMemoryVoteStore();
    expect(votes.cast("m1", "U1", "up")).toBeUndefined();
    expect(votes.cast("m1", "U1", "down")).toBe("up");
    expect(votes.cast("m1", "U2", "up")).toBeUndefined();
    expect(votes.cast("m1", "U1", "up")).toBe("down");
    expect([...votes.votes("m1")]).toEqual([
      ["U2", "up"],
      ["U1", "up"],
    ]);
    expect(votes.votes("m2").size).toBe(0);
  });

  it("forgets the oldest messages beyond its bound", () => {
    const votes = createMemoryVoteStore(2);
    votes.cast("m1", "U1", "up");
    votes.cast("m2", "U1", "up");
    votes.cast("m3", "U1", "up");
    expect(votes.votes("m1").size).toBe(0);
    expect(votes.votes("m3").size).toBe(1);
  });
});
