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

  it("is empty when only the mention was sent", () => {
    expect(parseQuestion("<@UBOT>   ", "UBOT").text).toBe("");
  });
});
