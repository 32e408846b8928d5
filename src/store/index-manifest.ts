import { z } from "zod";

/** Bumped whenever the on-disk layout or the chunker's output changes, so old indexes are rebuilt. */
// 2: file checksums in the manifest, skipped files remembered, hard chunk limit for tables.
export const indexFormatVersion = 2;

/** A corpus entry left out of the index, with what it was when skipped, so it is retried only when it changes. */
export const skippedEntrySchema = z.object({ file: z.string(), hash: z.string(), reason: z.string() });
export type SkippedEntry = z.infer<typeof skippedEntrySchema>;

export const indexManifestSchema = z.object({
  formatVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({ targetChars: z.number(), maxChars: z.number() }),
  files: z.array(z.object({ file: z.string(), hash: z.string(), title: z.string(), chunks: z.number().int() })),
  /** Entries of the corpus that were not indexed (unreadable, not a regular file, outside the corpus…). */
  skipped: z.array(skippedEntrySchema).default([]),
  /** Hash of corpus/manifest.json, since titles and years come from it. */
  corpusManifestHash: z.string().nullable(),
  chunkCount: z.number().int(),
  createdAt: z.string(),
  /** SHA-256 of every other file of the generation (path relative to it), checked before any is loaded. */
  checksums: z.record(z.string()).default({}),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
export type IndexManifestInput = z.input<typeof indexManifestSchema>;
