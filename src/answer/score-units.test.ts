import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { evidenceUnits } from "./evidence-units.js";
import { analyseQuestion } from "./question-analysis.js";
import { scoreUnits } from "./score-units.js";

function passage(id: string, text: string, section: string): Passage {
  return {
    id,
    text,
    meta: { file: `${id}.txt`, title: id, section, page: null, start: 0, end: text.length, year: null },
    score: 1,
    similarity: 0.5,
  };
}

describe("scoreUnits", () => {
  it("reads a sentence about 'this area' as about its section heading", () => {
    const aim = passage(
      "aim",
      "The objective of cooperation in this area is to forge green think tanks.",
      "4.9 Joint research",
    );
    const other = passage("other", "Joint research will be conducted through the regional outlook.", "4.1 Dialogue");
    const question = "What is the aim of the joint research area?";
    const analysis = analyseQuestion(question);
    const [first, second] = scoreUnits(evidenceUnits([aim, other]), analysis, analysis.terms, () => 1);
    expect(first?.score).toBeGreaterThan(second?.score ?? Infinity);
  });
});
