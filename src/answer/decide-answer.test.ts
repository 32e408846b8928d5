import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { answerKind, countedPhrase, holdsKind, questionAnchors } from "./answer-kind.js";
import { rankEvidence } from "./decide-answer.js";
import { namedDocuments } from "./document-scope.js";
import { neighbourMap } from "./evidence-pool.js";
import { answerExtractively } from "./extractive.js";

let counter = 0;
function passage(text: string, file = "doc.txt", start = 0): Passage {
  counter += 1;
  return {
    id: `q${counter}`,
    text,
    meta: { file, title: file, section: "Section", page: null, start, end: start + text.length, year: null },
    score: 1,
    similarity: 0.5,
  };
}
const idf = () => 1;

describe("answer kind", () => {
  it("tells what kind of answer a question asks for", () => {
    expect(answerKind("How many workshops were held?")).toBe("count");
    expect(answerKind("How much money did the fund give?")).toBe("amount");
    expect(answerKind("When was the office opened?")).toBe("date");
    expect(answerKind("Which city hosted the meeting?")).toBe("place");
    expect(answerKind("Who chairs the committee?")).toBe("person");
    expect(answerKind("What was the theme of the meeting?")).toBe("name");
    expect(answerKind("Why was the office opened?")).toBe("reason");
    // A "when" that opens a clause is not the question's ("the vision set in 2013 when it decided …").
    expect(answerKind("What was the name of the vision set in 2013 when it decided to reform?")).not.toBe("date");
    expect(answerKind("What did the office do, and when was it opened?")).toBe("date");
    expect(answerKind("Since when has the office been open?")).toBe("date");
    expect(answerKind("会议是哪一年召开的？")).toBe("date");
    expect(answerKind("会议在哪些方面开展合作？")).not.toBe("place");
    expect(answerKind("项目投入了多少资金？")).toBe("amount");
    expect(countedPhrase("How many participants attended the meeting?")).toBe("participants");
    expect(countedPhrase("How many priority areas are there?")).toBe("priority areas");
  });

  it("checks that a sentence holds an answer of that kind", () => {
    expect(holdsKind("The office opened in March 2010.", "date")).toBe(true);
    expect(holdsKind("The office opened after a long debate.", "date")).toBe(false);
    expect(holdsKind("Twelve workshops were held.", "count", ["workshop"])).toBe(true);
    expect(holdsKind("Workshops were held in 2012.", "count", ["workshop"])).toBe(false);
    expect(holdsKind("The fund gave USD 2 million.", "amount")).toBe(true);
    expect(holdsKind("The fund gave generously.", "amount")).toBe(false);
    expect(holdsKind('The theme of the forum was "Green Rivers".', "name")).toBe(true);
    expect(holdsKind("The forum was held in Lisbon with many partners.", "name")).toBe(false);
  });

  it("pins a question to its years and ordinals, not to an adverb", () => {
    const anchors = questionAnchors("Where was the fifth meeting held in 2015?");
    expect(anchors.map((a) => a.label)).toEqual(["2015", "fifth"]);
    expect(anchors[1]?.test("the 5th meeting")).toBe(true);
    expect(questionAnchors("When did they first meet?")).toEqual([]);
    expect(questionAnchors("第五届会议在哪里举行？").map((a) => a.test("the fifth meeting"))).toEqual([true]);
    expect(questionAnchors("第12次会议在哪里举行？").map((a) => a.test("the 12th meeting"))).toEqual([true]);
  });
});

describe("answer-type verification", () => {
  it("says the documents do not give a number they never give, and what they do say", () => {
    const p = passage(
      "The first meeting was held in Lisbon in October 2011. Many delegates attended the first meeting.",
    );
    const answer = answerExtractively("How many delegates attended the first meeting?", [p], { idf });
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^The documents do not give the number of delegates\. They say: .* \[1\]$/);
  });

  it("takes a name the quote spells out for the acronym the question uses, with the name's own words", () => {
    const spell = (text: string) =>
      text.replace(/\bRIA\b/g, "RIA (River Impact Assessment)").replace(/\bWQ\b/g, "WQ (Water Quality)");
    const context = { idf, expandAcronyms: spell, expand: spell };
    const held = passage("The Seminar on River Impact Assessment and Water Quality was held in Lisbon in 2011.");
    expect(answerExtractively("Where was the Seminar on RIA and WQ held?", [held], context).found).toBe(true);
    // Spelled out, but with none of the name's own words: another event on the same subject.
    const other = passage("A Workshop on River Impact Assessment and Water Quality was held in Porto in 2012.");
    const asked = "Where was the Multi Stakeholder Workshop on RIA and WQ held?";
    expect(answerExtractively(asked, [other], { ...context, searchQuery: spell(asked) }).found).toBe(false);
  });

  it("does not answer about another year than the one asked", () => {
    const p = passage("The council met in Lisbon in 2011 and agreed a work plan.");
    expect(answerExtractively("Where did the council meet in 2019?", [p], { idf }).found).toBe(false);
    expect(answerExtractively("Where did the council meet in 2011?", [p], { idf }).answer).toContain("Lisbon");
  });

  it("wants a country for 'which country', not one inside a partnership's name", () => {
    expect(
      holdsKind("The ASEAN-China River Plan is run by the Secretariat.", "place", [], "Which country runs the plan?"),
    ).toBe(false);
    expect(holdsKind("The China Trust Fund supports the plan.", "place", [], "Which country runs the plan?")).toBe(
      false,
    );
    expect(holdsKind("The plan is run from Thailand.", "place", [], "Which country runs the plan?")).toBe(true);
    expect(
      holdsKind("The plan is run from Europe in East Asia.", "place", [], "Which member state runs the plan?"),
    ).toBe(false);
  });

  it("takes the place next to the year asked, not another event's place in the same sentence", () => {
    const p = passage(
      "Workshops were held on rivers in Lisbon in April 2011, on soils in Lisbon in July 2012 and on air quality in many more towns around the region in May 2014.",
    );
    expect(answerExtractively("Where was the workshop on air quality in May 2014 held?", [p], { idf }).found).toBe(
      false,
    );
    expect(answerExtractively("Where was the workshop on rivers in April 2011 held?", [p], { idf }).answer).toContain(
      "Lisbon",
    );
  });

  it("does not take the place of another year's event from a sentence that dates only that one", () => {
    const p = passage(
      "Since the first River Summit in 1990, much has changed. In 2010, the River Summit held at Lisbon adopted a plan.",
    );
    expect(answerExtractively("Where was the River Summit of 1990 held?", [p], { idf }).found).toBe(false);
    expect(answerExtractively("Where was the River Summit of 2010 held?", [p], { idf }).answer).toContain("Lisbon");
  });

  it("takes the place anywhere in a sentence that dates no other event", () => {
    const p = passage(
      "In May 2014, the Conference on River Industry Cooperation was held by the Ministry of Rivers and Wetlands in Porto, with many partners.",
    );
    const answer = answerExtractively(
      "In May 2014 the Ministry of Rivers held a Conference on River Industry Cooperation. In which city?",
      [p],
      { idf },
    );
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("Porto");
  });

  it("takes the country that hosted an event, however far from its date", () => {
    const p = passage(
      "After the first meeting in 2004, Portugal as the lead country also organised the Regional Seminar on River Basins on 27 November 2007 in Lisbon.",
    );
    const answer = answerExtractively("Which country organised the Regional Seminar on River Basins in 2007?", [p], {
      idf,
    });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("Portugal");
  });

  it("reads 'The Declaration' as the declaration the sentence before names", () => {
    const p = passage(
      "The Leaders adopted the Declaration of River Concord on 7 October 2003. The Declaration calls for a council comprising three pillars, namely rivers, soils and air.",
    );
    const other = passage("A Declaration on Soils lists two pillars.");
    const answer = answerExtractively(
      "What are the three pillars called for in the Declaration of River Concord?",
      [p, other],
      { idf },
    );
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("namely rivers, soils and air");
    // Only as the subject that opens the sentence: "a follow-up to the Declaration" may be another one.
    const later = passage(
      "The Leaders adopted the Declaration of River Concord on 7 October 2003. As a follow-up to the Declaration of 1999, a council was set up in Lisbon.",
    );
    expect(answerExtractively("Where was the Declaration of River Concord adopted?", [later], { idf }).found).toBe(
      false,
    );
  });

  it("reads a sentence that opens with 'The Forum' with its paragraph, for the ordinal asked", () => {
    const first = passage(
      'In October 2011, the first River Forum was held in Lisbon. Delegates from many towns took part in the Forum. The Forum themed "Clean Rivers" was one of the events of the Expo.',
    );
    const second = passage('In 2012, the second River Forum themed "Living Soils" was held in Porto.');
    const answer = answerExtractively("What was the theme of the first River Forum?", [first, second], { idf });
    expect(answer.answer).toContain("Clean Rivers");
  });

  it("does not date one event with a sentence about another the pool says less of the question about", () => {
    const held = passage("In October 2011, the first river forum was held in Lisbon.");
    const planned = passage("The first river ministers meeting of the council might be convened later.");
    expect(
      answerExtractively("When was the first river ministers meeting of the council held?", [held, planned], { idf })
        .found,
    ).toBe(false);
  });

  it("does not answer about something the documents never name", () => {
    const p = passage("The council won support for a national river plan in 2018.");
    const known = (t: string) => (["council", "won", "support", "nation", "river", "plan", "2018"].includes(t) ? 1 : 0);
    expect(answerExtractively("Who won the national Cup in 2018?", [p], { idf: known }).found).toBe(false);
    expect(
      answerExtractively("Which football club won the national league?", [p], { idf: known, unknownTermWeight: 1 })
        .found,
    ).toBe(false);
    expect(
      answerExtractively("When did the council win support for a national river plan?", [p], {
        idf: known,
        unknownTermWeight: 1,
      }).found,
    ).toBe(true);
  });

  it("answers the part it can and names the part it cannot", () => {
    const p = passage("The council was set up in 2011 to coordinate river monitoring.");
    const answer = answerExtractively("When was the council set up, and how many members does the council have?", [p], {
      idf,
    });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2011");
    expect(answer.answer).toContain("The documents do not give the number of members.");
  });

  it("quotes sentences without their paragraph number", () => {
    const p = passage("14. In November 2007, the council proposed a river office.");
    expect(answerExtractively("When did the council propose a river office?", [p], { idf }).answer).toBe(
      "In November 2007, the council proposed a river office. [1]",
    );
  });
});

describe("evidence pool", () => {
  it("finds the chunks before and after a chunk in the same document", () => {
    const [a, b, c, other] = [
      passage("a", "x.txt", 0),
      passage("b", "x.txt", 10),
      passage("c", "x.txt", 20),
      passage("d", "y.txt", 5),
    ];
    const map = neighbourMap([c, a, other, b].map((p) => p as Passage));
    expect(
      map
        .get(b.id)
        ?.map((n) => n.text)
        .sort(),
    ).toEqual(["a", "c"]);
    expect(map.get(other.id)).toEqual([]);
  });

  it("keeps the likeliest passages of each document a comparison names, however the others rank", () => {
    const question = "How do the 2009 strategy and the 2016-2020 strategy fund cooperation?";
    const documents = [
      { file: "old.txt", title: "Strategy (2009-2015)", year: 2009 },
      { file: "new.txt", title: "Strategy (2016-2020)", year: 2016 },
    ];
    const scope = namedDocuments(question, documents);
    const older = [1, 2, 3, 4, 5].map((n) => passage(`Cooperation fund ${n} for the strategy.`, "old.txt", n));
    const newer = passage("Voluntary contributions may support activities.", "new.txt", 0);
    const pool = rankEvidence(question, [...older, newer], 4, { idf, scope });
    expect(pool).toHaveLength(4);
    expect(pool).toContain(newer);
    // A question naming one document keeps the likeliest passages only.
    const single = "How does the 2009 strategy fund cooperation?";
    const one = rankEvidence(single, [...older, newer], 4, { idf, scope: namedDocuments(single, documents) });
    expect(one).not.toContain(newer);
  });
});

describe("citation quotes", () => {
  it("quote the part of a long sentence that holds the asked words, within the limit", async () => {
    const { focusedQuote } = await import("./compose-answer.js");
    const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const text = `${filler} the river office opened in Lisbon ${filler}.`;
    const quote = focusedQuote(text, new Set(["river", "offic", "open"]), 120);
    expect([...quote].length).toBeLessThanOrEqual(120);
    expect(quote).toContain("river office opened");
    expect(quote.startsWith("…")).toBe(true);
    expect(focusedQuote("A short sentence.", new Set(["short"]), 120)).toBe("A short sentence.");
  });

  it("keep the place asked for, not the words of a long name, when cutting for 'where'", async () => {
    const { focusedQuote } = await import("./compose-answer.js");
    const { answerWordTest } = await import("./answer-kind.js");
    const name = "the Regional Demonstration Base for Industry Cooperation";
    const text = `Platforms such as ${name} (Tarn) and other established platforms, and new ones such as ${name} (Lune) and the River Exchange Center (Dongguan), are possible platforms for exhibitions and trainings.`;
    const quote = focusedQuote(text, new Set(["river", "exchang", "center"]), 110, answerWordTest("place"));
    expect(quote).toContain("(Dongguan)");
  });
});
