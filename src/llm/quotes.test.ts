import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { citationsFor, pickQuote } from "./quotes.js";

const passage: Passage = {
  id: "p",
  text: "The plan covers five areas. Marine litter is addressed through joint research. Funding comes from the cooperation fund.",
  meta: { file: "plan.txt", title: "Plan", section: "2", page: null, start: 0, end: 0, year: null },
  score: 1,
  similarity: 1,
};

describe("pickQuote", () => {
  it("quotes the passage sentence that supports the cited claim", () => {
    expect(pickQuote(passage, "Joint research addresses marine litter [1]. Other text [2].", 1)).toBe(
      "Marine litter is addressed through joint research.",
    );
    expect(pickQuote(passage, "Other [2]. The fund pays for it: cooperation fund [1, 2].", 2)).toBe(
      "Funding comes from the cooperation fund.",
    );
  });

  it("falls back to the passage's opening when nothing matches", () => {
    expect(pickQuote(passage, "Unrelated [1].", 1)).toBe(passage.text);
  });
});

describe("citationsFor", () => {
  it("numbers citations 1..n from the order of original passage numbers", () => {
    const other: Passage = { ...passage, id: "q", meta: { ...passage.meta, file: "other.txt", page: 7 } };
    const citations = citationsFor("A [1]. B [2].", [2, 1], [passage, other]);
    expect(citations.map((c) => [c.n, c.file, c.page])).toEqual([
      [1, "other.txt", 7],
      [2, "plan.txt", null],
    ]);
  });
});
