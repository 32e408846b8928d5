import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/core/types.js";
import { defaultChunking } from "../../src/ingest/chunk-blocks.js";
import { chunkDocument, cleanDocument } from "../../src/ingest/chunk-document.js";
import { loadDocument } from "../../src/ingest/load-document.js";

// PDFs made here, unlike the ones in ../shared/formats: other fonts, sizes, margins and furniture.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "coopdocs-layout-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function makePdf(
  name: string,
  draw: (pdf: PDFDocument, font: PDFFont) => Promise<void> | void,
): Promise<Chunk[]> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  await draw(pdf, font);
  const file = path.join(dir, name);
  await writeFile(file, await pdf.save());
  return chunkDocument(cleanDocument(await loadDocument(file), undefined), defaultChunking);
}

const text = (chunks: Chunk[]) => chunks.map((c) => c.text).join("\n");
const lines = (page: PDFPage, font: PDFFont, rows: string[], x: number, top: number, size = 11, leading = 14) =>
  rows.forEach((row, i) => page.drawText(row, { x, y: top - i * leading, size, font }));

describe("PDF layout from positioned text", () => {
  it("removes a running header and 'Page N of M' footers, and cites the page of each paragraph", async () => {
    const chunks = await makePdf("report.pdf", (pdf, font) => {
      for (let n = 1; n <= 3; n++) {
        const page = pdf.addPage([612, 792]);
        page.drawText("Mekong Wetlands Review — Draft for consultation", { x: 72, y: 750, size: 9, font });
        page.drawText(`Page ${n} of 3`, { x: 280, y: 30, size: 9, font });
        page.drawText("file:///C:/Users/reviewer/Documents/wetlands-review.pdf", { x: 72, y: 16, size: 7, font });
        lines(
          page,
          font,
          [
            `Finding number ${n} concerns the wetland survey of district ${n * 7}, where`,
            `the teams recorded ${n * 12} species of migratory birds during the dry season.`,
          ],
          72,
          700,
        );
      }
    });
    expect(text(chunks)).not.toMatch(/Mekong Wetlands Review|Page \d of 3|file:\/\//);
    for (let n = 1; n <= 3; n++) expect(chunks.find((c) => c.text.includes(`district ${n * 7}`))?.meta.page).toBe(n);
  });

  it("joins words hyphenated at line ends, keeps hyphens before capitals, and cites a paragraph cut by a page break on both pages", async () => {
    const chunks = await makePdf("hyphens.pdf", (pdf, font) => {
      const first = pdf.addPage([595, 842]);
      lines(
        first,
        font,
        [
          "The joint programme on environ-",
          "mental monitoring supports the China-",
          "ASEAN partnership and the long-term goals of the",
          "region. Its first phase trained eighty inspec-",
        ],
        60,
        780,
      );
      const second = pdf.addPage([595, 842]);
      lines(second, font, ["tors in six provinces. A second phase follows next year."], 60, 780);
    });
    const all = text(chunks);
    expect(all).toContain("environmental monitoring");
    expect(all).toContain("China-ASEAN partnership");
    expect(all).toContain("inspectors in six provinces");
    expect(chunks.find((c) => c.text.includes("A second phase follows"))?.meta.page).toBe(2);
    expect(chunks.find((c) => c.text.includes("The joint programme"))?.meta.page).toBe(1);
  });

  it("reads two columns down the left one first, and keeps a spanning title on top", async () => {
    const left = Array.from({ length: 18 }, (_, i) => `Left column line ${i + 1} with some words.`);
    const right = Array.from({ length: 18 }, (_, i) => `Right column line ${i + 1} with some words.`);
    const chunks = await makePdf("columns.pdf", (pdf, font) => {
      const page = pdf.addPage([595, 842]);
      page.drawText("A Title That Spans Both Columns Of The Leaflet Page", { x: 60, y: 790, size: 16, font });
      lines(page, font, left, 50, 740, 10, 13);
      lines(page, font, right, 310, 740, 10, 13);
    });
    const all = text(chunks).replace(/\s+/g, " ");
    const order = [...all.matchAll(/(Left|Right) column line (\d+)/g)].map((m) => `${m[1]}${m[2]}`);
    expect(order).toEqual([...left.map((_, i) => `Left${i + 1}`), ...right.map((_, i) => `Right${i + 1}`)]);
  });

  it("keeps a footnote in a footnotes section with its page, and drops its marker from the sentence", async () => {
    const chunks = await makePdf("footnote.pdf", (pdf, font) => {
      for (let n = 1; n <= 2; n++) {
        const page = pdf.addPage([595, 842]);
        lines(
          page,
          font,
          [
            `Paragraph ${n}: the secretariat coordinates the annual forum on coastal erosion`,
            "and publishes its proceedings each year for the member states.",
          ],
          60,
          760,
        );
        if (n === 2) {
          page.drawText("2", { x: 455, y: 764, size: 7, font });
          page.drawText("2 The forum was first convened in Manila in 2011.", { x: 60, y: 80, size: 8, font });
        }
      }
    });
    const note = chunks.find((c) => c.text.includes("first convened in Manila"));
    expect(note?.meta.section).toBe("Footnotes");
    expect(note?.meta.page).toBe(2);
    expect(chunks.find((c) => c.text.includes("Paragraph 2"))?.text).not.toContain("Manila");
  });
});
