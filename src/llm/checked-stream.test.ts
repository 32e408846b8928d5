import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { CheckedStream } from "./checked-stream.js";

function passage(title: string, text: string): Passage {
  return {
    id: title,
    text,
    meta: { file: `${title}.txt`, title, section: "", page: null, start: 0, end: text.length, year: null },
    score: 1,
    similarity: 1,
  };
}

const passages = [
  passage(
    "Priority areas of the strategy",
    "The strategy identifies biodiversity and environmental data as priority areas.",
  ),
  passage(
    "About the cooperation centre",
    "The China-ASEAN Environmental Cooperation Center was established in 2010. It is based in Beijing.",
  ),
];

function whole(reply: string, cut = false) {
  const stream = new CheckedStream(passages);
  const first = stream.push(reply);
  const { released, reply: checked } = stream.end(cut);
  return { ...checked, shown: first + released };
}

describe("CheckedStream", () => {
  it("keeps cited, supported sentences and renumbers them in order of appearance", () => {
    const result = whole("The Center was established in 2010【2】. Biodiversity is a priority area [1].");
    expect(result.text).toBe("The Center was established in 2010 [1]. Biodiversity is a priority area [2].");
    expect(result.order).toEqual([2, 1]);
  });

  it("drops a sentence whose only citation is invalid, or that states a number its passage lacks", () => {
    const result = whole(
      "The Center was established in 2010 [2]. It has a staff of about 60 people [9]. It was set up with 4,500 staff [2].",
    );
    expect(result.text).toBe("The Center was established in 2010 [1].");
    expect(result.dropped).toEqual({ invalidCitation: 1, unsupported: 1 });
  });

  it("drops an uncited sentence that states what no passage says, keeps one the passages support", () => {
    expect(whole("The Center was established in 2010 [2]. It employs sixty engineers from Atlantis.").text).toBe(
      "The Center was established in 2010 [1].",
    );
    expect(whole("The Center was established in 2010 [2]. It is based in Beijing.").text).toBe(
      "The Center was established in 2010 [1]. It is based in Beijing.",
    );
  });

  it("shows nothing of a refusal, and counts it", () => {
    const result = whole("The provided passages do not mention how many staff the Center employs.");
    expect(result).toMatchObject({ shown: "", cited: 0, refusals: 1 });
  });

  it("holds uncited sentences until a cited one is released", () => {
    const stream = new CheckedStream(passages);
    expect(stream.push("It is based in Beijing. The Center was established in 2010 [2]. Biodiv")).toBe(
      "It is based in Beijing. The Center was established in 2010 [1].",
    );
  });

  it("keeps only complete sentences of a reply cut by the token limit", () => {
    const result = whole("The Center was established in 2010 [2]. Biodiversity is a priority", true);
    expect(result).toMatchObject({ text: "The Center was established in 2010 [1].", truncated: true });
  });

  it("releases nothing before a sentence and its citation are complete", () => {
    const stream = new CheckedStream(passages);
    expect(stream.push("The Center was established in 2010.")).toBe("");
    expect(stream.push(" [2")).toBe("");
    expect(stream.push("] It")).toBe("The Center was established in 2010 [1].");
  });

  it("streams the same checked text as the whole reply gives, however it is split", () => {
    const reply =
      "<think>Passage 1 says Atlantis [1].</think>Intro that nobody checks. The Center was established in 2010. 【2】 Biodiversity is a priority area <sup>1</sup>.\n\n- It is based in Beijing [Passage 2]\n- It has 99 offices [2]\n\nSources:\n[1] Priority areas";
    const expected = whole(reply).text;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: reply.length - 1 }), { maxLength: 12 }), (cuts) => {
        const stream = new CheckedStream(passages);
        const chunks: string[] = [];
        let at = 0;
        for (const p of [...new Set(cuts)].sort((a, b) => a - b)) {
          chunks.push(stream.push(reply.slice(at, p)));
          at = p;
        }
        chunks.push(stream.push(reply.slice(at)));
        const { released, reply: checked } = stream.end();
        chunks.push(released);
        expect(checked.text).toBe(expected);
        expect(chunks.join("").trim()).toBe(expected);
        for (const chunk of chunks) expect(chunk).not.toMatch(/Atlantis|99 offices|Intro|Sources|【|<sup>/);
      }),
      { numRuns: 150 },
    );
    expect(expected).toBe(
      "The Center was established in 2010 [1]. Biodiversity is a priority area [2].\n\n- It is based in Beijing [1]",
    );
  });
});
