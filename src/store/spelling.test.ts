import { describe, expect, it } from "vitest";
import { lexicalTerm } from "./lexical-index.js";
import { americanSpelling } from "./spelling.js";

describe("americanSpelling", () => {
  it("gives a British and an American spelling the same lexical term", () => {
    for (const [british, american] of [
      ["organised", "organized"],
      ["organisations", "organizations"],
      ["Centre", "Center"],
      ["programmes", "programs"],
      ["labour", "labor"],
      ["dialogue", "dialog"],
      ["labelling", "labeling"],
      ["analyse", "analyze"],
    ] as const) {
      expect(lexicalTerm(british), british).toBe(lexicalTerm(american));
    }
  });

  it("leaves words whose -ise or -re is the same in both spellings", () => {
    for (const word of ["advise", "exercise", "enterprises", "expertise", "comprising", "raising", "revised", "wise"]) {
      expect(americanSpelling(word)).toBe(word);
    }
    expect(americanSpelling("are")).toBe("are");
    expect(americanSpelling("hour")).toBe("hour");
  });
});
