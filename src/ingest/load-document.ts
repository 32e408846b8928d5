import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loaderFor, type DocumentFormat, type LoadedDocument, type LoadOptions } from "./loaders/index.js";
import { unreadable } from "./loaders/unreadable.js";

export type { DocumentFormat, DocumentPage, LoadedDocument } from "./loaders/index.js";

/** The format of a corpus file, or undefined for files ingest does not read. */
export function documentFormat(file: string): DocumentFormat | undefined {
  const name = path.basename(file);
  if (name.startsWith(".") || /^readme\.(md|markdown|txt)$/i.test(name)) return undefined;
  return loaderFor(name)?.format;
}

export function hashContent(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Reads one corpus file with the loader for its format (see `loaders/`). */
export async function loadDocument(
  filePath: string,
  data?: Buffer,
  options: LoadOptions = {},
): Promise<LoadedDocument> {
  const file = path.basename(filePath);
  const loader = documentFormat(file) ? loaderFor(file) : undefined;
  if (!loader) throw unreadable(file, "unsupported file type.");
  const bytes = data ?? (await readFile(filePath));
  return loader.load(file, bytes, options);
}
