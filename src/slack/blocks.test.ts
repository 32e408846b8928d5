import { describe, expect, it } from "vitest";
import type { Answer, Citation, Passage } from "../core/types.js";
import { ActionId, defaultBlockLimits, renderAnswerMessage, renderApology, renderCitation, truncate, type KnownBlock } from "./blocks.js";

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  file: `doc-${n}.pdf`,
  title: `Document ${n}`,
  section: `Section ${n}`,
  page: n,
  quote: `Quote number ${n}.`,
  ...over,
});

const answer = (over: Partial<Answer> = {}): Answer => ({
  answer: "The areas are **policy dialogue** [1] and _biodiversity_ [2].",
  mode: "extractive",
  citations: [citation(1), citation(2, { page: null, section: "" })],
  found: true,
  passages: [],
  ...over,
});

const sectionTexts = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));

describe("renderAnswerMessage", () => {
  it("puts the answer in mrkdwn, then a divider, numbered sources and the feedback buttons", () => {
    const message = renderAnswerMessage(answer(), { answerId: "id-1" });
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "divider", "section", "actions"]);
    const [body, sources] = sectionTexts(message.blocks);
    expect(body).toBe("The areas are *policy dialogue* [1] and _biodiversity_ [2].");
    expect(sources).toBe(
      "*Sources*\n*[1]* Document 1 — Section 1 · p. 1\n> “Quote number 1.”\n*[2]* Document 2\n> “Quote number 2.”",
    );
    expect(message.text).toBe(body);
    const actions = message.blocks.at(-1);
    expect(actions?.type === "actions" && actions.elements.map((e) => ("action_id" in e ? e.action_id : ""))).toEqual([
      ActionId.FeedbackUp,
      ActionId.FeedbackDown,
    ]);
  });

  it("adds the share button for ephemeral answers and the asker for shared ones", () => {
    const shareable = renderAnswerMessage(answer(), { answerId: "x", shareable: true });
    expect(JSON.stringify(shareable.blocks)).toContain(ActionId.Share);
    const shared = renderAnswerMessage(answer(), { answerId: "x", askedBy: { user: "U1", question: "a <b> & c" } });
    expect(shared.blocks[0]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "<@U1> asked: a &lt;b&gt; &amp; c" }] });
  });

  it("shows the note, and the closest passages when nothing was found", () => {
    const passage: Passage = {
      id: "p1",
      text: "Closest text <!here>",
      score: 1,
      similarity: 0.5,
      meta: { file: "f.txt", title: "File", section: "S", page: null, start: 0, end: 10, year: null },
    };
    const message = renderAnswerMessage(
      answer({ found: false, citations: [], passages: [passage], note: "Not in the documents." }),
      { answerId: "x" },
    );
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "context", "divider", "section", "actions"]);
    const text = sectionTexts(message.blocks).join("\n");
    expect(text).toContain("*Closest passages*\n*[1]* File — S\n> “Closest text &lt;!here&gt;”");
  });

  it("escapes every citation field and shortens long quotes", () => {
    const text = renderCitation(citation(3, { title: "A&B <x>", section: "1 > 2", quote: `${"long ".repeat(100)}end` }), 50);
    expect(text.startsWith("*[3]* A&amp;B &lt;x&gt; — 1 &gt; 2 · p. 3\n> “")).toBe(true);
    expect(text.endsWith("…”")).toBe(true);
    expect(text.length).toBeLessThan(130);
  });

  it("keeps sections under 3,000 characters and messages under 50 blocks, saying when it shortened", () => {
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${"text ".repeat(60)}`).join("\n\n");
    const many = Array.from({ length: 100 }, (_, i) => citation(i + 1, { quote: "q ".repeat(150) }));
    const message = renderAnswerMessage(answer({ answer: long, citations: many }), { answerId: "x" });
    expect(message.blocks.length).toBeLessThanOrEqual(defaultBlockLimits.maxBlocks);
    for (const text of sectionTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    const texts = sectionTexts(message.blocks);
    expect(texts.some((t) => t.includes("answer shortened to fit"))).toBe(true);
    expect(texts.some((t) => /…and \d+ more\._$/.test(t))).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(defaultBlockLimits.textChars);
  });

  it("splits a long answer that fits over several sections without shortening it", () => {
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} ${"text ".repeat(60)}`).join("\n\n");
    const message = renderAnswerMessage(answer({ answer: long }), { answerId: "x" });
    const body = sectionTexts(message.blocks).slice(0, -1);
    expect(body.length).toBeGreaterThan(1);
    expect(body.join("\n").replace(/\s+/g, " ").trim()).toBe(long.replace(/\s+/g, " ").trim());
  });
});

describe("renderApology / truncate", () => {
  it("apologises in one section with no buttons", () => {
    const apology = renderApology("bad <input>");
    expect(apology.blocks).toHaveLength(1);
    expect(apology.text).toContain("Sorry");
    expect(apology.text).toContain("bad &lt;input&gt;");
  });

  it("truncates on a word boundary with an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("alpha beta gamma delta", 15)).toBe("alpha beta…");
    expect(truncate("abcdefghij", 5)).toBe("abcd…");
  });
});
