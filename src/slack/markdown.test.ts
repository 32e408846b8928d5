import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMrkdwn } from "./mrkdwn.js";
import {
  createStreamSanitiser,
  neutraliseMentions,
  stripParagraphNumbers,
  tablesToLists,
  toSlackMarkdown,
} from "./markdown.js";

const live = /<[!@#]|<[a-z][a-z0-9+.-]*:/i;

describe("Markdown for Slack's markdown block", () => {
  it("keeps mentions readable but never live", () => {
    const out = neutraliseMentions(
      "Ping <!channel>, <@U0BOSS> in <#C0SECRET|secret> or <https://evil.example|x>; 3 < 4.",
    );
    expect(out).not.toMatch(live);
    expect(out.replace(/\u200b/g, "")).toBe(
      "Ping <!channel>, <@U0BOSS> in <#C0SECRET|secret> or <https://evil.example|x>; 3 < 4.",
    );
  });

  it("never lets a mention through, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("<", "!", "@", "#", "channel", ">", " ", "|", "a", "\n", "https:"), { maxLength: 30 }),
        (parts) => {
          expect(toSlackMarkdown(parts.join(""))).not.toMatch(live);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("neutralises mentions split across streamed tokens", () => {
    const sanitiser = createStreamSanitiser();
    const streamed =
      ["Hello <", "!here> and <", "@U1>", " end <"].map((t) => sanitiser.push(t)).join("") + sanitiser.flush();
    expect(streamed).not.toMatch(live);
    expect(streamed.replace(/\u200b/g, "")).toBe("Hello <!here> and <@U1> end <");
  });

  it("turns a table into a list, one row per item", () => {
    const table =
      "Budget:\n\n| Year | Amount | Source |\n|---|---:|---|\n| 2016 | 1.2 M | China |\n| 2017 | | ASEAN |\n\nAfter.";
    expect(tablesToLists(table)).toBe(
      "Budget:\n\n- **2016**: Amount: 1.2 M; Source: China\n- **2017**: Source: ASEAN\n\nAfter.",
    );
  });

  it("drops paragraph numbers copied from the documents but keeps ordered lists", () => {
    expect(stripParagraphNumbers("24. In October 2011, the forum was held. [1]\n\n1. First\n2. Second")).toBe(
      "In October 2011, the forum was held. [1]\n\n1. First\n2. Second",
    );
  });
});

describe("escapeMrkdwn", () => {
  it("escapes Slack's control characters", () => {
    expect(escapeMrkdwn("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
  });
});
