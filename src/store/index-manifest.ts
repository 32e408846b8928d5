import { z } from "zod";

/** Bumped whenever the on-disk layout or the chunker's output changes, so old indexes are rebuilt. */
// 2: file checksums, files not indexed remembered with their hash, format/pages per file, hard chunk
// limit for tables, chunks split at page breaks. 3: list items whose bullets the extraction lost. 4:
// footnotes marked with a superscript number moved out of the body. 5: lexical terms spelled the American
// way before stemming ("organised" is indexed as "organized"). 6: a lead-in paragraph ending in a colon
// stays in one chunk with the paragraph it introduces. 7: tab-separated lines are table rows; an all-caps
// heading ends at the first line that is not all caps.
export const indexFormatVersion = 7;

export const indexManifestSchema = z.object({
  formatVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({ targetChars: z.number(), maxChars: z.number() }),
  files: z.array(
    z.object({
      file: z.string(),
      hash: z.string(),
      title: z.string(),
      chunks: z.number().int(),
      /** What the file is and how it was read (see `coopdocs sources`). */
      format: z.string().optional(),
      pages: z.number().int().nullable().optional(),
      year: z.number().int().nullable().optional(),
      ocrPages: z.array(z.number().int()).optional(),
      encoding: z.string().optional(),
      indexedAt: z.string().optional(),
    }),
  ),
  /** Corpus entries not indexed (unreadable, not a regular file, outside the corpus, a scan without OCR…), with their hash so they are retried only when they change. */
  notIndexed: z
    .array(
      z.object({
        file: z.string(),
        hash: z.string(),
        status: z.enum(["skipped", "failed"]),
        reason: z.string(),
        format: z.string().optional(),
        checkedAt: z.string(),
      }),
    )
    .default([]),
  /** Hash of corpus/manifest.json, since titles and years come from it. */
  corpusManifestHash: z.string().nullable(),
  chunkCount: z.number().int(),
  createdAt: z.string(),
  /** SHA-256 of every other file of the generation (path relative to it), checked before any is loaded. */
  checksums: z.record(z.string()).default({}),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
export type IndexManifestInput = z.input<typeof indexManifestSchema>;
