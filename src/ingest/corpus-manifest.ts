import path from "node:path";
import { z } from "zod";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { walkCorpus } from "./corpus-files.js";

/** `corpus/manifest.json`: the title and year of each document, which the files themselves do not state reliably. */
// A title is shown with every citation: 300 characters holds the longest real document title twice over.
export const maxTitleChars = 300;

const manifestSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string({ invalid_type_error: "must be a file name (text)" }).min(1, "must not be empty"),
      title: z
        .string({ invalid_type_error: "must be text" })
        .min(1, "must not be empty")
        .max(maxTitleChars, `must be at most ${maxTitleChars} characters`),
      year: z
        .number({ invalid_type_error: "must be a number such as 2016" })
        .int("must be a whole year")
        .nullable()
        .optional(),
    }),
    { invalid_type_error: "must be a list of documents" },
  ),
});

/** "documents[2].title must be text; documents[5].year must be a number such as 2016" (the first few problems). */
function describeIssues(error: z.ZodError): string {
  const described = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
      .join("")
      .replace(/^\./, "");
    return `${where || "the file"} ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : "";
  return `${described.join("; ")}${more}`;
}

export interface DocumentInfo {
  title: string;
  year: number | null;
}

export const corpusManifestFile = "manifest.json";

export async function readCorpusManifest(corpusDir: string): Promise<Map<string, DocumentInfo>> {
  const file = path.join(corpusDir, corpusManifestFile);
  // Read like a corpus document: a FIFO or a link out of the corpus named manifest.json is not opened.
  const found = (await walkCorpus(corpusDir, [corpusManifestFile])).files[0];
  if (!found) return new Map(); // optional: titles then come from each document's first line
  const raw = found.bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CoopdocsError(
      ErrorCode.CorpusEmpty,
      `The corpus manifest ${file} is not valid JSON: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      'Expected {"documents": [{"file": "...", "title": "...", "year": 2016}]}.',
    );
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    throw new CoopdocsError(
      ErrorCode.CorpusEmpty,
      `The corpus manifest ${file} is not valid: ${describeIssues(result.error)}.`,
      'Expected {"documents": [{"file": "...", "title": "...", "year": 2016}]}.',
    );
  }
  const parsed = result.data;
  return new Map(parsed.documents.map((d) => [d.file, { title: d.title, year: d.year ?? null }]));
}
