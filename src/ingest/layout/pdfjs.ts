import type { PdfJsPage } from "./text-items.js";

/** The part of a pdf.js document this project uses. */
export interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage & PdfJsRenderablePage>;
  getMetadata(): Promise<{ info: unknown }>;
  destroy(): Promise<void>;
}

export interface PdfJsRenderablePage {
  render(options: { canvasContext: unknown; viewport: unknown; canvas?: unknown }): { promise: Promise<void> };
  getViewport(options: { scale: number }): { width: number; height: number };
  cleanup(): void;
}

/**
 * Opens a PDF with the pdf.js build that pdf-parse 2 ships (the legacy build runs on Node without a DOM).
 * The bytes are copied: pdf.js detaches the buffer it is given.
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfJsDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  return (await task.promise) as unknown as PdfJsDocument;
}
