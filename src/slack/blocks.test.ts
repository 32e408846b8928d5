import { describe, expect, it } from "vitest";
import type { Answer, Citation, Passage } from "../core/types.js";
import {
  ActionId,
  defaultBlockLimits,
  renderAnswerMessage,
  renderApology,
  renderCitation,
  sectionLabel,
  shortTitle,
  type KnownBlock,
} from "./blocks.js";

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  file: `doc-${n}.pdf`,
  title: `Document ${n}`,
  section: `4. Areas › 4.${n} Part ${n}`,
  page: n,
  quote: `Quote number ${n} says more than the answer.`,
  ...over,
});

const answer = (over: Partial<Answer> = {}): Answer => ({
  answer: "The areas are **policy dialogue** [1] and _biodiversity_ [2].",
  mode: "llm",
  citations: [citation(1), citation(2, { page: null, section: "About Us" })],
  found: true,
  passages: [],
  ...over,
});

const contextTexts = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) =>
    b.type === "context" ? b.elements.flatMap((e) => ("text" in e && typeof e.text === "string" ? [e.text] : [])) : [],
  );
const markdownOf = (blocks: KnownBlock[]) => blocks.flatMap((b) => (b.type === "markdown" ? [b.text] : []));

describe("renderAnswerMessage", () => {
  it("puts the answer in a markdown block, one short line per source, then feedback_buttons", () => {
    const message = renderAnswerMessage(answer(), { answerId: "id-1" });
    expect(message.blocks.map((b) => b.type)).toEqual(["markdown", "context", "context_actions"]);
    expect(markdownOf(message.blocks)).toEqual(["The areas are **policy dialogue** [1] and _biodiversity_ [2]."]);
    expect(contextTexts(message.blocks)[0]).toBe(
      "*Sources*\n[1] Document 1 · §4.1 · p. 1 — “Quote number 1 says more than the answer.”\n" +
        "[2] Document 2 · About Us — “Quote number 2 says more than the answer.”",
    );
    const feedback = message.blocks.at(-1);
    expect(feedback).toMatchObject({
      type: "context_actions",
      elements: [
        {
          type: "feedback_buttons",
          action_id: ActionId.Feedback,
          positive_button: { value: "up:id-1" },
          negative_button: { value: "down:id-1" },
        },
      ],
    });
    expect(message.text).toBe("The areas are policy dialogue [1] and _biodiversity_ [2].");
  });

  it("quotes only what the answer does not already say, and never the same sentence twice", () => {
    const extractive = answer({
      mode: "extractive",
      answer: "24. In 2010, the Ministry established CAEC. [1]\n\nCAEC runs the forum. [2]",
      citations: [
        citation(1, { quote: "In 2010, the Ministry established CAEC." }),
        citation(2, { quote: "CAEC runs the forum. … It meets every year in Nanning." }),
        citation(3, { quote: "It meets every year in Nanning." }),
      ],
    });
    const message = renderAnswerMessage(extractive, { answerId: "x" });
    const [sources] = contextTexts(message.blocks);
    expect(sources).toBe(
      "*Sources*\n[1] Document 1 · §4.1 · p. 1\n[2] Document 2 · §4.2 · p. 2 — “It meets every year in Nanning.”\n[3] Document 3 · §4.3 · p. 3",
    );
    // No paragraph numbers copied from the documents.
    expect(markdownOf(message.blocks)[0]).toMatch(/^In 2010/);
  });

  it("links the title when the citation has a url, and shortens a long title", () => {
    const line = renderCitation(
      citation(1, { url: "https://docs.example/view/doc-1#p=1", title: "A".repeat(100) }),
      "",
    );
    expect(line).toMatch(/^\[1\] <https:\/\/docs\.example\/view\/doc-1#p=1\|A{63}…> · §4\.1 · p\. 1$/);
    expect(renderCitation(citation(1, { url: "javascript:alert(1)" }), "")).not.toContain("<");
    expect(
      shortTitle("ASEAN-China Strategy on Environmental Cooperation (2016-2020) and Action Plan (2016-2020)"),
    ).toBe("ASEAN-China Strategy on Environmental Cooperation (2016-2020)");
  });

  it("escapes every source field", () => {
    const line = renderCitation(citation(3, { title: "A&B <x>", section: "A > B" }), "q <!channel>");
    expect(line).toBe("[3] A&amp;B &lt;x&gt; · A &gt; B · p. 3 — “q &lt;!channel&gt;”");
  });

  it("labels sections by their number", () => {
    expect(sectionLabel("4. Areas of Cooperation › 4.6 Environmentally Sustainable Cities")).toBe("§4.6");
    expect(sectionLabel("PLAN › II. Plan of Actions › 6. Cities")).toBe("§6");
    expect(sectionLabel("About Us")).toBe("About Us");
  });

  it("shows the remark, the note and the closest passages when nothing was found", () => {
    const passage: Passage = {
      id: "p1",
      text: "Closest text <!here>",
      score: 1,
      similarity: 0.5,
      meta: { file: "f.txt", title: "File", section: "S", page: null, start: 0, end: 10, year: null },
    };
    const message = renderAnswerMessage(
      answer({ found: false, citations: [], passages: [passage], note: "Not in the documents." }),
      {
        answerId: "x",
        remark: "Earlier turns were not read.",
      },
    );
    expect(message.blocks.map((b) => b.type)).toEqual(["markdown", "context", "context", "context", "context_actions"]);
    expect(contextTexts(message.blocks)).toEqual([
      "Earlier turns were not read.",
      "Not in the documents.",
      "*Closest passages*\n[1] File · S — “Closest text &lt;!here&gt;”",
    ]);
  });

  it("turns a table into a list and keeps mentions from going live", () => {
    const message = renderAnswerMessage(
      answer({ answer: "| Area | Lead |\n|---|---|\n| Cities <!channel> | CAEC |" }),
      { answerId: "x" },
    );
    const [markdown] = markdownOf(message.blocks);
    expect(markdown?.replace(/\u200b/g, "")).toBe("- **Cities <!channel>**: Lead: CAEC");
    expect(markdown).not.toMatch(/<[!@#]/);
    expect(message.text).not.toMatch(/<[!@#]/);
  });

  it("keeps the markdown within 12,000 characters and the message within 50 blocks, saying when it shortened", () => {
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${"text ".repeat(60)}`).join("\n\n");
    const many = Array.from({ length: 100 }, (_, i) => citation(i + 1, { quote: `q${i} `.repeat(150) }));
    const message = renderAnswerMessage(answer({ answer: long, citations: many }), { answerId: "x" });
    expect(message.blocks.length).toBeLessThanOrEqual(defaultBlockLimits.maxBlocks);
    const [markdown = ""] = markdownOf(message.blocks);
    expect(markdown.length).toBeLessThanOrEqual(12_000);
    expect(markdown).toContain("answer shortened to fit");
    for (const text of contextTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(contextTexts(message.blocks).join("\n")).toMatch(/…and 90 more\._/);
    expect(message.text.length).toBeLessThanOrEqual(defaultBlockLimits.textChars);
  });

  it("adds the share button for ephemeral answers and the asker for shared ones", () => {
    const shareable = renderAnswerMessage(answer(), { answerId: "x", shareable: true });
    expect(JSON.stringify(shareable.blocks)).toContain(ActionId.Share);
    const shared = renderAnswerMessage(answer(), { answerId: "x", askedBy: { user: "U1", question: "a <b> & c" } });
    expect(shared.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "<@U1> asked: a &lt;b&gt; &amp; c" }],
    });
  });

  it("shows who voted what under the feedback buttons", () => {
    const message = renderAnswerMessage(answer(), {
      answerId: "x",
      votes: new Map([
        ["U1", "up"],
        ["U2", "down"],
      ]),
    });
    expect(contextTexts(message.blocks).at(-1)).toBe("Feedback: 👍 <@U1> · 👎 <@U2>");
  });
});

describe("renderApology", () => {
  it("apologises in one markdown block with no buttons", () => {
    const apology = renderApology("bad <!channel>");
    expect(apology.blocks).toHaveLength(1);
    expect(apology.text).toContain("Sorry");
    expect(apology.text).toContain("bad &lt;!channel&gt;");
    expect(JSON.stringify(apology.blocks)).not.toMatch(/<[!@#]/);
  });
});
