import { createRequire } from "node:module";
import { isPageFurniture } from "../layout/running-lines.js";
import type { PdfJsDocument } from "../layout/pdfjs.js";

export interface OcrResult {
  ok: boolean;
  pages: { page: number; text: string }[];
  /** Why OCR did not run, when it did not. */
  reason?: string;
}

// Pages are rendered at this many pixels per PDF point: 2.8 ≈ 200 dpi, where Tesseract reads body text
// well; higher costs time and memory for little gain on 150-300 dpi scans.
const renderScale = 2.8;

interface TesseractWorker {
  recognize(image: Buffer): Promise<{ data: { text: string } }>;
  terminate(): Promise<unknown>;
}

interface CanvasModule {
  createCanvas(width: number, height: number): { getContext(kind: "2d"): unknown; toBuffer(mime: "image/png"): Buffer };
}

/** The OCR engine and its English model, both from npm packages (nothing is downloaded at run time). */
async function startTesseract(): Promise<TesseractWorker> {
  const require = createRequire(import.meta.url);
  const eng = require("@tesseract.js-data/eng") as { langPath: string; gzip: boolean };
  const { createWorker } = await import("tesseract.js");
  const worker = await createWorker("eng", 1, {
    langPath: eng.langPath,
    gzip: eng.gzip,
    cacheMethod: "none",
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  return worker as unknown as TesseractWorker;
}

// At a page's edge, a line with at most this many letters or digits is a page number or specks of the
// scan read as characters ("jE", "|"), not text.
const edgeNoiseChars = 3;

const isEdgeNoise = (line: string) =>
  line === "" || isPageFurniture(line) || line.replace(/[^\p{L}\p{N}]/gu, "").length <= edgeNoiseChars;

/** OCR text as page text: the page number line dropped, words broken at line ends joined. */
export function tidyOcrText(text: string): string {
  const lines = text.split("\n").map((l) => l.trim());
  while (lines.length > 0 && isEdgeNoise(lines[0] ?? "")) lines.shift();
  while (lines.length > 0 && isEdgeNoise(lines.at(-1) ?? "")) lines.pop();
  return lines
    .join("\n")
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, "$1$2")
    .replace(/\n{3,}/g, "\n\n");
}

/**
 * Reads image-only pages by OCR: each page rendered by pdf.js onto a @napi-rs/canvas canvas, then read
 * by tesseract.js with the `eng` model. Returns why not when OCR cannot run here.
 */
export async function ocrPages(
  doc: PdfJsDocument,
  pages: number[],
  options: { file: string; onProgress?: (event: { file: string; done: number; total: number }) => void },
): Promise<OcrResult> {
  let canvas: CanvasModule;
  let worker: TesseractWorker;
  try {
    canvas = (await import("@napi-rs/canvas")) as unknown as CanvasModule;
    worker = await startTesseract();
  } catch (error) {
    return {
      ok: false,
      pages: [],
      reason: `OCR is not available here (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const out: { page: number; text: string }[] = [];
  try {
    options.onProgress?.({ file: options.file, done: 0, total: pages.length });
    for (const [i, n] of pages.entries()) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: renderScale });
      const target = canvas.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: target.getContext("2d"), viewport, canvas: target }).promise;
      const { data } = await worker.recognize(target.toBuffer("image/png"));
      page.cleanup();
      const text = tidyOcrText(data.text);
      if (text.trim() !== "") out.push({ page: n, text });
      options.onProgress?.({ file: options.file, done: i + 1, total: pages.length });
    }
  } catch (error) {
    return { ok: false, pages: [], reason: `OCR failed (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    await worker.terminate().catch(() => undefined);
  }
  return out.length > 0
    ? { ok: true, pages: out }
    : { ok: false, pages: [], reason: "OCR found no text on the image-only pages" };
}
