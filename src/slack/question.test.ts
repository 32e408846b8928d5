import { describe, expect, it } from "vitest";
import { parseQuestion, slackTextToPlain } from "./question.js";

describe("slackTextToPlain", () => {
  it("drops the bot's mention, keeps others readable and unescapes entities", () => {
    expect(slackTextToPlain("<@UBOT> what about <@U2|bob> in <#C1|general>?", "UBOT")).toBe(
      "what about @bob in #general?",
    );
    expect(slackTextToPlain("R&amp;D &lt;2016&gt; <https://a.example|site> <mailto:x@y.z>")).toBe(
      "R&D <2016> site (https://a.example) x@y.z",
    );
    expect(slackTextToPlain("<!here> hi")).toBe("@here hi");
  });
});

describe("parseQuestion", () => {
  it("recognises the draft: prefix, in any case", () => {
    expect(parseQuestion("<@UBOT> Draft:  marine litter", "UBOT")).toEqual({ kind: "draft", text: "marine litter" });
    expect(parseQuestion("What is drafted?")).toEqual({ kind: "ask", text: "What is drafted?" });
  });

  it("is help when only the mention, or 'help', was sent", () => {
    expect(parseQuestion("<@UBOT>   ", "UBOT")).toEqual({ kind: "help", text: "" });
    expect(parseQuestion("<@UBOT> Help", "UBOT")).toEqual({ kind: "help", text: "" });
    expect(parseQuestion("?")).toEqual({ kind: "help", text: "" });
    expect(parseQuestion("help with the budget figures")).toEqual({
      kind: "ask",
      text: "help with the budget figures",
    });
  });
});
