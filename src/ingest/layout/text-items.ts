/** A run of text placed on a PDF page, as pdf.js reports it (PDF units, origin at the bottom left). */
export interface TextItem {
  text: string;
  x: number;
  /** Baseline height from the bottom of the page. */
  y: number;
  width: number;
  /** Font size (vertical scale of the text matrix). */
  size: number;
}

export interface PositionedPage {
  /** 1-based physical page number. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
}

/** Minimal view of the pdf.js page object this module uses. */
export interface PdfJsPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
}

function isTextItem(item: unknown): item is PdfJsTextItem {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

/** Reads the positioned text items of one page; empty strings (pdf.js line-end markers) are dropped. */
export async function readPositionedPage(page: PdfJsPage, pageNumber: number): Promise<PositionedPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (!isTextItem(raw) || raw.str === "") continue;
    const [a = 0, b = 0, , d = 0, e = 0, f = 0] = raw.transform;
    // Rotated text (b ≠ 0) still has a usable size from the matrix column length.
    const size = Math.hypot(b, d) || Math.hypot(a, b) || 1;
    items.push({ text: raw.str, x: e, y: f, width: raw.width, size });
  }
  return { page: pageNumber, width: viewport.width, height: viewport.height, items };
}
