import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Chunk } from "../core/types.js";
import { currentGenerationDir, readStoredIndex } from "../store/index.js";

/** One corpus file as the documents page and `GET /api/sources` show it (the data of `coopdocs sources`). */
export interface SourceEntry {
  file: string;
  status: "indexed" | "skipped" | "failed";
  /** Why a file is not in the index. */
  reason?: string;
  format: string;
  title: string | null;
  year: number | null;
  /** Pages of a PDF; null for other formats, and while the index does not record it. */
  pages: number | null;
  chunks: number;
  ocr: boolean;
  /** When the index that holds the file was built (ISO 8601). */
  indexedAt: string | null;
}

/**
 * What the web page needs from the index: the list of sources, and an indexed file's passages. Only
 * files in `sources()` with status "indexed" are ever served (no path from a request reaches the disk).
 */
export interface SourcesProvider {
  sources(): Promise<SourceEntry[]>;
  /** The passages of an indexed file in document order, or undefined when the file is not indexed. */
  passages(file: string): Promise<Chunk[] | undefined>;
  /** Absolute path of the original file of an indexed document, or undefined. */
  originalPath(file: string): Promise<string | undefined>;
}

interface Snapshot {
  generation: string;
  entries: SourceEntry[];
  byFile: Map<string, Chunk[]>;
}

const supportedHint = "not in the index: unreadable or of an unsupported format (`npx coopdocs ingest` says why)";

/**
 * Reads today's index manifest and chunks (file, title, year, chunks, pages), re-read only when a new
 * index generation goes live. Corpus files missing from the index are listed as skipped.
 * (The richer per-file status of `coopdocs sources` can replace `sources()` without touching the views.)
 */
export function createIndexSourcesProvider(options: { corpusDir: string; indexDir: string }): SourcesProvider {
  let cached: Snapshot | undefined;

  async function snapshot(): Promise<Snapshot> {
    const generation = (await currentGenerationDir(options.indexDir)) ?? "";
    if (cached && cached.generation === generation) return cached;
    const stored = generation ? await readStoredIndex(options.indexDir) : undefined;
    const byFile = new Map<string, Chunk[]>();
    for (const chunk of stored?.chunks ?? []) {
      const list = byFile.get(chunk.meta.file) ?? [];
      list.push(chunk);
      byFile.set(chunk.meta.file, list);
    }
    for (const list of byFile.values()) list.sort((a, b) => a.meta.start - b.meta.start);
    const entries: SourceEntry[] = (stored?.manifest.files ?? []).map((f) => {
      const chunks = byFile.get(f.file) ?? [];
      return {
        file: f.file,
        status: "indexed",
        format: formatOf(f.file),
        title: f.title,
        year: chunks[0]?.meta.year ?? null,
        // Today's manifest does not record page counts (a chunk's page is where it starts): unknown.
        pages: null,
        chunks: f.chunks,
        ocr: false,
        indexedAt: stored?.manifest.createdAt ?? null,
      };
    });
    const indexed = new Set(entries.map((e) => e.file));
    let names: string[] = [];
    try {
      names = await readdir(options.corpusDir);
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      if (indexed.has(name) || name.startsWith(".") || name === "manifest.json") continue;
      entries.push({
        file: name,
        status: "skipped",
        reason: supportedHint,
        format: formatOf(name),
        title: null,
        year: null,
        pages: null,
        chunks: 0,
        ocr: false,
        indexedAt: null,
      });
    }
    cached = { generation, entries, byFile };
    return cached;
  }

  return {
    sources: async () => (await snapshot()).entries,
    passages: async (file) => (await snapshot()).byFile.get(file),
    async originalPath(file) {
      const { entries } = await snapshot();
      // The name comes from the index, never from the request: a name not listed as indexed gets nothing.
      const entry = entries.find((e) => e.file === file && e.status === "indexed");
      return entry ? path.join(options.corpusDir, path.basename(entry.file)) : undefined;
    },
  };
}

export function formatOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase() || "unknown";
}
