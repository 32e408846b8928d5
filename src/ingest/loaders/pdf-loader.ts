import { layoutDocument } from "../layout/layout-pages.js";
import { openPdf, type PdfJsDocument } from "../layout/pdfjs.js";
import { readPositionedPage, type PositionedPage } from "../layout/text-items.js";
import { ocrPages } from "../ocr/ocr-pages.js";
import type { DocumentLoader, DocumentPage, LoadedDocument, LoadOptions } from "./document-loader.js";
import { unreadable } from "./unreadable.js";

// A page with fewer visible characters than this has no usable text layer (a scan, perhaps with a
// stamped page number); it is read by OCR when OCR is available.
const minTextLayerChars = 20;

function visibleChars(page: PositionedPage): number {
  return page.items.reduce((sum, item) => sum + item.text.replace(/\s/g, "").length, 0);
}

async function openOrExplain(file: string, bytes: Buffer): Promise<PdfJsDocument> {
  try {
    return await openPdf(bytes);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (/password|encrypt/i.test(reason)) throw unreadable(file, "the PDF is encrypted (password-protected).", error);
    throw unreadable(file, `the PDF could not be read (${reason}).`, error);
  }
}

/** The Title in the PDF's document information, when it says something (not "Untitled" or a file name). */
async function pdfTitle(doc: PdfJsDocument): Promise<string | undefined> {
  const meta = await doc.getMetadata().catch(() => undefined);
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  if (typeof title !== "string") return undefined;
  const t = title.trim();
  return t.length >= 4 && !/^untitled$|\.(docx?|pdf|tex|ms|odt)$/i.test(t) ? t : undefined;
}

/**
 * PDFs page by page from pdf.js's positioned text: layout handled in `../layout` (page-true text,
 * running lines, footnotes, columns, hyphens). Pages without a text layer go to OCR.
 */
export const pdfLoader: DocumentLoader = {
  format: "pdf",
  extensions: [".pdf"],
  async load(file: string, bytes: Buffer, options: LoadOptions): Promise<LoadedDocument> {
    const doc = await openOrExplain(file, bytes);
    try {
      const positioned: PositionedPage[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        positioned.push(await readPositionedPage(page, n));
        page.cleanup();
      }
      const withText = positioned.filter((p) => visibleChars(p) >= minTextLayerChars);
      const scanned = positioned.filter((p) => visibleChars(p) < minTextLayerChars).map((p) => p.page);
      const laidOut = layoutDocument(withText);
      const pages: DocumentPage[] = laidOut.pages.map((p) => ({ page: p.page, text: p.text, footnotes: p.footnotes }));
      let ocrNote: string | undefined;
      if (scanned.length > 0) {
        const result = await ocrPages(doc, scanned, { file, onProgress: options.onOcrProgress });
        if (result.ok) pages.push(...result.pages.map((p) => ({ page: p.page, text: p.text, ocr: true })));
        else ocrNote = result.reason;
      }
      pages.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
      if (pages.every((p) => p.text.trim() === "")) {
        throw unreadable(
          file,
          `the PDF has no text layer (a scan) and OCR could not read it${ocrNote ? `: ${ocrNote}` : ""}.`,
        );
      }
      const title = (await pdfTitle(doc)) ?? laidOut.runningTitle;
      return { file, format: "pdf", pages, prepared: true, pageCount: doc.numPages, ...(title ? { title } : {}) };
    } catch (error) {
      if (error instanceof Error && error.name === "CoopdocsError") throw error;
      throw unreadable(
        file,
        `the PDF could not be read (${error instanceof Error ? error.message : String(error)}).`,
        error,
      );
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  },
};
