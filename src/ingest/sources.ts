import { readIndexManifest } from "../store/index-store.js";
import { scanCorpus } from "./ingest.js";
import { documentFormat } from "./load-document.js";

export type SourceStatus = "indexed" | "skipped" | "failed" | "pending";

/** One corpus file as `coopdocs sources` shows it. */
export interface SourceEntry {
  file: string;
  /** indexed; skipped or failed (with the reason); pending: new or changed since the last ingest. */
  status: SourceStatus;
  reason: string | null;
  format: string | null;
  pages: number | null;
  chunks: number;
  title: string | null;
  year: number | null;
  /** Pages read by OCR (empty when none). */
  ocrPages: number[];
  encoding: string | null;
  /** When the file was indexed (or found unreadable). */
  indexedAt: string | null;
}

/** Every document file in the corpus folder with what the index knows about it. */
export async function listSources(corpusDir: string, indexDir: string): Promise<SourceEntry[]> {
  const { files } = await scanCorpus(corpusDir);
  const manifest = await readIndexManifest(indexDir);
  const indexed = new Map(manifest?.files.map((f) => [f.file, f]));
  const notIndexed = new Map(manifest?.notIndexed.map((f) => [f.file, f]));
  return files.map(({ file, hash }): SourceEntry => {
    const record = indexed.get(file);
    const skipped = notIndexed.get(file);
    const base = {
      file,
      format: documentFormat(file) ?? null,
      pages: null,
      chunks: 0,
      title: null,
      year: null,
      ocrPages: [],
      encoding: null,
    };
    if (record?.hash === hash) {
      return {
        ...base,
        status: "indexed",
        reason: null,
        format: record.format ?? base.format,
        pages: record.pages ?? null,
        chunks: record.chunks,
        title: record.title,
        year: record.year ?? null,
        ocrPages: record.ocrPages ?? [],
        encoding: record.encoding ?? null,
        indexedAt: record.indexedAt ?? manifest?.createdAt ?? null,
      };
    }
    if (skipped?.hash === hash) {
      return { ...base, status: skipped.status, reason: skipped.reason, indexedAt: skipped.checkedAt };
    }
    const reason = manifest
      ? record || skipped
        ? "changed since the last ingest"
        : "new since the last ingest"
      : "no index yet";
    return { ...base, status: "pending", reason: `${reason}: run \`coopdocs ingest\``, indexedAt: null };
  });
}

/** The table `sources` and `ingest` print: one line per file, then the counts. */
export function formatSources(entries: SourceEntry[]): string {
  const lines = entries.map((e) => {
    const what = [
      e.format ?? "?",
      e.pages !== null ? `${e.pages} p.` : null,
      e.status === "indexed" ? `${e.chunks} passages` : null,
    ]
      .filter(Boolean)
      .join(", ");
    const ocr =
      e.ocrPages.length > 0 ? `, OCR on page${e.ocrPages.length > 1 ? "s" : ""} ${e.ocrPages.join(", ")}` : "";
    const about = e.status === "indexed" ? `${e.title ?? ""}${e.year ? ` (${e.year})` : ""}` : (e.reason ?? "");
    return `${e.status.padEnd(8)} ${e.file}  [${what}${ocr}]  ${about}`.trimEnd();
  });
  const count = (s: SourceStatus) => entries.filter((e) => e.status === s).length;
  const totals = [`${count("indexed")} indexed`, `${count("skipped")} skipped`, `${count("failed")} failed`];
  if (count("pending") > 0) totals.push(`${count("pending")} not yet ingested`);
  return [...lines, `${entries.length} files: ${totals.join(", ")}.`].join("\n");
}
