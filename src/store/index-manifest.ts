import { z } from "zod";

/** Bumped whenever the on-disk layout or the chunker's output changes, so old indexes are rebuilt. */
export const indexFormatVersion = 1;

export const indexManifestSchema = z.object({
  formatVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({ targetChars: z.number(), maxChars: z.number() }),
  files: z.array(z.object({ file: z.string(), hash: z.string(), title: z.string(), chunks: z.number().int() })),
  /** Hash of corpus/manifest.json, since titles and years come from it. */
  corpusManifestHash: z.string().nullable(),
  chunkCount: z.number().int(),
  createdAt: z.string(),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
