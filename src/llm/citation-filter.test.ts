import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CitationFilter, filterCitations, parseMarker } from "./citation-filter.js";

describe("parseMarker", () => {
  it.each([
    ["[2]", [2]],
    ["[1, 3]", [1, 3]],
    ["[1;3]", [1, 3]],
    ["[2-4]", [2, 3, 4]],
    ["[2–3]", [2, 3]],
    ["[Passage 5]", [5]],
    ["[passages 1, 2]", [1, 2]],
    ["[ 7 ]", [7]],
  ])("reads %s", (marker, numbers) => {
    expect(parseMarker(marker)).toEqual(numbers);
  });

  it.each(["[sic]", "[Annex 2]", "[]", "[a, b]", "[2020 report]"])("leaves %s alone", (marker) => {
    expect(parseMarker(marker)).toBeNull();
  });
});

describe("filterCitations", () => {
  it("keeps valid citations, renumbered by first appearance", () => {
    expect(filterCitations("A [3]. B [1]. C [3, 1].", 3)).toEqual({ text: "A [1]. B [2]. C [1, 2].", order: [3, 1], removed: 0 });
  });

  it("removes citations of passages that were not given, with the space before them", () => {
    const result = filterCitations("A [4]. B [0] and C [2] [9], D [1-2].\n[5] New paragraph [1].", 2);
    expect(result.text).toBe("A. B and C [1], D [1, 2].\nNew paragraph [2].");
    expect(result.order).toEqual([2, 1]);
    expect(result.removed).toBe(4);
  });

  it("keeps a marker's valid numbers and drops the others", () => {
    expect(filterCitations("X [2, 6].", 3).text).toBe("X [1].");
  });

  it("keeps paragraph breaks next to a removed marker", () => {
    expect(filterCitations("First [7]\n\nSecond [1].", 1).text).toBe("First\n\nSecond [1].");
  });

  it("leaves brackets that are not citations, and unclosed ones", () => {
    expect(filterCitations("The [sic] text [1] and [unfinished", 1).text).toBe("The [sic] text [1] and [unfinished");
    expect(filterCitations("Nested [[1]] ok", 1).text).toBe("Nested [[1]] ok");
  });

  it("gives the same text however the stream is cut", () => {
    const sample = fc.stringMatching(/^(?:[A-Za-z .,\n]|\[\d\]|\[\d, \d\]|\[sic\]|\[|\])*$/);
    fc.assert(
      fc.property(sample, fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 50 }), (text, cuts) => {
        const whole = filterCitations(text, 3).text;
        const filter = new CitationFilter(3);
        let out = "";
        let at = 0;
        for (const size of cuts) {
          out += filter.push(text.slice(at, at + size));
          at += size;
        }
        out += filter.push(text.slice(at)) + filter.flush();
        expect(out.trim()).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a citation of a passage that was not given through", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("word ", ". ", "\n"), fc.integer({ min: 0, max: 12 }).map((n) => `[${n}]`))), (parts) => {
        const { text, order } = filterCitations(parts.join(""), 4);
        for (const match of text.matchAll(/\[(\d+)\]/g)) {
          const n = Number(match[1]);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(order.length);
        }
        expect(order.every((n) => n >= 1 && n <= 4)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
