import { describe, expect, it } from "vitest";
import type { Chunk, Passage } from "../core/types.js";
import { LexicalIndex } from "../store/lexical-index.js";
import { findAcronymDefinitions, spelledOutIn } from "./acronyms.js";
import { collapseNearDuplicates } from "./near-duplicates.js";
import { expandQuery, normalizeText } from "./normalize-query.js";

const meta = (file: string) => ({ file, title: file, section: "", page: null, start: 0, end: 1, year: null });
const chunk = (text: string, file = "a.txt"): Chunk => ({ id: text.slice(0, 10), text, meta: meta(file) });

describe("acronym definitions from the corpus", () => {
  it("finds the words whose initials spell the acronym, across hyphens, joining words and footnote digits", () => {
    const defs = findAcronymDefinitions([
      chunk("In 2010 the Ministry established the China-ASEAN Environmental Cooperation Center (CAEC) in Beijing."),
      chunk("the State Environmental Protection Administration of China 3 (SEPA) and ASEAN convened"),
      chunk("the ASEAN Member States (AMS) agreed; The National Focal Points (NFPs) will report."),
      chunk("a note (see above) and a lonely (X) and (Annex)"),
    ]);
    expect(defs.get("CAEC")).toBe("China-ASEAN Environmental Cooperation");
    expect(defs.get("SEPA")).toBe("State Environmental Protection Administration");
    expect(defs.get("AMS")).toBe("ASEAN Member States");
    expect(defs.get("NFPs")).toBe("National Focal Points");
    expect(defs.has("X")).toBe(false);
  });

  it("finds an acronym the text only spells out, one word per letter", () => {
    const text = "The revision was ratified by the Standing Committee of National People's Congress of China.";
    expect(spelledOutIn("NPC", text)).toBe("National People's Congress");
    expect(spelledOutIn("WTO", text)).toBeUndefined();
    // "ASEAN" alone does not spell "AS": each letter needs its own word.
    expect(spelledOutIn("AS", "the ASEAN countries")).toBeUndefined();
  });
});

describe("query normalisation", () => {
  it("folds dashes and quotes so 2016–2020 matches 2016-2020", () => {
    expect(normalizeText("What are the “2016–2020”  areas?")).toBe('What are the "2016-2020" areas?');
  });

  it("appends the expansion of a defined acronym, once, and ignores short lower-case words", () => {
    const acronyms = new Map([
      ["CAEC", "China-ASEAN Environmental Cooperation Center"],
      ["AMS", "ASEAN Member States"],
    ]);
    expect(expandQuery("When was CAEC set up?", acronyms)).toBe(
      "When was CAEC set up? (China-ASEAN Environmental Cooperation Center)",
    );
    expect(expandQuery("what about the ams", acronyms)).toBe("what about the ams");
  });

  it("adds the acronym of a name the question spells out, when asked to", () => {
    const shortForms = new Map([["ASEAN Member States", "AMS"]]);
    expect(expandQuery("How many species do the ASEAN member states have?", new Map(), shortForms)).toBe(
      "How many species do the ASEAN member states have? (AMS)",
    );
    expect(expandQuery("What do AMS and the ASEAN Member States share?", new Map(), shortForms)).toBe(
      "What do AMS and the ASEAN Member States share?",
    );
  });
});

describe("near-duplicate collapse", () => {
  const passage = (text: string, file: string): Passage => ({ ...chunk(text, file), score: 1, similarity: 1 });
  it("drops a passage from another document that repeats a better one, keeps distinct ones", () => {
    const text =
      "In 2010 the Ministry of Environmental Protection of China established the China-ASEAN Environmental Cooperation Center.";
    const kept = collapseNearDuplicates([
      passage(text, "a.txt"),
      passage(`${text} It is in Beijing.`, "b.txt"),
      passage("The Green Envoys Program was launched in October 2011 as part of the action plan.", "c.txt"),
    ]);
    expect(kept.map((p) => p.meta.file)).toEqual(["a.txt", "c.txt"]);
  });
});

describe("lexical index", () => {
  const chunks = [
    chunk("ASEAN and China cooperation on biodiversity conservation."),
    chunk("ASEAN cooperation in the Secretariat located in Jakarta."),
    chunk("Mangrove forests of the region."),
  ];

  it("ranks by BM25 over stemmed terms", () => {
    const index = LexicalIndex.build(chunks);
    expect(index.query("Where is the secretariat located?", 3)[0]?.index).toBe(1);
    expect(index.query("conserving biodiversity", 3).map((h) => h.index)).toEqual([0]);
  });

  it("searches only the terms a filter keeps, and survives a JSON round trip", () => {
    const index = LexicalIndex.fromJSON(LexicalIndex.build(chunks).toJSON());
    expect(
      index
        .query("ASEAN mangrove", 3)
        .map((h) => h.index)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(index.query("ASEAN mangrove", 3, (term) => term !== "asean").map((h) => h.index)).toEqual([2]);
  });
});
