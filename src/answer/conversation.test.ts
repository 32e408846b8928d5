import { describe, expect, it } from "vitest";
import type { ConversationTurn } from "../core/types.js";
import { planConversation, resolveReference, subjectOf } from "./conversation.js";

const after = (question: string, answer = "…", extra: Partial<ConversationTurn> = {}): ConversationTurn[] => [
  { role: "user", text: question },
  { role: "assistant", text: answer, ...extra },
];

describe("planConversation", () => {
  it("reads a question with no history as fresh", () => {
    expect(planConversation("What is GEP?")).toEqual({ kind: "fresh", question: "What is GEP?" });
  });

  it("narrows the previous evidence for 'those', 'them', 'which of the above'", () => {
    const history = after("What are the 2016–2020 priority areas?", "…", { passageIds: ["p1"], found: true });
    for (const q of [
      "and which of those is about cities?",
      "which of them concern biodiversity?",
      "which of the above mention youth?",
    ]) {
      const plan = planConversation(q, history);
      expect(plan.kind).toBe("narrow");
      if (plan.kind === "narrow") expect(plan.previous.passageIds).toEqual(["p1"]);
    }
  });

  it("does not narrow an answer that was not found", () => {
    const plan = planConversation("which of those are new?", after("What are the 2030 goals?", "…", { found: false }));
    expect(plan.kind).not.toBe("narrow");
  });

  it("resolves 'it' to the previous question's subject", () => {
    const plan = planConversation("and where is it based?", after("When was CAEC established?"));
    expect(plan).toMatchObject({ kind: "follow-up", resolved: "where is CAEC based?", subject: "CAEC" });
    expect(planConversation("who runs its secretariat?", after("What is GEP?"))).toMatchObject({
      resolved: "who runs GEP's secretariat?",
    });
  });

  it("chains references through an earlier follow-up", () => {
    const history = [...after("When was CAEC established?"), ...after("and who established it?")];
    expect(planConversation("where is it?", history)).toMatchObject({ kind: "follow-up", resolved: "where is CAEC?" });
  });

  it("starts fresh when the topic changes in the same thread", () => {
    expect(planConversation("Who funds the Green Envoys Program?", after("When was CAEC established?")).kind).toBe(
      "fresh",
    );
  });

  it("reads a short continuation with the whole previous question", () => {
    expect(planConversation("and in 2009?", after("How many priority areas were there?"))).toMatchObject({
      kind: "follow-up",
      resolved: "How many priority areas were there? and in 2009?",
    });
  });

  it("reads 'Summarise / describe every / each …' as a summary of what it names", () => {
    expect(planConversation("Summarise every area of cooperation in the 2016-2020 strategy")).toEqual({
      kind: "summary",
      question: "Summarise every area of cooperation in the 2016-2020 strategy",
      topic: "area of cooperation in the 2016-2020 strategy",
    });
    expect(planConversation("Describe each of the new priority areas.")).toMatchObject({
      kind: "summary",
      topic: "new priority areas",
    });
    expect(planConversation("Describe the Green Envoys Program").kind).toBe("fresh");
  });
});

describe("subjectOf / resolveReference", () => {
  it("keeps what the question is about", () => {
    expect(subjectOf("When was CAEC established?")).toBe("CAEC");
    expect(subjectOf("What are the 2016–2020 priority areas?")).toBe("the 2016-2020 priority areas");
    expect(resolveReference("and which of those is about cities?", "the priority areas")).toBe(
      "which of the priority areas is about cities?",
    );
  });
});
