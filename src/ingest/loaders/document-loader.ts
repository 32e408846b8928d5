/** The file formats ingest reads. */
export type DocumentFormat = "pdf" | "txt" | "md" | "docx" | "html";

export interface DocumentPage {
  /** 1-based physical page number for PDFs, null for files without pages. */
  page: number | null;
  text: string;
  /** Footnotes printed on this page (PDF) or in the document (Word), kept out of the body text. */
  footnotes?: string[];
  /** The text was read from the page image by OCR. */
  ocr?: boolean;
}

export interface LoadedDocument {
  file: string;
  format: DocumentFormat;
  pages: DocumentPage[];
  /**
   * The loader already laid the text out (headers, footers, hyphens, footnotes handled; headings as
   * Markdown `#` lines), so the clean-up for flattened PDF text must not run on it.
   */
  prepared?: boolean;
  /** Physical page count (PDFs). */
  pageCount?: number;
  /** Title the file itself states (HTML <title>, Word title), used when the corpus manifest has none. */
  title?: string;
  /** How the text was decoded (text files), e.g. "UTF-8", "windows-1252". */
  encoding?: string;
}

export interface LoadOptions {
  /** Reports OCR progress (pages done of pages to read). */
  onOcrProgress?: (event: { file: string; done: number; total: number }) => void;
}

/** Reads one format. One loader per file in this folder; `loaders/index.ts` picks one by extension. */
export interface DocumentLoader {
  format: DocumentFormat;
  /** Lower-case extensions with the dot, e.g. [".htm", ".html"]. */
  extensions: string[];
  load(file: string, bytes: Buffer, options: LoadOptions): Promise<LoadedDocument>;
}
