import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReasoningFilter, stripReasoning } from "./reasoning.js";

describe("reasoning blocks", () => {
  it("removes <think>, <thinking> and <reasoning> blocks anywhere", () => {
    expect(stripReasoning("<think>a [2]</think>\nAnswer [1].")).toBe("\nAnswer [1].");
    expect(stripReasoning("Start. <thinking>x</thinking>End.")).toBe("Start. End.");
    expect(stripReasoning("<REASONING>x</REASONING>Done.")).toBe("Done.");
    expect(stripReasoning("a < b and c > d")).toBe("a < b and c > d");
  });

  it("hides an unclosed block, and treats text before an orphan close tag as thinking", () => {
    expect(stripReasoning("<think>never closed")).toBe("");
    const filter = new ReasoningFilter();
    filter.push("Okay, the user asks.\n</think>\n\nAnswer [1].");
    expect(filter.visible).toBe("\n\nAnswer [1].");
    expect(filter.sawReasoning).toBe(true);
  });

  it("gives the same visible text however the reply is split", () => {
    const reply = "<think>Passage 2 says 2010 [2].</think>\nCAEC was set up in 2010 [2]. a<b";
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: reply.length - 1 }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const filter = new ReasoningFilter();
        let at = 0;
        for (const p of [...points, reply.length]) {
          filter.push(reply.slice(at, p));
          at = p;
        }
        filter.end();
        expect(filter.visible).toBe(stripReasoning(reply));
      }),
      { numRuns: 100 },
    );
  });
});
