import { beforeAll, describe, expect, inject, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/index.js";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import { sharedIndexConfig } from "../helpers/test-corpus.js";

// End to end on the real corpus: retrieve and answer from an index built by the global setup.
let service: AnswerService;

beforeAll(async () => {
  service = await createAnswerService(sharedIndexConfig(inject("sharedIndexDir")));
});

const nineAreas = [
  "Policy Dialogue and Exchange",
  "Environmental Data and Information",
  "Environmental Impact Assessment",
  "Biodiversity and Ecological Conservation",
  "Environmental Industry and Technology for Green Development",
  "Environmentally Sustainable Cities",
  "Environmental Education and Public Awareness",
  "Institutional and Human Capability Building",
  "Joint research",
];

describe("extractive answers on the real corpus", () => {
  it("lists all nine 2016–2020 priority areas, cited to the 2016-2020 strategy", async () => {
    const answer = await service.ask("What are the 2016–2020 priority areas?");
    expect(answer.found).toBe(true);
    expect(answer.mode).toBe("extractive");
    const text = answer.answer.toLowerCase();
    for (const area of nineAreas) expect(text).toContain(area.toLowerCase());
    expect(answer.citations.some((c) => c.file === "asean-china-strategy-2016-2020.txt")).toBe(true);
    // Every [n] in the text has a citation, and every citation is used.
    const markers = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    expect([...markers].sort()).toEqual(answer.citations.map((c) => c.n).sort());
  });

  it("answers when CAEC was established with 2010 and a checkable citation", async () => {
    const answer = await service.ask("When was CAEC established?");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2010");
    const cited = answer.citations.find((c) => c.quote.includes("2010"));
    expect(cited).toBeDefined();
    expect(cited?.title.length).toBeGreaterThan(0);
    expect(cited?.page).toBeNull();
  });

  it("quotes cited text verbatim from the cited passage", async () => {
    const answer = await service.ask("Where was the first ASEAN-China Environmental Cooperation Forum held?");
    expect(answer.answer).toContain("Nanning");
    for (const c of answer.citations) {
      const passage = answer.passages.find((p) => p.meta.file === c.file && p.meta.section === c.section);
      expect(passage).toBeDefined();
      for (const piece of c.quote.split(" … "))
        expect(passage?.text.replace(/\s+/g, " ")).toContain(piece.replace(/…$/, ""));
    }
  });

  it("says the documents do not give what they never give, shows what they do say and the closest passages", async () => {
    const answer = await service.ask(
      "What was the total budget of the fourth ASEAN-China Environmental Cooperation Forum?",
    );
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^The documents do not give the amount asked for\. They say: .*\[1\]/);
    expect(answer.citations).toHaveLength(1);
    expect(answer.passages.length).toBeGreaterThan(0);
  });

  it("does not answer about a year the documents never mention", async () => {
    const answer = await service.ask("Which rugby team won the 1995 world cup final?");
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^(I could not find this in the documents|The documents do not give)/);
  });

  it("answers a follow-up using the earlier turn", async () => {
    const first = "What are the 2016–2020 priority areas?";
    const answer = await service.ask("and which of those concern biodiversity?", {
      history: [
        { role: "user", text: first },
        { role: "assistant", text: "…" },
      ],
    });
    expect(answer.found).toBe(true);
    expect(answer.answer.toLowerCase()).toContain("biodiversity");
  });

  it("rejects an empty or a 10,000-character question with a clear error", async () => {
    await expect(service.ask("   ")).rejects.toSatisfy((e) => CoopdocsError.is(e, "question_invalid"));
    await expect(service.ask("why ".repeat(2500))).rejects.toSatisfy(
      (e) => CoopdocsError.is(e, "question_invalid") && /limit is 2000/.test((e as Error).message),
    );
  });

  it("recognises a question in Chinese and answers from the English passages", async () => {
    const answer = await service.ask("东盟-中国环境合作中心成立于哪一年？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2010");
  });
});
