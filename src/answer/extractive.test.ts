import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { contextualQuery, validateQuestion } from "./answer-service.js";
import { evidenceUnits, splitSentences } from "./evidence-units.js";
import { answerExtractively, defaultExtractiveOptions, notFoundAnswer } from "./extractive.js";
import { namedDocuments } from "./document-scope.js";
import { analyseQuestion, splitQuestion, stripPreamble } from "./question-analysis.js";

let counter = 0;
function passage(text: string, file = "doc.txt", section = "1. Section"): Passage {
  counter += 1;
  return {
    id: `p${counter}`,
    text,
    meta: { file, title: `Title of ${file}`, section, page: null, start: 0, end: text.length, year: null },
    score: 1,
    similarity: 0.5,
  };
}

describe("evidence units", () => {
  it("splits sentences without breaking after abbreviations or paragraph numbers", () => {
    expect(splitSentences("28. H. E. Mr. Zhou attended. The forum closed in 2012.")).toEqual([
      "28. H. E. Mr. Zhou attended.",
      "The forum closed in 2012.",
    ]);
  });

  it("keeps a list whole with its lead-in, and also offers each item", () => {
    const units = evidenceUnits([passage("The areas are:\n(a) forests;\n(b) rivers.\nAnother sentence here.")]);
    expect(units.map((u) => [u.text, u.isList])).toEqual([
      ["The areas are:\n(a) forests;\n(b) rivers.", true],
      ["(a) forests;", false],
      ["(b) rivers.", false],
      ["Another sentence here.", false],
    ]);
  });

  it("offers each sentence of a list's lead-in before the one that introduces the list", () => {
    const units = evidenceUnits([
      passage("The overall aim is a phased approach. The specific aims are:\n(a) forests;\n(b) rivers."),
    ]);
    expect(units.map((u) => [u.text, u.isList])).toContainEqual(["The overall aim is a phased approach.", false]);
    expect(units.map((u) => u.text)).not.toContain("The specific aims are:");
  });

  it("offers each later sentence of a list item of several, and quotes it rather than the item cut short", () => {
    const text =
      "The parties carried out these activities:\n- Cooperation on rivers. The river office and the coastal office jointly drew up the plan on rivers and wetlands for the whole region. Its first and second phases have been implemented in many towns over several years. In addition, the river office ran the project on wetland mapping with the support of the Lisbon Trust Fund.\n- Cooperation on soils. A soil survey was done.";
    const units = evidenceUnits([passage(text)]).map((u) => u.text);
    expect(units).toContain(
      "In addition, the river office ran the project on wetland mapping with the support of the Lisbon Trust Fund.",
    );
    const answer = answerExtractively("Who funded the river office's project on wetland mapping?", [passage(text)], {
      idf: () => 1,
    });
    expect(answer.answer).toContain("with the support of the Lisbon Trust Fund");
  });
});

describe("question analysis", () => {
  it("strips conversational preambles", () => {
    expect(stripPreamble("Quick one for onboarding: where is the Secretariat based?")).toBe(
      "where is the Secretariat based?",
    );
    expect(stripPreamble("Hi, what is GEP?")).toBe("what is GEP?");
  });

  it("splits many-part questions and finds the type and focus", () => {
    expect(splitQuestion("What is the platform and when was it meant to start?")).toEqual([
      "What is the platform",
      "when was it meant to start?",
    ]);
    // Two question words of one subject are two parts, quoted for as one (distinctSubjects).
    expect(splitQuestion("When and where was the forum held?")).toHaveLength(2);
    // The second clause's theme is the seminar's (see question-analysis.test.ts).
    expect(splitQuestion("研讨会在哪里举行，主题是什么？")).toEqual(["研讨会在哪里举行", "研讨会举行，主题是什么?"]);
    expect(splitQuestion("2012年至2014年，研讨会每年都举办吗？")).toHaveLength(1);
    expect(splitQuestion("甲计划和乙计划分别有几个领域？")).toEqual(["甲计划有几个领域?", "乙计划有几个领域?"]);
    const analysis = analyseQuestion("What was the total budget of the fourth forum?");
    expect(analysis.type).toBe("definition");
    expect(analysis.focus).toEqual([["total"], ["budget"]]);
    // The documents give a name without saying "name".
    expect(analyseQuestion("What was the name of the vision set in 2013?").focus).toEqual([]);
    // …nor a measure without the word for it ("standing at 577 million").
    expect(analyseQuestion("What was the size of the river town's population in 2006?").focus).toEqual([]);
    // A long run or one with a comma is the question's subject, not an attribute asked for.
    expect(
      analyseQuestion("What is the Delta River Forum meant to be a platform for, per the review of the plan?").focus,
    ).toEqual([]);
    // "According to the plan" says where to look, not a word the evidence must use.
    expect(analyseQuestion("According to the river plan, who runs it?").terms).not.toContain("accord");
    // The noun after "what" or "which" names the kind of answer, not what the sentence says.
    expect(analyseQuestion("Since what year has the river council existed?").terms).not.toContain("year");
    expect(analyseQuestion("In which city is the river council?").terms).not.toContain("citi");
    expect(analyseQuestion("How did the city plan change each year?").terms).toEqual(
      expect.arrayContaining(["citi", "year"]),
    );
    expect(analyseQuestion("这个合作中心的主任是谁？").focus).toContainEqual(["director"]);
    expect(analyseQuestion("How many priority areas are there?").counted).toEqual(["area"]);
  });
});

describe("answerExtractively", () => {
  const idf = (t: string) => (["cooper", "asean", "china"].includes(t) ? 0.5 : 2);

  it("quotes the sentence that answers and cites it with title, section and quote", () => {
    const p1 = passage(
      "The forum is an annual event. In October 2011, the first forum was held in Nanning, China.",
      "plan.txt",
      "2.5 Forum",
    );
    const p2 = passage("Biodiversity cooperation continued with workshops.", "other.txt");
    const answer = answerExtractively("When was the first forum held?", [p1, p2], { idf });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("In October 2011, the first forum was held in Nanning, China. [1]");
    expect(answer.citations).toEqual([
      {
        n: 1,
        file: "plan.txt",
        title: "Title of plan.txt",
        section: "2.5 Forum",
        page: null,
        quote: expect.stringContaining("October 2011"),
      },
    ]);
  });

  it("quotes a whole list for a list question", () => {
    const list = passage(
      "The strategy sets out three priority areas as follows:\n(a) policy dialogue;\n(b) joint research;\n(c) capacity building.",
    );
    const answer = answerExtractively("What are the priority areas of the strategy?", [list], { idf });
    expect(answer.answer).toContain("- (a) policy dialogue;");
    expect(answer.answer).toContain("- (c) capacity building.");
  });

  it("answers not found when the evidence never mentions what is asked about", () => {
    const p = passage("The fourth forum was held in Nanning in September 2014 with many participants.");
    const answer = answerExtractively("What was the total budget of the fourth forum?", [p], { idf });
    expect(answer.found).toBe(false);
    // Says what is missing, then what the documents do say, cited.
    expect(answer.answer).toMatch(
      /^The documents do not give the amount asked for\. They say: The fourth forum was held in Nanning .* \[1\]$/,
    );
    expect(answer.citations.map((c) => c.n)).toEqual([1]);
    expect(answer.passages).toEqual([p]);
  });

  it("says the documents do not give how often, when no sentence about the thing gives a frequency", () => {
    const p = passage("The fourth forum was held in Nanning in September 2014 with many participants.");
    const answer = answerExtractively("How often is the forum held in Nanning?", [p], { idf });
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^The documents do not give the frequency asked for\./);
  });

  it("quotes a fact for each side of a comparison, though it asks for one kind of fact", () => {
    const past = passage("The forum was organized annually from 2011 to 2015 in Nanning.");
    const planned = passage("The forum will be organized biennially from 2016 to 2020.");
    const single = answerExtractively("How often was the forum organized from 2011 to 2015?", [past, planned], { idf });
    expect(single.answer).not.toContain("biennially");
    const compared = answerExtractively(
      "How often was the forum organized from 2011 to 2015, compared with 2016 to 2020?",
      [past, planned],
      { idf },
    );
    expect(compared.answer).toContain("annually");
    expect(compared.answer).toContain("biennially");
  });

  it("reads an ordinal as picking one of a series only where the documents number that series", () => {
    const report = passage(
      'China and ASEAN are preparing the joint outlook report themed "Towards Green Development".',
    );
    const described = answerExtractively(
      "Under what theme is the first joint outlook report being prepared?",
      [report],
      {
        idf,
      },
    );
    expect(described.found).toBe(true);
    expect(described.answer).toContain("Towards Green Development");
    const forum = passage('The fourth forum on green growth was held in Nanning, themed "Green Partnership".');
    const another = answerExtractively("Under what theme was the first forum on green growth held?", [forum], { idf });
    expect(another.found).toBe(false);
    expect(another.answer).toMatch(/^The documents do not give the name or theme asked for\./);
  });

  it("counts the words a question names the passages' document by as covered ('under River Plan III')", () => {
    const forum = passage("The forum aims to generate policy recommendations on wetlands.", "plan.txt", "1.1 Forum");
    const question = "What is the forum meant to generate under River Plan III?";
    const scope = namedDocuments(question, [
      { file: "plan.txt", title: "River Plan (2016-2020)", year: 2016, aliases: ["River Plan III"] },
    ]);
    // A rare "under" (weight 3): without the naming words, 3 of the terms' weight of 8 is covered ("forum",
    // "generate" and "plan", from the file name); with "river" and "iii", 5.
    const answer = answerExtractively(question, [forum], { idf: (t) => (t === "under" ? 3 : 1), scope });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("policy recommendations");
  });

  it("quotes a close runner-up that holds an answer of the asked kind with a one-fact answer", () => {
    // Both hold a "person or body" (the Centre is a body), the first one a little more of the question.
    const role = passage("In November 2007, the top leader proposed to set up the Centre at the summit.");
    const named = passage("At the summit in November 2007, Premier Wen Jiabao proposed to set up the Centre.");
    const other = passage("The Centre was set up in 2010.");
    const question = "Who proposed to set up the Centre at the summit in November 2007?";
    const answer = answerExtractively(question, [role, named, other], { idf });
    expect(answer.answer).toContain("top leader");
    expect(answer.answer).toContain("Wen Jiabao");
    expect(answer.answer).not.toContain("2010");
  });

  it("answers not found when the passages cover too little of the question", () => {
    const p = passage("Mangrove restoration was discussed at the workshop.");
    expect(answerExtractively("Which countries signed the haze agreement in Jakarta?", [p], { idf }).found).toBe(false);
    expect(answerExtractively("Anything?", [], { idf }).answer).toBe(notFoundAnswer);
  });

  it("answers not found about the present or the days ahead, which documents cannot know", () => {
    const p = passage("Extreme weather was discussed at the forum in Jakarta.");
    expect(answerExtractively("What will the weather be like in Jakarta tomorrow?", [p], { idf }).found).toBe(false);
    expect(answerExtractively("What was discussed at the forum in Jakarta?", [p], { idf }).found).toBe(true);
  });

  it("does not read the capitalised first word of a later sentence as a name the corpus lacks", () => {
    const p = passage("The Blue Fund supports the rivers of the region.");
    const inCorpus = new Set(["blue", "fund", "support", "river", "region"]);
    const answer = answerExtractively("The Blue Fund is for the region. Explain what it supports.", [p], {
      idf: (t) => (inCorpus.has(t) ? 1 : 0),
    });
    expect(answer.found).toBe(true);
    expect(
      answerExtractively("What does the Blue Fund support in Atlantis?", [p], { idf: (t) => (inCorpus.has(t) ? 1 : 0) })
        .found,
    ).toBe(false);
  });

  it("does not look for the words about how the documents put things", () => {
    const p = passage("The Blue Fund (2014-2015) supports the rivers.");
    const answer = answerExtractively("When the plan mentions the Blue Fund, which fund does it mean?", [p], {
      idf: () => 1,
    });
    expect(answer.found).toBe(true);
  });

  it("does not quote a bare heading as an answer", () => {
    const p = passage("Institutional and Human Capacity Building\nTraining courses build institutional capacity.");
    const answer = answerExtractively("What does institutional capacity building involve?", [p], { idf });
    expect(answer.answer).not.toMatch(/^Institutional and Human Capacity Building \[1\]/m);
    expect(answer.answer).toContain("Training courses");
  });

  it("gives each part of a two-part question its own quote", () => {
    const what = passage("The EISP is the Environmental Information Sharing Platform of ASEAN and China.", "a.txt");
    const when = passage("The platform is targeted to enter into operation in 2017.", "b.txt");
    const answer = answerExtractively("What is the EISP and when will the platform become operational?", [what, when], {
      idf,
    });
    expect(answer.answer).toContain("Environmental Information Sharing Platform");
    expect(answer.answer).toContain("2017");
    expect(answer.citations.map((c) => c.file).sort()).toEqual(["a.txt", "b.txt"]);
  });
});

describe("question validation and follow-ups", () => {
  it("rejects empty and overlong questions", () => {
    expect(() => validateQuestion(" ")).toThrow(/empty/);
    expect(() => validateQuestion("x".repeat(2001))).toThrow(/2001 characters/);
    expect(validateQuestion("  What?  ")).toBe("What?");
  });

  it("searches a follow-up together with the previous question", () => {
    const history = [
      { role: "user" as const, text: "What are the priority areas?" },
      { role: "assistant" as const, text: "…" },
    ];
    expect(contextualQuery("and which of those concern biodiversity?", history)).toBe(
      "What are the priority areas? and which of those concern biodiversity?",
    );
    expect(
      contextualQuery(
        "Who proposed the Demonstration Base for Environmental Technology and Industry cooperation?",
        history,
      ),
    ).toBe("Who proposed the Demonstration Base for Environmental Technology and Industry cooperation?");
    expect(contextualQuery("What is GEP?", history)).toBe("What is GEP?");
    expect(contextualQuery("When was it launched?", history)).toBe(
      "What are the priority areas? When was it launched?",
    );
  });
});

describe("a part of a many-part question", () => {
  it("is answered by a sentence that verifies and scores well for the part, though not for the whole", () => {
    const text =
      "4.1 If it deems necessary, the two parties will carry out the mid-term review on the implementation of this Plan in 2018, and amend this Plan based on the review result.\n4.2 Final review on the implementation of this Plan will be carried out in 2020 to have an overall examination of this Plan.\n4.3 The reviews will be organized by the DRC in collaboration with the River Secretariat and with the participation of the town offices.";
    const review = passage(text, "plan.txt", "4. Review of the Implementation");
    const question =
      "When will the mid-term and final reviews on the implementation of River Plan III be carried out, and who organises them?";
    const context = {
      idf: () => 1,
      scope: namedDocuments(question, [
        { file: "plan.txt", title: "River Plan (2016-2020)", year: 2016, aliases: ["River Plan III"] },
      ]),
    };
    const answer = answerExtractively(question, [review], context);
    expect(answer.answer).toContain("organized by the DRC");
    expect(answer.answer).not.toContain("do not give");
    // Only the part's best sentence (which says when) may answer: the organiser is not found.
    const strict = answerExtractively(question, [review], context, {
      ...defaultExtractiveOptions,
      partVerifiedMinScore: 1,
    });
    expect(strict.answer).toContain("do not give the person or body");
  });
});
