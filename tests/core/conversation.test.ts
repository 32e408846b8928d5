import { beforeAll, describe, expect, inject, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/index.js";
import type { Answer, ConversationTurn } from "../../src/core/types.js";
import { sharedIndexConfig } from "../helpers/test-corpus.js";

// Conversations in the core, end to end on the real corpus: what chat, Slack and the web page all get.
let service: AnswerService;

beforeAll(async () => {
  service = await createAnswerService(sharedIndexConfig(inject("sharedIndexDir")));
});

/** Asks each question in turn, with the earlier turns (and their evidence) as history. */
async function converse(...questions: string[]): Promise<Answer[]> {
  const history: ConversationTurn[] = [];
  const answers: Answer[] = [];
  for (const question of questions) {
    const answer = await service.ask(question, { history: [...history] });
    answers.push(answer);
    history.push(
      { role: "user", text: question },
      { role: "assistant", text: answer.answer, passageIds: answer.passages.map((p) => p.id), found: answer.found },
    );
  }
  return answers;
}

describe("conversations on the real corpus", () => {
  it("narrows the previous list to the item a follow-up asks about (issue example)", async () => {
    const [, cities] = await converse("What are the 2016–2020 priority areas?", "and which of those is about cities?");
    expect(cities?.found).toBe(true);
    expect(cities?.answer).toMatch(/^Environmentally Sustainable Cities \[1\]$/);
    expect(cities?.citations).toHaveLength(1);
  });

  it("says the documents do not give what a follow-up asks about the same subject (issue example)", async () => {
    const [established, based] = await converse("When was CAEC established?", "and where is it based?");
    expect(established?.answer).toContain("2010");
    expect(based?.found).toBe(false);
    expect(based?.answer).not.toContain("2010");
  });

  it("answers a summary request from the section it names (issue example)", async () => {
    const [summary] = await converse("Summarise every area of cooperation in the 2016-2020 strategy");
    expect(summary?.found).toBe(true);
    for (const area of ["Policy Dialogue and Exchange", "Environmentally Sustainable Cities", "Joint research"]) {
      expect(summary?.answer).toContain(area);
    }
    expect(summary?.citations.every((c) => c.section.startsWith("4. Areas of Cooperation"))).toBe(true);
  });

  it("narrows with 'which of them' to another item", async () => {
    const [, pick] = await converse("What are the 2016–2020 priority areas?", "which of them concern biodiversity?");
    expect(pick?.answer).toMatch(/^Biodiversity and Ecological Conservation \[1\]$/);
  });

  it("says so when none of the previous items matches and the corpus has no answer either", async () => {
    const [, none] = await converse("What are the 2016–2020 priority areas?", "and which of those concern climate?");
    expect(none?.found).toBe(false);
  });

  it("starts fresh when the topic changes", async () => {
    const [, fresh] = await converse("What are the 2016–2020 priority areas?", "Who established CAEC?");
    expect(fresh?.found).toBe(true);
    expect(fresh?.answer).toContain("Ministry");
    expect(fresh?.answer).not.toContain("Policy Dialogue and Exchange");
  });

  it("summarises the section of the document a 'describe each' request names", async () => {
    const [summary] = await converse("Describe each new priority area in the 2009-2015 strategy");
    expect(summary?.citations.every((c) => c.file === "china-asean-strategy-2009-2015.txt")).toBe(true);
    expect(summary?.answer).toContain("Biodiversity Conservation");
    expect(summary?.answer).not.toContain("Environmentally Sustainable Cities");
  });

  it("resolves 'it' to the subject and answers the new question", async () => {
    const [, who] = await converse("When was CAEC established?", "who established it?");
    expect(who?.found).toBe(true);
    expect(who?.answer).toContain("Ministry");
  });
});
