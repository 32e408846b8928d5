import { describe, expect, it } from "vitest";
import { questionNames, splitQuestion } from "./question-analysis.js";

describe("questionNames", () => {
  it("reads runs of capitalised words, joined by small words, as names", () => {
    expect(questionNames("Where was the Regional Workshop on Clean Air and Water held in 2007?")).toEqual([
      ["region", "workshop", "clean", "air", "water"],
    ]);
  });

  it("leaves out the opening word and single capitalised words", () => {
    expect(questionNames("When was the Centre set up?")).toEqual([]);
    expect(questionNames("Who leads the Working Group and the Forum?")).toEqual([["work", "group"]]);
  });
});

describe("splitQuestion", () => {
  it("splits at a new question, not at a subordinate clause", () => {
    expect(splitQuestion("What is the plan, and when was it adopted?")).toHaveLength(2);
    expect(splitQuestion("What is the plan and when was it adopted?")).toHaveLength(2);
    expect(splitQuestion("Who was minister when the plan was adopted in 2016?")).toHaveLength(1);
  });
});
