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
});
