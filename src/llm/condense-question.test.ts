import { describe, expect, it } from "vitest";
import { cleanStandalone } from "./condense-question.js";

describe("cleanStandalone", () => {
  it.each([
    ['"What is CAEC?"', "What is CAEC?"],
    [
      "Standalone question: When was the 2016-2020 strategy adopted?\n\nExplanation: ...",
      "When was the 2016-2020 strategy adopted?",
    ],
    ["\n  Who funds it?  ", "Who funds it?"],
  ])("%j → %j", (reply, expected) => {
    expect(cleanStandalone(reply)).toBe(expected);
  });

  it.each(["", "   \n ", "NOT_FOUND", "x".repeat(600)])("rejects %j", (reply) => {
    expect(cleanStandalone(reply)).toBeUndefined();
  });
});
