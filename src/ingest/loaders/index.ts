import path from "node:path";
import type { DocumentFormat, DocumentLoader } from "./document-loader.js";
import { docxLoader } from "./docx-loader.js";
import { htmlLoader } from "./html-loader.js";
import { pdfLoader } from "./pdf-loader.js";
import { markdownLoader, plainTextLoader } from "./text-loader.js";

export type { DocumentFormat, DocumentLoader, DocumentPage, LoadedDocument, LoadOptions } from "./document-loader.js";

/** Every format ingest reads; adding one means adding its loader here. */
export const documentLoaders: DocumentLoader[] = [pdfLoader, docxLoader, htmlLoader, plainTextLoader, markdownLoader];

export function loaderFor(file: string): DocumentLoader | undefined {
  const ext = path.extname(file).toLowerCase();
  return documentLoaders.find((l) => l.extensions.includes(ext));
}

/** The extensions read, for messages: ".pdf, .docx, …". */
export function supportedExtensions(): string[] {
  return documentLoaders.flatMap((l) => l.extensions);
}

export function isFormat(value: string): value is DocumentFormat {
  return documentLoaders.some((l) => l.format === value);
}
