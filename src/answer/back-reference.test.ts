import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { antecedentName, openingShortName, paragraphBefore } from "./back-reference.js";
import type { EvidenceUnit } from "./evidence-units.js";

function unitIn(paragraph: string, text: string): EvidenceUnit {
  const passage = {
    id: "p",
    text: `Heading\n${paragraph}`,
    meta: { file: "f.txt", title: "T", section: "S" },
  } as Passage;
  return { passage, passageRank: 0, text, isList: false };
}

describe("back references", () => {
  const paragraph =
    'In 2011, the first Mekong River Environmental Forum was held in Hue. Officials took part in the Forum. The Forum themed "Clean Water" was one of the events of the Trade Fair.';

  it("reads the paragraph before a sentence and the short name it opens with", () => {
    const unit = unitIn(paragraph, 'The Forum themed "Clean Water" was one of the events of the Trade Fair.');
    expect(paragraphBefore(unit)).toMatch(/^In 2011,.*in the Forum\. $/);
    expect(openingShortName(unit.text)).toBe("Forum");
  });

  it("finds the full name the short one stands for, the last one before it", () => {
    expect(
      antecedentName(unitIn(paragraph, 'The Forum themed "Clean Water" was one of the events of the Trade Fair.')),
    ).toBe("Mekong River Environmental Forum");
    expect(antecedentName(unitIn(paragraph, "Officials took part in the Forum."))).toBeUndefined();
    expect(antecedentName(unitIn("The Forum met. The Fair closed.", "The Fair closed."))).toBeUndefined();
  });
});
