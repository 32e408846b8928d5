import type { PdfJsDocument } from "../layout/pdfjs.js";

export interface OcrResult {
  ok: boolean;
  pages: { page: number; text: string }[];
  /** Why OCR did not run, when it did not. */
  reason?: string;
}

/** Placeholder until OCR lands: says why the pages could not be read. */
export async function ocrPages(
  _doc: PdfJsDocument,
  pages: number[],
  _options: { file: string; onProgress?: (event: { file: string; done: number; total: number }) => void },
): Promise<OcrResult> {
  return { ok: false, pages: [], reason: `OCR is not available (${pages.length} image-only page(s))` };
}
