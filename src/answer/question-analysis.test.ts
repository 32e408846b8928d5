import { describe, expect, it } from "vitest";
import {
  analyseQuestion,
  asksToCompare,
  distinctSubjects,
  questionNames,
  splitQuestion,
  stripPreamble,
} from "./question-analysis.js";

describe("stripPreamble", () => {
  it("keeps the topic of a question about what the documents say", () => {
    expect(stripPreamble("What do the documents say about capacity building?")).toBe("capacity building?");
    expect(stripPreamble("According to the documents, who leads the forum?")).toBe("who leads the forum?");
    expect(stripPreamble("What does the strategy say about cities?")).toBe("What does the strategy say about cities?");
  });

  it("reads where the documents say something as where, not as words they use", () => {
    expect(stripPreamble("Who attends the forum, as described in the review section of the 2016 plan?")).toBe(
      "Who attends the forum, in the review of the 2016 plan?",
    );
    expect(stripPreamble("Which section of the plan covers rivers?")).toBe("Which section of the plan covers rivers?");
    expect(stripPreamble("Which part of China has forests?")).toBe("Which part of China has forests?");
    expect(stripPreamble("What is meant by PPP in the plan?")).toBe("What is PPP in the plan?");
  });

  it("asks an indirect question directly, and keeps a request that asks none", () => {
    expect(stripPreamble("Can you tell me when the centre was set up?")).toBe("when the centre was set up?");
    expect(stripPreamble("Tell me where the forum met")).toBe("where the forum met");
    expect(stripPreamble("I'd like to know who chairs it")).toBe("who chairs it");
    expect(stripPreamble("Tell me about the youth programme")).toBe("Tell me about the youth programme");
  });

  it("writes months in full next to a day or year, and 'took place' as the documents' 'was held'", () => {
    expect(stripPreamble("What met in Oct 2011 and on 3 Dec. 2004?")).toBe(
      "What met in October 2011 and on 3 December 2004?",
    );
    expect(stripPreamble("Is Mar a place?")).toBe("Is Mar a place?");
    expect(stripPreamble("Where did the seminar take place, and where will the next one take place?")).toBe(
      "Where did the seminar be held, and where will the next one be held?",
    );
    expect(stripPreamble("When the forum took place")).toBe("When the forum was held");
  });
});

describe("splitQuestion with two question words", () => {
  it("asks each question word of the same words", () => {
    expect(splitQuestion("When and where was the river forum held?")).toEqual([
      "When was the river forum held?",
      "where was the river forum held?",
    ]);
  });

  it("reads 'it' in a later part as the whole name before, with the nouns it heads", () => {
    expect(splitQuestion("Where was the Delta water seminar held, and who attended it?")).toEqual([
      "Where was the Delta water seminar held",
      "who attended the Delta water seminar?",
    ]);
  });

  it("asks the last part again of each bare question word that closes the question", () => {
    expect(splitQuestion("Who convened the river dialogue, where, and when?")).toEqual([
      "Who convened the river dialogue",
      "where convened the river dialogue",
      "when convened the river dialogue",
    ]);
    expect(distinctSubjects(splitQuestion("For the Delta Dialogue: who convened it, where and when?"))).toHaveLength(1);
  });

  it("quotes once for parts that ask of the same words", () => {
    expect(distinctSubjects(["When was the forum held?", "where was the forum held?", "who chaired it?"])).toEqual([
      "When was the forum held?",
      "who chaired it?",
    ]);
  });
});

describe("analyseQuestion", () => {
  it("does not ask the answer to say 'items' when a question asks to list them", () => {
    const analysis = analyseQuestion("what is the centre's mandate? list the main items");
    expect(analysis.terms).not.toContain("item");
    expect(analysis.focus.flat()).not.toContain("item");
  });

  it("does not ask the answer to use the words that put a comparison", () => {
    const analysis = analyseQuestion(
      "The page and the strategy describe the framework differently. What dates does each give, and how do they contrast?",
    );
    expect(analysis.terms).toEqual(expect.arrayContaining(["page", "framework"]));
    for (const framing of ["describ", "differ", "each", "contrast"]) expect(analysis.terms).not.toContain(framing);
  });
});

describe("questionNames", () => {
  it("counts a lone capitalised town before the thing, not a country or a month", () => {
    expect(questionNames("When was the Dali base opened?")).toEqual([["dali"]]);
    expect(questionNames("When did Malaysia open the base in March 2010?")).toEqual([]);
  });

  it("counts no people or language as a town ('the Chinese side', 'Malaysian experts')", () => {
    expect(questionNames("Who convened the dialogue on the Chinese side?")).toEqual([]);
    expect(questionNames("Which Malaysian experts attended the forum?")).toEqual([]);
    expect(questionNames("When was the Dalian base opened?")).toEqual([["dalian"]]);
  });

  it("reads runs of capitalised words, joined by small words, as names", () => {
    expect(questionNames("Where was the Regional Workshop on Clean Air and Water held in 2007?")).toEqual([
      ["region", "workshop", "clean", "air", "water"],
    ]);
  });

  it("counts a one-word place the question puts the thing in, not a month", () => {
    expect(questionNames("When did the base in Dali open?")).toEqual([["dali"]]);
    expect(questionNames("What happened in May at the forum?")).toEqual([]);
  });

  it("leaves out where in a document to look", () => {
    expect(questionNames("Per Annex II, when is the Blue Forum held?")).toEqual([["blue", "forum"]]);
    expect(questionNames("What does Section 3.1 of the plan list?")).toEqual([]);
  });

  it("leaves out the opening word and single capitalised words", () => {
    expect(questionNames("When was the Centre set up?")).toEqual([]);
    expect(questionNames("The study was followed by an assessment. Which country supported it?")).toEqual([]);
    expect(questionNames("Who leads the Working Group and the Forum?")).toEqual([["work", "group"]]);
  });
});

describe("splitQuestion", () => {
  it("splits at a new question, not at a subordinate clause", () => {
    expect(splitQuestion("What is the plan, and when was it adopted?")).toHaveLength(2);
    expect(splitQuestion("What is the plan and when was it adopted?")).toHaveLength(2);
    expect(splitQuestion("Who was minister when the plan was adopted in 2016?")).toHaveLength(1);
    expect(splitQuestion("Who chairs the Forum, and in which city does it meet?")).toHaveLength(2);
    // A relative clause after a comma: a determiner, not a noun, follows "at which".
    expect(splitQuestion("Where was the Summit held, at which the two sides agreed on a plan?")).toHaveLength(1);
    expect(splitQuestion("Who adopted the plan, in which year was it adopted?")).toHaveLength(2);
  });

  it("carries a clause that names the thing asked about into each part", () => {
    expect(splitQuestion("For the Blue Forum: where and when was it held?")).toEqual([
      "For the Blue Forum, where was it held?",
      "For the Blue Forum, when was the Blue Forum held?",
    ]);
    expect(stripPreamble("Quick one for onboarding: where is the Secretariat?")).toBe("where is the Secretariat?");
    expect(stripPreamble("Action Plan III: whose approval does it need?")).toBe(
      "For Action Plan III, whose approval does it need?",
    );
  });

  it("reads a later part's 'it' as the name the part before used", () => {
    expect(splitQuestion("Who funds the Coastal Wetland Fund, and in which year was it set up?")).toEqual([
      "Who funds the Coastal Wetland Fund",
      "in which year was the Coastal Wetland Fund set up?",
    ]);
    expect(splitQuestion("What does the Blue Centre do, and what is its budget?")[1]).toBe(
      "what is the Blue Centre’s budget?",
    );
    expect(splitQuestion("Where was the second Coastal Forum held, and what was its theme?")[1]).toBe(
      "what was the second Coastal Forum’s theme?",
    );
    // Nothing to stand for: the part stays as it was.
    expect(splitQuestion("what does it cost, and when was it built?")[1]).toBe("when was it built?");
  });

  it("reads a later part that points back with the words of the part before", () => {
    expect(splitQuestion("When are the coastal surveys due, and who runs them?")[1]).toBe(
      "who runs them (the coastal surveys due)?",
    );
  });

  it("reads a later Chinese part that leaves out its subject with the part before", () => {
    const [first, second] = splitQuestion("第一届论坛是什么时候举办的？主题是什么？");
    expect(first).toBe("第一届论坛是什么时候举办的?");
    expect(second).toContain("第一届论坛");
    expect(second).toContain("主题是什么");
    expect(second).not.toContain("什么时候");
    // A part with its own subject stays as it is.
    expect(splitQuestion("绿色使者计划是哪一年启动的？东盟环境教育行动计划是哪一年通过的？")[1]).toBe(
      "东盟环境教育行动计划是哪一年通过的?",
    );
  });

  it("splits a comparison into the two things compared", () => {
    expect(
      splitQuestion("How does river monitoring in the 2009 plan compare with coastal monitoring in the 2016 plan?"),
    ).toEqual(["river monitoring in the 2009 plan", "coastal monitoring in the 2016 plan"]);
    expect(splitQuestion("How do the funding sources of the old plan compare with those of the new plan?")[1]).toBe(
      "those of the new plan (the funding sources of the old plan)?",
    );
  });

  it("reads each part in the document or setting a clause before it names", () => {
    expect(splitQuestion("According to Plan II, when is the survey due, and who funds the survey?")).toEqual([
      "According to Plan II, when is the survey due",
      "According to Plan II, who funds the survey?",
    ]);
    expect(
      splitQuestion("Under the 2009 plan, which body adopts the plan, and under the 2016 plan, which body reviews it?"),
    ).toEqual(["Under the 2009 plan, which body adopts the plan", "under the 2016 plan, which body reviews it?"]);
  });
});

describe("asksToCompare", () => {
  it("tells a question that sets two things side by side from one that asks one thing", () => {
    expect(asksToCompare("How often was it held up to 2015, compared with the plan for 2016-2020?")).toBe(true);
    expect(asksToCompare("Has its frequency changed between 2011 and 2020?")).toBe(true);
    expect(asksToCompare("What do both strategies say about cities?")).toBe(true);
    expect(asksToCompare("When was the forum held?")).toBe(false);
    expect(asksToCompare("When was the name changed?")).toBe(false);
  });
});
