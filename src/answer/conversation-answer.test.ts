import { describe, expect, it } from "vitest";
import type { Answer, Chunk, Passage } from "../core/types.js";
import { keepFollowUpAnswer, narrowEvidence, summariseSection } from "./conversation-answer.js";

const meta = (section: string, start = 0) => ({
  file: "plan.txt",
  title: "Plan",
  section,
  page: null,
  start,
  end: start + 1,
  year: null,
});
const chunk = (id: string, section: string, text: string, start = 0): Chunk => ({
  id,
  text,
  meta: meta(section, start),
});
const passage = (c: Chunk): Passage => ({ ...c, score: 1, similarity: 1 });
const idf = () => 1;

describe("narrowEvidence", () => {
  const list = passage(
    chunk("p1", "Areas", "The plan covers three areas:\n- (a) Clean Water\n- (b) Urban Transport\n- (c) Forest Fires"),
  );

  it("picks the list items the follow-up asks about, without their numbering", () => {
    const answer = narrowEvidence("and which of those is about transport?", [list], idf);
    expect(answer).toMatchObject({
      answer: "Urban Transport [1]",
      found: true,
      citations: [{ n: 1, quote: "Urban Transport" }],
    });
  });

  it("lists every item that matches as well as the best", () => {
    const answer = narrowEvidence("which of them concern water or fires?", [list], idf);
    expect(answer?.answer).toBe("- Clean Water [1]\n- Forest Fires [1]");
  });

  it("gives nothing when no item matches, so the caller searches further", () => {
    expect(narrowEvidence("which of those concern budgets?", [list], idf)).toBeUndefined();
    expect(narrowEvidence("which of those?", [list], idf)).toBeUndefined();
  });
});

describe("summariseSection", () => {
  const chunks = [
    chunk("c0", "Contents › 2. Areas", "2. Areas"),
    chunk(
      "c1",
      "2. Areas of Work › 2.1 Water",
      "Objective: The plan improves water quality in river basins. More text.",
      10,
    ),
    chunk("c2", "2. Areas of Work › 2.2 Transport", "The plan promotes clean urban transport in member cities.", 20),
    chunk("c3", "3. Funding", "Funding comes from the members.", 30),
  ];

  it("gives one line per part of the section the request names, skipping labels", () => {
    const answer = summariseSection("area of work in the plan", [passage(chunks[3] as Chunk)], chunks, idf);
    expect(answer?.answer).toBe(
      "Areas of Work, part by part:\n- **Water**: The plan improves water quality in river basins. [1]\n" +
        "- **Transport**: The plan promotes clean urban transport in member cities. [2]",
    );
    expect(answer?.citations.map((c) => c.section)).toEqual([
      "2. Areas of Work › 2.1 Water",
      "2. Areas of Work › 2.2 Transport",
    ]);
  });

  it("gives nothing when no heading names the topic", () => {
    expect(summariseSection("every budget line", [passage(chunks[1] as Chunk)], chunks, idf)).toBeUndefined();
  });
});

describe("keepFollowUpAnswer", () => {
  const answer: Answer = {
    answer: "CAEC was set up in 2010. [1]\n\nThe Demonstration Base is in Yixing. [2]\n\nCAEC is based in Beijing. [3]",
    mode: "extractive",
    found: true,
    citations: [1, 2, 3].map((n) => ({ n, file: `f${n}`, title: "T", section: "S", page: null, quote: "q" })),
    passages: [],
  };

  it("keeps only paragraphs about the subject that answer the new question, renumbered", () => {
    const kept = keepFollowUpAnswer(answer, { terms: ["caec"], names: [] }, ["base"]);
    expect(kept.answer).toBe("CAEC is based in Beijing. [1]");
    expect(kept.citations).toEqual([{ n: 1, file: "f3", title: "T", section: "S", page: null, quote: "q" }]);
  });

  it("is not found when no paragraph does", () => {
    const kept = keepFollowUpAnswer(answer, { terms: ["caec"], names: [] }, ["budget"]);
    expect(kept.found).toBe(false);
    expect(kept.citations).toEqual([]);
  });
});
