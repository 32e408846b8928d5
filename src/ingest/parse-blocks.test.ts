import { describe, expect, it } from "vitest";
import { chunkBlocks } from "./chunk-blocks.js";
import { type Block, parseBlocks } from "./parse-blocks.js";

const strategy = `Table of Contents

1.\tBackground\t1
4.\tAreas of Cooperation\t8
\t4.1 Policy Dialogue and Exchange\t8
\t4.2 Joint research\t9

4. Areas of Cooperation

4.1 Policy Dialogue and Exchange

- 41. The parties will cooperate in the following areas, under the framework of the strategy adopted in 2016 by the ministers:
 - (a) organizing the Forum; and
 - (b) organizing the Ministers Meeting.

- 42. In October 2011, the first Forum was held in Nanning, China. Representatives of the environmental
 authorities attended the opening of the Forum and the field visits organised by the host

- city of Nanning in the following days.
`;

describe("parseBlocks and chunkBlocks", () => {
  it("finds numbered sections, paragraphs, list items and the table of contents", () => {
    const blocks = parseBlocks(strategy.replace(/\t/g, " "));
    expect(blocks.map((b) => b.kind)).toEqual(["toc", "heading", "heading", "paragraph", "item", "item", "paragraph"]);
    const toc = blocks[0];
    expect(toc?.kind === "toc" && toc.entries).toEqual([
      "1. Background",
      "4. Areas of Cooperation",
      "4.1 Policy Dialogue and Exchange",
      "4.2 Joint research",
    ]);
  });

  it("joins a paragraph cut by a page break and drops extraction dashes", () => {
    const last = parseBlocks(strategy.replace(/\t/g, " ")).at(-1);
    expect(last?.kind).toBe("paragraph");
    expect(last?.kind === "paragraph" && last.text).toMatch(
      /^42\. In October 2011.*host city of Nanning in the following days\.$/,
    );
  });

  it("restores list items whose bullets the extraction dropped, and leaves wrapped prose alone", () => {
    const text = [
      "50. Activities:",
      "",
      "",
      "Conduct collaborative research on the monitoring of wetlands and jointly",
      "carry out demonstration projects;",
      "Mutual learning and sharing of experience in protecting",
      "endangered species;",
      "Study benefit-sharing systems for traditional knowledge.",
      "Promote sharing of experiences on urban greenery.",
      "",
      "51. The parties met in Nanning; they agreed on a plan and",
      "Representatives of all members attended.",
    ].join("\n");
    const blocks = parseBlocks(text);
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "item", "item", "item", "item", "paragraph"]);
    const textOf = (block: Block | undefined) => (block && block.kind !== "toc" ? block.text : undefined);
    expect(textOf(blocks[1])).toBe(
      "Conduct collaborative research on the monitoring of wetlands and jointly carry out demonstration projects;",
    );
    expect(textOf(blocks.at(-1))).toContain("agreed on a plan and Representatives");
    const chunk = chunkBlocks(blocks, { targetChars: 2000, maxChars: 4000 })[0];
    expect(chunk?.text.split("\n").slice(0, 3)).toEqual([
      "50. Activities:",
      "• Conduct collaborative research on the monitoring of wetlands and jointly carry out demonstration projects;",
      "• Mutual learning and sharing of experience in protecting endangered species;",
    ]);
  });

  it("keeps a list with its lead-in and records the section path", () => {
    const chunks = chunkBlocks(parseBlocks(strategy.replace(/\t/g, " ")), { targetChars: 150, maxChars: 2000 });
    const list = chunks.find((c) => c.text.includes("(a) organizing"));
    expect(list?.text).toContain("41. The parties will cooperate");
    expect(list?.text).toContain("(b) organizing the Ministers Meeting.");
    expect(list?.sectionPath).toEqual(["4. Areas of Cooperation", "4.1 Policy Dialogue and Exchange"]);
    const outline = chunks.find((c) => c.sectionPath.join(" › ") === "Table of Contents › 4. Areas of Cooperation");
    expect(outline?.text).toBe("4. Areas of Cooperation:\n4.1 Policy Dialogue and Exchange\n4.2 Joint research");
  });

  it("keeps a lead-in that ends in a colon with the paragraph it introduces", () => {
    const text =
      "The plan was adopted by the ministers after two years of talks in many towns of the region.\n\nThe specific measures of the plan are as follows:\n\n3.3.4 Promotion of clean rivers   Set up a regional network of river basin offices to share data   Foster financing for small firms   Adopt labelling schemes.\n\nLater reviews found more work to do.";
    const chunks = chunkBlocks(parseBlocks(text), { targetChars: 100, maxChars: 2000 });
    const measures = chunks.find((c) => c.text.includes("as follows:"));
    expect(measures?.text).toContain("Adopt labelling schemes.");
    expect(measures?.text).not.toContain("Later reviews");
  });

  it("rebuilds a heading the PDF layout scattered over short lines", () => {
    const blocks = parseBlocks(
      "2.2.3 China-ASEAN Seminar\n\non\n\nAssessment\n\n22. The seminar was held in Beijing in October 2007 and attended by delegates.",
    );
    expect(blocks[0]).toMatchObject({ kind: "heading", text: "2.2.3 China-ASEAN Seminar on Assessment" });
    expect(blocks[1]?.kind).toBe("paragraph");
  });

  it("ends an all-caps heading at the first line that is not all caps", () => {
    const blocks = parseBlocks(
      "ASEAN-CHINA ENVIRONMENTAL\nCOOPERATION ACTION PLAN\n\nANNEX I\nTimeframe for the Implementation of the Action Plan\n\nThe plan runs to 2020.",
    );
    expect(blocks.map((b) => [b.kind, "text" in b ? b.text : undefined])).toEqual([
      ["heading", "ASEAN-CHINA ENVIRONMENTAL COOPERATION ACTION PLAN"],
      ["heading", "ANNEX I"],
      ["paragraph", "Timeframe for the Implementation of the Action Plan"],
      ["paragraph", "The plan runs to 2020."],
    ]);
  });

  it("splits a unit longer than maxChars at sentence boundaries", () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about cooperation.`).join(" ");
    const chunks = chunkBlocks(parseBlocks(long), { targetChars: 300, maxChars: 600 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.text.length <= 600)).toBe(true);
    expect(chunks.map((c) => c.text).join(" ")).toBe(long);
  });

  it("splits a long table by rows, not sentences, with its header at the head of every piece", () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| Site ${i} | ${i}. Monthly | Yes |`);
    const table = `| Site | Reporting | Open |\n| --- | --- | --- |\n${rows.join("\n")}`;
    const chunks = chunkBlocks(parseBlocks(table), { targetChars: 300, maxChars: 600 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(600);
      expect(chunk.text.startsWith("| Site | Reporting | Open |\n| --- | --- | --- |\n| Site ")).toBe(true);
      expect(chunk.text.split("\n").every((line) => /^\|.*\|$/.test(line))).toBe(true);
    }
    expect(chunks.flatMap((c) => c.text.split("\n").slice(2))).toEqual(rows);
  });

  it("cuts a line longer than maxChars after a sentence, never after an abbreviation", () => {
    const sentences = [
      "The ministers met in Nanning on the first day of the forum.",
      "It was chaired by H. E. Mr. Zhou Shengxian, minister of environmental protection of China.",
    ];
    const chunks = chunkBlocks(parseBlocks(sentences.join(" ")), { targetChars: 2000, maxChars: 100 });
    expect(chunks.map((c) => c.text)).toEqual(sentences);
  });
});
