import { describe, expect, it } from "vitest";
import { MemoryDedupeStore, messageKey } from "./dedupe.js";

describe("MemoryDedupeStore", () => {
  it("claims a key once within its time-to-live, and again after it", async () => {
    // A realistic clock: lru-cache reads a start time of 0 as "no expiry".
    const start = 1_700_000_000_000;
    let now = start;
    const store = new MemoryDedupeStore({ ttlMs: 1000, now: () => now });
    expect(await store.claim("a")).toBe(true);
    expect(await store.claim("a")).toBe(false);
    expect(await store.claim("b")).toBe(true);
    now = start + 999;
    expect(await store.claim("a")).toBe(false);
    // lru-cache expires a key once its age exceeds the time-to-live.
    now = start + 1001;
    expect(await store.claim("a")).toBe(true);
  });

  it("forgets expired keys and never holds more than maxEntries", async () => {
    const start = 1_700_000_000_000;
    let now = start;
    const store = new MemoryDedupeStore({ ttlMs: 10, maxEntries: 3, now: () => now });
    for (const key of ["a", "b", "c", "d"]) await store.claim(key);
    expect(store.size).toBeLessThanOrEqual(3);
    now = start + 100;
    await store.claim("e");
    expect(store.size).toBe(1);
  });

  it("gives one claim to concurrent duplicates", async () => {
    const store = new MemoryDedupeStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim("same")));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keys a message by team, channel and ts", () => {
    expect(messageKey("T1", "C1", "1.2")).toBe("msg:T1:C1:1.2");
    expect(messageKey(undefined, "C1", "1.2")).not.toBe(messageKey("T1", "C1", "1.2"));
  });
});
