import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMrkdwn, markdownToMrkdwn, splitMrkdwn } from "./mrkdwn.js";

/** Every `<` the converter emits must open a link it built: http(s) or mailto, never `<!…>`, `<@…>`, `<#…>`. */
function unsafeAngles(mrkdwn: string): string[] {
  return [...mrkdwn.matchAll(/<(?!(?:https?:\/\/|mailto:))[^>]*>?/g)].map((m) => m[0]);
}

describe("markdownToMrkdwn", () => {
  it.each([
    ["**bold** and __bold__", "*bold* and *bold*"],
    ["*italic* and _italic_", "_italic_ and _italic_"],
    ["***both***", "*_both_*"],
    ["~~gone~~", "~gone~"],
    ["`a < b`", "`a &lt; b`"],
    ["snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"],
    ["# Priority areas", "*Priority areas*"],
    ["## The **2016** plan", "*The 2016 plan*"],
    ["Title\n=====", "*Title*"],
    ["- one\n- two\n  - nested", "• one\n• two\n    ◦ nested"],
    ["1. first\n2) second", "1. first\n2. second"],
    ["- [ ] todo\n- [x] done", "• ☐ todo\n• ☑ done"],
    ["> quoted *text*", "> quoted _text_"],
    ["[CAEC](https://example.org/caec)", "<https://example.org/caec|CAEC>"],
    ["<https://example.org/a?b=1&c=2>", "<https://example.org/a?b=1&amp;c=2>"],
    ["![chart](https://example.org/c.png)", "<https://example.org/c.png|chart>"],
    ["Tom & Jerry <3 > 2", "Tom &amp; Jerry &lt;3 &gt; 2"],
    ["&lt;b&gt; &amp; &#64;", "&lt;b&gt; &amp; @"],
    ["line one\nline two", "line one\nline two"],
    ["a\n\n\n\nb", "a\n\nb"],
    ["---", "──────────"],
    ["Policy dialogue [1] and biodiversity [2].", "Policy dialogue [1] and biodiversity [2]."],
  ])("%j → %j", (markdown, expected) => {
    expect(markdownToMrkdwn(markdown)).toBe(expected);
  });

  it("escapes Slack's special mentions and user/channel markup instead of passing them through", () => {
    const out = markdownToMrkdwn("<!channel> <!here> <@U123> <#C123|general> <!subteam^S1>");
    expect(out).toBe("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C123|general&gt; &lt;!subteam^S1&gt;");
    expect(unsafeAngles(out)).toEqual([]);
  });

  it("never turns a link into a mention or a script: only http(s) and mailto become links", () => {
    expect(markdownToMrkdwn("[all](!channel)")).toBe("all (!channel)");
    expect(markdownToMrkdwn("[x](javascript:alert(1))")).toBe("x (javascript:alert(1))");
    expect(markdownToMrkdwn("[<!here>](https://a.example)")).toBe("<https://a.example|&lt;!here&gt;>");
    // `|` and `>` inside a URL would end the label or the link early: they are percent-encoded.
    expect(markdownToMrkdwn("[y](https://a.example/p|<!channel>)")).toBe("<https://a.example/p%7C%3C!channel%3E|y>");
    expect(markdownToMrkdwn("[mail](mailto:someone@example.org)")).toBe("<mailto:someone@example.org|mail>");
  });

  it("escapes code blocks and keeps them closed", () => {
    expect(markdownToMrkdwn("```ts\nif (a < b && c) {}\n```")).toBe("```\nif (a &lt; b &amp;&amp; c) {}\n```");
    const nested = markdownToMrkdwn("~~~\nuse ``` fences\n~~~");
    expect(nested.match(/```/g)).toHaveLength(2);
  });

  it("renders tables as aligned monospace text", () => {
    const out = markdownToMrkdwn("| Area | Years |\n|---|---:|\n| **Biodiversity** | 2016–2020 |");
    expect(out).toBe("```\nArea          Years\n------------  ---------\nBiodiversity  2016–2020\n```");
  });

  it("leaves unmatched markers as text", () => {
    expect(markdownToMrkdwn("**unclosed and *lonely")).toBe("**unclosed and *lonely");
    expect(markdownToMrkdwn("[1] not a link")).toBe("[1] not a link");
  });

  it("never lets a raw `<` through, whatever the input (property)", () => {
    const pieces = fc.constantFrom(
      "<", ">", "&", "!channel", "@U1", "#C1", "|", "[", "]", "(", ")", "*", "_", "`", "~", "\n", " ", "https://x.y", "mailto:a@b.c", "a",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const out = markdownToMrkdwn(parts.join(""));
        expect(unsafeAngles(out)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeMrkdwn", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeMrkdwn("a & b < c > d \"e\" 'f'")).toBe("a &amp; b &lt; c &gt; d \"e\" 'f'");
  });
});

describe("splitMrkdwn", () => {
  it("returns short text as is and empty text as nothing", () => {
    expect(splitMrkdwn("short")).toEqual(["short"]);
    expect(splitMrkdwn("  \n ")).toEqual([]);
  });

  it("splits long text under the limit on line boundaries, keeping every word", () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${"word ".repeat(30).trim()}`);
    const text = paragraphs.join("\n\n");
    const pieces = splitMrkdwn(text, 1000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1000);
    expect(pieces.join("\n").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));
  });

  it("closes and reopens a code block cut in two", () => {
    const text = `Intro\n\`\`\`\n${"x = 1 &amp; 2\n".repeat(200)}\`\`\`\nOutro`;
    const pieces = splitMrkdwn(text, 800);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(800);
      expect((piece.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });

  it("does not cut inside an entity or a link when cutting a single long line", () => {
    const text = `${"a".repeat(95)} &amp; <https://example.org/${"p".repeat(20)}|label> ${"b ".repeat(200)}`;
    for (const limit of [100, 120, 140]) {
      for (const piece of splitMrkdwn(text, limit)) {
        expect(piece.length).toBeLessThanOrEqual(limit);
        expect(piece).not.toMatch(/&[a-z]*$/);
        expect(piece).not.toMatch(/<[^>]*$/);
      }
    }
  });

  it("keeps pieces within the limit for any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 40, max: 400 }), (text, limit) => {
        for (const piece of splitMrkdwn(markdownToMrkdwn(text), limit)) expect(piece.length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 200 },
    );
  });
});
