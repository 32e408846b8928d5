import { describe, expect, it } from "vitest";
import { charLength, normalizeText, sentenceSpans, splitSentences, stripNumbering, truncate } from "./index.js";

describe("text", () => {
  it("splits sentences but not after abbreviations or paragraph numbers", () => {
    expect(splitSentences("14. In 2007 Mr. Wen proposed it. It was set up in 2010.")).toEqual([
      "14. In 2007 Mr. Wen proposed it.",
      "It was set up in 2010.",
    ]);
  });
  it("gives each sentence's place in the text it came from", () => {
    const text = "  28. H. E. Mr. Zhou attended.  The forum closed.\n| a | b |";
    const spans = sentenceSpans(text);
    expect(spans.map((s) => s.text)).toEqual(["28. H. E. Mr. Zhou attended.", "The forum closed.", "| a | b |"]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it("truncates on a word boundary with an ellipsis, counting code points", () => {
    expect(truncate("alpha beta gamma delta", 12)).toBe("alpha beta…");
    expect(truncate("short", 12)).toBe("short");
    expect(charLength("😀😀")).toBe(2);
  });
  it("strips leading numbering only", () => {
    expect(stripNumbering("14. In November 2007, it began.")).toBe("In November 2007, it began.");
    expect(stripNumbering("(f) Environmentally Sustainable Cities")).toBe("Environmentally Sustainable Cities");
    expect(stripNumbering("4.1 Policy Dialogue")).toBe("Policy Dialogue");
    expect(stripNumbering("2010 was the year.")).toBe("2010 was the year.");
  });
  it("normalises dashes and quotes", () => {
    expect(normalizeText("2016–2020 “x”")).toBe('2016-2020 "x"');
  });
});
