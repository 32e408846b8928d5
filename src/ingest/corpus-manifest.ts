import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

/** `corpus/manifest.json`: the title and year of each document, which the files themselves do not state reliably. */
const manifestSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string().min(1),
      title: z.string().min(1),
      year: z.number().int().nullable().optional(),
    }),
  ),
});

export interface DocumentInfo {
  title: string;
  year: number | null;
}

export const corpusManifestFile = "manifest.json";

export async function readCorpusManifest(corpusDir: string): Promise<Map<string, DocumentInfo>> {
  const file = path.join(corpusDir, corpusManifestFile);
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return new Map(); // optional: titles then come from each document's first line
  }
  let parsed: z.infer<typeof manifestSchema>;
  try {
    parsed = manifestSchema.parse(JSON.parse(raw));
  } catch (error) {
    throw new CoopdocsError(
      ErrorCode.CorpusEmpty,
      `The corpus manifest ${file} is not valid: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      'Expected {"documents": [{"file": "...", "title": "...", "year": 2016}]}.',
    );
  }
  return new Map(parsed.documents.map((d) => [d.file, { title: d.title, year: d.year ?? null }]));
}
