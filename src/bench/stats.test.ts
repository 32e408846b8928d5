import { describe, expect, it } from "vitest";
import { percentile, seededRandom, shuffled, summarize } from "./stats.js";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([1, 2, 3, 4])).toEqual({ n: 4, p50: 2, p95: 4, mean: 2.5, max: 4 });
  });

  it("shuffles deterministically for a seed, keeping every item", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffled(items, seededRandom(7));
    expect(shuffled(items, seededRandom(7))).toEqual(a);
    expect(shuffled(items, seededRandom(8))).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
  });
});
