import { describe, expect, it } from "vitest";
import { cleanText, footnotesHeading } from "./clean-text.js";

describe("cleanText", () => {
  it("drops lone page numbers and lifts a footnote placed at a page break out of the paragraph", () => {
    const raw = [
      "reflected in the ASEAN1 Blueprint, and ASEAN commitment to environmental",
      "1",
      "",
      "ASEAN Secretariat is located in Jakarta.",
      " protection is particularly reflected in Section D.",
      "",
      "6",
      "economic agenda.",
    ].join("\n");
    const text = cleanText(raw);
    expect(text).not.toMatch(/^\s*[16]\s*$/m);
    expect(text).toMatch(/environmental\n\s*protection is particularly/);
    expect(text).toContain(`${footnotesHeading}\n\nASEAN Secretariat is located in Jakarta.`);
    // The glued marker goes because "ASEAN" occurs without it elsewhere.
    expect(text).toContain("the ASEAN Blueprint");
  });

  it("moves a footnote marked with a superscript number out of the body, and drops the marker in the text", () => {
    const raw = [
      "(a) developing good practices for South-South¹ cooperation; and",
      "",
      "¹ South-South Cooperation is a term used to describe exchanges between developing countries",
      "",
      "(b) conducting joint research.",
    ].join("\n");
    const text = cleanText(raw);
    expect(text).toMatch(/South-South cooperation; and\n\n\(b\) conducting joint research\./);
    expect(text).toContain(`${footnotesHeading}\n\nSouth-South Cooperation is a term used`);
  });

  it("joins words hyphenated across lines but keeps real hyphens", () => {
    expect(cleanText("environ-\nmental South-\nSouth cooperation")).toBe("environmental South-\nSouth cooperation");
  });

  it("keeps names that end in digits and removes markers after percentages", () => {
    expect(cleanText("The G20 met. Urban share was 43.7%4 of the total.")).toBe(
      "The G20 met. Urban share was 43.7% of the total.",
    );
  });

  it("normalises bullets, tabs and non-breaking spaces", () => {
    expect(cleanText("\uf0b7\tfirst item\u00a0here")).toBe("• first item here");
  });

  it("joins a row wrapped in its cells to the row it continues", () => {
    expect(
      cleanText("\tAction 6-1-2: Explore the establishment of the\t2017\n\tEco-city Alliance\t\n\t(CAECA) of cities\t"),
    ).toBe("| | Action 6-1-2: Explore the establishment of the | 2017 |\n| | Eco-city Alliance (CAECA) of cities | |");
  });

  it("reads tab-separated lines as table rows, one per line, and leaves tab-indented prose and items alone", () => {
    expect(
      cleanText(
        "\tActions\tTimeframe\nAction 1: Dialogue\tAction 1-1: Forum\t2016, 2018\nAction 2: Cities\tAction 2-1: Alliance\t",
      ),
    ).toBe(
      "| | Actions | Timeframe |\n| Action 1: Dialogue | Action 1-1: Forum | 2016, 2018 |\n| Action 2: Cities | Action 2-1: Alliance | |",
    );
    expect(cleanText("\tAn indented line of prose.\n1.\tA numbered item\n\t4.1 Policy Dialogue\t8")).toBe(
      "An indented line of prose.\n1. A numbered item\n 4.1 Policy Dialogue 8",
    );
  });
});
