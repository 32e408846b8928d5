import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import { defaultChunking } from "../../src/ingest/chunk-blocks.js";
import { chunkDocument, cleanDocument } from "../../src/ingest/chunk-document.js";
import { loadDocument } from "../../src/ingest/load-document.js";
import { decodeText } from "../../src/ingest/loaders/text-loader.js";
import { sharedFormatsDir } from "../helpers/test-corpus.js";

const formatsDir = sharedFormatsDir();
const sample = "Coopération “verte” – 绿色发展 in the ASEAN region.\n";

describe("text in any common encoding", () => {
  it("decodes UTF-8, UTF-16 with a BOM, Windows-1252 and GB18030", () => {
    const cases: [string, Buffer, string][] = [
      ["utf-8", Buffer.from(sample, "utf8"), sample],
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, "utf-16le")]), sample],
      ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, "utf-16be")]), sample],
      [
        "cp1252",
        iconv.encode("Coopération “verte” – in the ASEAN region, façade and naïve.\n".repeat(5), "win1252"),
        "Coopération “verte” – in the ASEAN region, façade and naïve.\n".repeat(5),
      ],
      [
        "gb18030",
        iconv.encode("东盟与中国环境合作战略，生物多样性保护与绿色发展。\n".repeat(8), "gb18030"),
        "东盟与中国环境合作战略，生物多样性保护与绿色发展。\n".repeat(8),
      ],
    ];
    for (const [name, bytes, expected] of cases) expect(decodeText(`x.${name}.txt`, bytes).text, name).toBe(expected);
  });

  it("refuses binary data that only has a text file's name, with the reason", () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x7f, 0x01]);
    expect(() => decodeText("archive.txt", bytes)).toThrowError(CoopdocsError);
    expect(() => decodeText("archive.txt", bytes)).toThrowError(/binary data/);
  });
});

describe.skipIf(!formatsDir)("Word, web pages and Windows-1252 from ../shared/formats", () => {
  const dir = formatsDir ?? "";
  const chunksOf = async (file: string) =>
    chunkDocument(cleanDocument(await loadDocument(path.join(dir, file)), undefined), defaultChunking);

  it("reads the cp1252 file as Windows-1252: exactly the source text", async () => {
    const loaded = await loadDocument(path.join(dir, "caec-about-us.cp1252.txt"));
    expect(loaded.pages[0]?.text).not.toContain("\ufffd");
    expect(loaded.pages[0]?.text).toBe(readFileSync(path.join(dir, "..", "corpus", "caec-about-us.txt"), "utf8"));
  });

  it("turns Word headings into sections, keeps the footnote and the Annex table", async () => {
    const chunks = await chunksOf("strategy-2016-2020.docx");
    const sections = new Set(chunks.map((c) => c.meta.section));
    expect(
      [...sections].some((s) =>
        /^ASEAN-China Strategy on Environmental Cooperation \(2016-2020\) › 4\. Areas of Cooperation › 4\.\d /.test(s),
      ),
    ).toBe(true);
    expect([...sections].some((s) => /Action Plan/i.test(s))).toBe(true);
    expect(chunks.some((c) => c.meta.section === "Footnotes" && /South-South Cooperation is a term/.test(c.text))).toBe(
      true,
    );
    expect(chunks.some((c) => / \| /.test(c.text) && /Action 1/.test(c.text))).toBe(true);
    // The footnote reference mark is not left in the sentence.
    expect(chunks.some((c) => /\[\d+\]/.test(c.text))).toBe(false);
  });

  it("keeps only the article of a web page, with its headings as sections", async () => {
    const chunks = await chunksOf("est-cleaner-production.html");
    const html = readFileSync(path.join(dir, "est-cleaner-production.html"), "utf8");
    const text = chunks.map((c) => `${c.meta.section}\n${c.text}`).join("\n");
    expect(chunks.some((c) => c.meta.section.endsWith("Policy framework"))).toBe(true);
    expect(chunks.some((c) => c.meta.section.endsWith("Studies and follow-up actions"))).toBe(true);
    // Nothing from the boilerplate: the text of <nav>, <footer> and <aside> elements is absent.
    const boilerplate = [...html.matchAll(/<(nav|footer|aside)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .flatMap((m) => (m[2] ?? "").replace(/<[^>]+>/g, "\n").split("\n"))
      .map((l) => l.trim())
      .filter((l) => l.length > 12);
    expect(boilerplate.length).toBeGreaterThan(0);
    for (const line of boilerplate) expect(text, line).not.toContain(line);
    expect(text).not.toMatch(/cookie/i);
  });
});
