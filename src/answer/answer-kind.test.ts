import { describe, expect, it } from "vitest";
import {
  answerKind,
  countedPhrase,
  countedTerms,
  countsAnother,
  countsNoun,
  holdsKind,
  questionAnchors,
} from "./answer-kind.js";

describe("answerKind", () => {
  it("goes by the question word the question opens with", () => {
    expect(answerKind("Who was minister when the plan was adopted?")).toBe("person");
    expect(answerKind("When was the centre set up?")).toBe("date");
    expect(answerKind("How many areas are there?")).toBe("count");
    expect(answerKind("On what exact date was it signed?")).toBe("date");
  });

  it("reads how often something happens as a frequency, and finds one in a text", () => {
    expect(answerKind("How often is the forum held?")).toBe("frequency");
    expect(answerKind("Has the forum's frequency changed?")).toBe("frequency");
    expect(answerKind("论坛多久举办一次？")).toBe("frequency");
    expect(holdsKind("The Forum will be organized biennially.", "frequency")).toBe(true);
    expect(holdsKind("Seminars are held every two years.", "frequency")).toBe(true);
    expect(holdsKind("Volunteers counted birds every spring.", "frequency")).toBe(true);
    expect(holdsKind("The forum was held in Nanning in October 2011.", "frequency")).toBe(false);
  });

  it("reads which years, bodies and countries a Chinese question asks for", () => {
    expect(answerKind("该计划涵盖哪些年份？")).toBe("date");
    expect(answerKind("还有哪些国际机构参加？")).toBe("person");
    expect(answerKind("与哪个机构合作？")).toBe("person");
    expect(answerKind("有哪些国家参加？")).toBe("place");
    expect(answerKind("有哪些活动？")).toBe("list");
  });
});

describe("questionAnchors", () => {
  it("pins an ordinal to the thing it counts", () => {
    const [first] = questionAnchors("When was the first Regional Outlook launched?");
    expect(first?.test("The first Regional Outlook was completed in 2015.")).toBe(true);
    expect(first?.test("The first Policy Dialogue was held in 2004; an Outlook followed.")).toBe(false);
    const [firstMeeting] = questionAnchors("When will the first Regional Water Ministers Meeting be held?");
    expect(firstMeeting?.test("They may convene the 1st Regional RWMM by 2020.")).toBe(true);
    expect(firstMeeting?.test("They held the 1st Regional RWMF in 2019.")).toBe(false);
    const [fifth] = questionAnchors("Where was the fifth forum held?");
    expect(fifth?.test("In 2015 the fifth annual forum took place.")).toBe(true);
  });

  it("reaches the counted thing over words, not over a slash between them", () => {
    const [eighth] = questionAnchors("When was the 8th River Workshop/Symposium held?");
    expect(eighth?.test("They hosted the 8th Tripartite Delta Water (TDW) Workshop / Symposium in 2007.")).toBe(true);
    expect(
      eighth?.test("They hosted the 8th Tripartite Delta Water Basin Planning Council in 2007, a Symposium."),
    ).toBe(false);
  });

  it("takes no anchor from 'in the first place'", () => {
    expect(questionAnchors("Why was the plan made in the first place?")).toEqual([]);
  });

  it("reads 'what are <acronym>' as asking what they are, not for a list", () => {
    expect(answerKind("what are NFPs in the action plan")).toBe("definition");
    expect(answerKind("What are the priority areas?")).toBe("list");
    expect(answerKind("What are priorities?")).toBe("list");
  });

  it("takes no anchor from an ordinal that names a document", () => {
    expect(questionAnchors("In the second strategy, who coordinates the forum?")).toEqual([]);
    expect(questionAnchors("In the second strategy, where was the first forum held?")).toHaveLength(1);
  });

  it("tells a text about another of the things the question counts", () => {
    const anchors = questionAnchors("What was the theme of the first River Forum?");
    expect(countsAnother("In 2014 the fourth River Forum was held.", anchors)).toBe(true);
    expect(countsAnother("The first and the fourth River Forum met in Hue.", anchors)).toBe(false);
    expect(countsAnother("The Forum was one of the events of the 8th Trade Expo.", anchors)).toBe(false);
    expect(countsAnother("In 2014 the fourth River Forum was held.", questionAnchors("When was the forum held?"))).toBe(
      false,
    );
    // A Chinese ordinal counts the thing its name ends in.
    const chinese = questionAnchors("第一届东盟-中国环境合作论坛的主题是什么？");
    expect(countsAnother("the third ASEAN-China Environmental Cooperation Forum was held", chinese)).toBe(true);
    expect(countsAnother("It was one of the events of the 8th China-ASEAN Expo.", chinese)).toBe(false);
  });

  it("does not read a period's first year as the year of an event", () => {
    const [year] = questionAnchors("What was the theme of the 2016 forum?");
    expect(year?.test("the plan for 2016-2020")).toBe(false);
    expect(year?.test("the forum in 2016 and 2018")).toBe(true);
  });
});

describe("holdsKind", () => {
  it("reads a place's whole name, so one the question names in part is still an answer", () => {
    expect(
      holdsKind("The summit held at Porto de Galinhas adopted it.", "place", [], "Where was the Porto+5 summit held?"),
    ).toBe(true);
    expect(holdsKind("The summit held at Porto adopted it.", "place", [], "Where was the Porto+5 summit held?")).toBe(
      false,
    );
  });

  it("wants a name when the question asks who holds an office", () => {
    const asked = "Who was the minister of the environment?";
    expect(holdsKind("The Ministry adopted the plan.", "person", [], asked)).toBe(false);
    expect(holdsKind("H. E. Mr. Li Wei, then Minister, opened it.", "person", [], asked)).toBe(true);
    expect(holdsKind("The Ministry adopted the plan.", "person", [], "Who adopted the plan?")).toBe(true);
  });

  it("wants the holder of the office asked about, not a deputy's name or another office's", () => {
    const asked = "Who is the Secretary-General of the Council?";
    expect(holdsKind("Mr. Tan Wei, then Deputy Secretary-General, spoke.", "person", [], asked)).toBe(false);
    expect(holdsKind("Mr. Tan Wei, then Minister, met the Council.", "person", [], asked)).toBe(false);
    expect(holdsKind("Mr. Tan Wei, Secretary General of the Council, spoke.", "person", [], asked)).toBe(true);
  });

  it("takes a list, or a sentence running through items, as answering a list question", () => {
    expect(holdsKind("The areas are as follows:\n- (a) water\n- (b) air", "list")).toBe(true);
    expect(holdsKind("It covers e.g. water, air and soil.", "list")).toBe(true);
    expect(holdsKind("It covers water, air, soil, forests, and coasts.", "list")).toBe(true);
    expect(holdsKind("In the light of the plan, and given the needs, the framework was adopted.", "list")).toBe(false);
    const asked = "What were the main findings of the review?";
    expect(holdsKind("The main findings were to widen the network and fund it.", "list", [], asked)).toBe(true);
    expect(holdsKind("The review was held in 2018.", "list", [], asked)).toBe(false);
  });

  it("finds a town the documents do not list, and any country, for 'which city' and 'which country'", () => {
    const city = "Which city hosted the meeting?";
    expect(holdsKind("The meeting was held in Dali, Yunnan province.", "place", [], city)).toBe(true);
    expect(holdsKind("The meeting was held in September in Environmental Week.", "place", [], city)).toBe(false);
    const country = "Which country funded the study?";
    expect(holdsKind("The study was funded by Germany.", "place", [], country)).toBe(true);
    expect(holdsKind("The study was funded by the Ministry.", "place", [], country)).toBe(false);
  });

  it("reads a town named with a particle whole, so a question naming its first word still finds it", () => {
    const text = "In 2012, the Conference held at Rio de Janeiro (Rio + 20 Conference) adopted a document.";
    expect(holdsKind(text, "place", [], "Rio+20 took place in which city?")).toBe(true);
  });

  it("takes a town in brackets after a name as where that thing is", () => {
    const asked = "Where is the River Transfer Center?";
    expect(holdsKind("new platforms such as the River Transfer Center (Dongguan), are", "place", [], asked)).toBe(true);
    expect(holdsKind("platforms such as the River Transfer Center (RTC), are", "place", [], asked)).toBe(false);
    // Another name's town is not where the asked thing is.
    const other = "The Regional Demonstration Base for Industry Cooperation (Tarn) was opened.";
    expect(holdsKind(other, "place", [], "Where is the Regional Water Cooperation Center based?")).toBe(false);
  });

  it("counts the years of an '20-year' compound", () => {
    expect(countsNoun("the practices of its 20-year history", ["year"])).toBe(true);
    expect(countsNoun("the 2020-year plan", ["year"])).toBe(false);
  });

  it("takes a fund or a country as the body that did something", () => {
    expect(holdsKind("It was sponsored by the Regional Trust Fund.", "person", [], "Who sponsored it?")).toBe(true);
    expect(holdsKind("It had support from the United States.", "person", [], "Who supported it?")).toBe(true);
    expect(holdsKind("It was sponsored generously.", "person", [], "Who sponsored it?")).toBe(false);
  });

  it("wants the day of the month when the question asks for the exact day", () => {
    const asked = "On which exact day was the centre opened?";
    expect(holdsKind("The centre was opened in May 2011.", "date", [], asked)).toBe(false);
    expect(holdsKind("The centre was opened on 25 May 2011.", "date", [], asked)).toBe(true);
    expect(holdsKind("It met on 27 – 28 November 2007.", "date", [], "What date was the seminar?")).toBe(true);
    expect(holdsKind("The centre was opened in May 2011.", "date", [], "When was the centre opened?")).toBe(true);
  });

  it("takes a period as the answer when the question asks which years something covers", () => {
    const asked = "Which years does the River Programme cover?";
    expect(holdsKind("the River Programme (RP) 2004-2010", "date", [], asked)).toBe(true);
    expect(holdsKind("the River Programme (RP) 2004-2010", "date", [], "When did the programme start?")).toBe(false);
  });

  it("does not take a year in a plan's name for a date", () => {
    expect(holdsKind("guided by the ASEAN Vision 2025", "date")).toBe(false);
    expect(holdsKind("adopted in May 2016", "date")).toBe(true);
  });
});

describe("names given in brackets", () => {
  it("takes a bracketed name after what it names as a name, not a bracketed acronym alone", () => {
    expect(holdsKind("An upgraded version of the Programme (Programme of the Blue Sea) will follow.", "name")).toBe(
      true,
    );
    expect(holdsKind("The Programme (BSP) will follow.", "name")).toBe(false);
    expect(holdsKind("The Programme will follow in 2017.", "name")).toBe(false);
    expect(holdsKind("The Programme will follow (see below for more).", "name")).toBe(false);
  });
});

describe("countedPhrase", () => {
  it("reads the counted noun phrase up to its plural head or a verb, not its first two words", () => {
    expect(countedPhrase("How many Regional River Basin Councils were set up?")).toBe("Regional River Basin Councils");
    expect(countedPhrase("How many AMS sent delegates?")).toBe("AMS");
    expect(countedPhrase("how many people attended the meeting?")).toBe("people");
    expect(countedPhrase("How many priority areas are there?")).toBe("priority areas");
    expect(countedTerms("How many Regional River Basin Councils were set up?")).toEqual(["council"]);
  });
});
