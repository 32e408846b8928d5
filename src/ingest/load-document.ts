import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

export type DocumentFormat = "pdf" | "txt" | "md";

export interface DocumentPage {
  /** 1-based page number for PDFs, null for text files. */
  page: number | null;
  text: string;
}

export interface LoadedDocument {
  file: string;
  format: DocumentFormat;
  pages: DocumentPage[];
}

const formats: Record<string, DocumentFormat> = { ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md" };

/** The format of a corpus file, or undefined for files ingest does not read. */
export function documentFormat(file: string): DocumentFormat | undefined {
  const name = path.basename(file);
  if (name.startsWith(".") || /^readme\.(md|markdown|txt)$/i.test(name)) return undefined;
  return formats[path.extname(name).toLowerCase()];
}

export function hashContent(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Reads one corpus file: PDFs page by page through pdf-parse, text and Markdown as one page. */
export async function loadDocument(filePath: string, data?: Buffer): Promise<LoadedDocument> {
  const file = path.basename(filePath);
  const format = documentFormat(file);
  if (!format) throw new CoopdocsError(ErrorCode.DocumentUnreadable, `${file}: unsupported file type.`);
  const bytes = data ?? (await readFile(filePath));
  if (format !== "pdf") return { file, format, pages: [{ page: null, text: bytes.toString("utf8") }] };
  return { file, format, pages: await readPdfPages(file, bytes) };
}

async function readPdfPages(file: string, bytes: Buffer): Promise<DocumentPage[]> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    const pages = result.pages.map((p) => ({ page: p.num, text: p.text }));
    if (pages.every((p) => p.text.trim() === "")) {
      throw new CoopdocsError(
        ErrorCode.DocumentUnreadable,
        `${file}: the PDF has no extractable text (a scanned document needs OCR first).`,
      );
    }
    return pages;
  } catch (error) {
    if (error instanceof CoopdocsError) throw error;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const encrypted = /password|encrypt/i.test(reason);
    throw new CoopdocsError(
      ErrorCode.DocumentUnreadable,
      encrypted ? `${file}: the PDF is encrypted (password-protected).` : `${file}: the PDF could not be read (${reason}).`,
      undefined,
      { cause: error },
    );
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
