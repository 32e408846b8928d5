import { describe, expect, it } from "vitest";
import { normaliseCitations, parseCitationBody, TitleIndex } from "./citation-forms.js";

const titles = new TitleIndex(["About CAEC", "ASEAN-China Strategy on Environmental Cooperation 2016-2020", "Annex"]);
const norm = (text: string) => normaliseCitations(text, titles, true);

describe("citation forms", () => {
  it.each([
    ["Set up in 2010【1】.", "Set up in 2010 [1]."],
    ["Set up in 2010【1†source】.", "Set up in 2010 [1]."],
    ["Set up in 2010 [1, 2].", "Set up in 2010 [1, 2]."],
    ["Set up in 2010 [1][2].", "Set up in 2010 [1][2]."],
    ["Set up in 2010 [1-3].", "Set up in 2010 [1, 2, 3]."],
    ["Set up in 2010.[^1]", "Set up in 2010 [1]."],
    ["Set up in 2010 (1).", "Set up in 2010 [1]."],
    ["Set up in 2010. (2)", "Set up in 2010 [2]."],
    ["Set up in 2010 [Passage 2].", "Set up in 2010 [2]."],
    ["Set up in 2010 [Sources 1 and 3].", "Set up in 2010 [1, 3]."],
    ["Set up in 2010 (Source 3).", "Set up in 2010 [3]."],
    ["Set up in 2010<sup>1</sup>.", "Set up in 2010 [1]."],
    ["Set up in 2010 [citation:2].", "Set up in 2010 [2]."],
    ["Set up in 2010 [About CAEC].", "Set up in 2010 [1]."],
    ["Set up in 2010 (About CAEC, 2020).", "Set up in 2010 [1]."],
    ['As "About CAEC" says, it was set up in 2010.', 'As "About CAEC" [1] says, it was set up in 2010.'],
    ["According to Passage 2, it was set up in 2010.", "According to [2], it was set up in 2010."],
    ["成立于2010年。【1】", "成立于2010年[1]。"],
    ["根据段落2，成立于2010年。", "根据[2]，成立于2010年。"],
  ])("%s", (input, output) => {
    expect(norm(input)).toBe(output);
  });

  it("leaves brackets and numbering that are not citations alone", () => {
    expect(norm("Training [sic] was given (a) to staff.")).toBe("Training [sic] was given (a) to staff.");
    expect(norm("(1) Biodiversity is a priority [2].")).toBe("(1) Biodiversity is a priority [2].");
    expect(norm("Between (2016-2020) and [2010-2030] it grew.")).toBe("Between (2016-2020) and [2010-2030] it grew.");
    expect(norm("See [the annex](https://example.org).")).toBe("See [the annex](https://example.org).");
    // A title shorter than six characters is an ordinary word in brackets.
    expect(norm("See [Annex] below.")).toBe("See [Annex] below.");
  });

  it("removes footnote definitions and a trailing sources list", () => {
    expect(norm("Set up in 2010.[^1]\n\n[^1]: Passage 1, About CAEC")).toBe("Set up in 2010 [1].\n\n");
    expect(norm("Set up in 2010 [1].\n\n**Sources:**\n[1] About CAEC\n[2] Other")).toBe("Set up in 2010 [1].\n\n");
    expect(norm("Set up in 2010 [1].\n\n参考资料：\n[1] About CAEC")).toBe("Set up in 2010 [1].\n\n");
  });

  it("parses citation bodies", () => {
    expect(parseCitationBody("2")).toEqual([2]);
    expect(parseCitationBody("Passages 1 and 3")).toEqual([1, 3]);
    expect(parseCitationBody("^4")).toEqual([4]);
    expect(parseCitationBody("2010-2035")).toBeNull();
    expect(parseCitationBody("sic")).toBeNull();
  });
});
