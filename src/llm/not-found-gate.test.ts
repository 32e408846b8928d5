import { describe, expect, it } from "vitest";
import { isNotFoundReply, NotFoundGate, stripThinking } from "./not-found-gate.js";

function run(pieces: string[]): { out: string; notFound: boolean } {
  const gate = new NotFoundGate();
  let out = "";
  for (const piece of pieces) out += gate.push(piece);
  out += gate.flush();
  return { out, notFound: gate.notFound };
}

describe("NotFoundGate", () => {
  it("swallows the sentinel even when it arrives in pieces", () => {
    expect(run([" NOT", "_FO", "UND", "\n"])).toEqual({ out: "", notFound: true });
    expect(run(["**Not found**."])).toEqual({ out: "", notFound: true });
  });

  it("lets an answer through once it cannot be the sentinel", () => {
    const gate = new NotFoundGate();
    expect(gate.push("No")).toBe("");
    expect(gate.push("t only")).toBe("Not only");
    expect(gate.push(" that")).toBe(" that");
    expect(gate.notFound).toBe(false);
  });

  it("releases a short reply at the end", () => {
    expect(run(["NOT"])).toEqual({ out: "NOT", notFound: false });
  });
});

describe("isNotFoundReply", () => {
  it.each([
    ["NOT_FOUND", true],
    ["  not_found.", true],
    ["Not found in the passages.", true],
    ["The strategy [1]", false],
    ["Nothing", false],
  ])("%j → %s", (text, expected) => {
    expect(isNotFoundReply(text)).toBe(expected);
  });
});

describe("thinking blocks", () => {
  it("drops a leading <think> block from the stream and from the text", () => {
    expect(run(["<thi", "nk>The user asks", " about CAEC.</th", "ink>\n\nCAEC was", " founded [1]."])).toEqual({
      out: "CAEC was founded [1].",
      notFound: false,
    });
    expect(run(["<think>hmm</think>NOT_FOUND"])).toEqual({ out: "", notFound: true });
    expect(stripThinking("  <think>a\nb</think>\nAnswer [1].")).toBe("Answer [1].");
    expect(stripThinking("<think>never closed")).toBe("");
    expect(stripThinking("Plain <think> later")).toBe("Plain <think> later");
  });
});
