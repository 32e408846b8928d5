import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Chunk } from "../core/types.js";
import { corpusManifestFile, readCorpusManifest } from "../ingest/corpus-manifest.js";
import { documentFormat } from "../ingest/load-document.js";
import { seededRandom, shuffled } from "./stats.js";

/** One paragraph of the real corpus as the chunker emitted it (a line of a chunk), and the chunk it came from. */
export interface SourceParagraph {
  text: string;
  chunk: number;
}

/** The paragraphs (lines) of the real corpus's chunks, in order; very short lines (labels) are dropped. */
export function sourceParagraphs(chunks: readonly Chunk[], minChars = 20): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  chunks.forEach((chunk, index) => {
    for (const line of chunk.text.split("\n")) {
      const text = line.trim();
      if (text.length >= minChars) out.push({ text, chunk: index });
    }
  });
  return out;
}

export interface SyntheticCopy {
  file: string;
  title: string;
  text: string;
}

/**
 * Copy `copy` (1-based) of the corpus: every real paragraph once, shuffled, spread over `documents`
 * Markdown files with new titles and sections of 3–7 paragraphs under headings borrowed from the real
 * section names. Deterministic for a given seed and copy.
 */
export function syntheticCopy(
  paragraphs: readonly SourceParagraph[],
  sectionNames: readonly string[],
  copy: number,
  options: { documents: number; seed: number },
): SyntheticCopy[] {
  const random = seededRandom(options.seed * 7919 + copy);
  const order = shuffled(paragraphs, random);
  const perDocument = Math.ceil(order.length / Math.max(1, options.documents));
  const docs: SyntheticCopy[] = [];
  for (let d = 0; d * perDocument < order.length; d++) {
    const slice = order.slice(d * perDocument, (d + 1) * perDocument);
    const title = `Synthetic cooperation report ${copy}.${d + 1}`;
    const lines = [`# ${title}`, ""];
    let i = 0;
    let section = 1;
    while (i < slice.length) {
      const size = 3 + Math.floor(random() * 5);
      const name = sectionNames.length > 0 ? sectionNames[Math.floor(random() * sectionNames.length)] : "Section";
      lines.push(`## ${section}. ${name ?? "Section"} (${copy}.${d + 1}.${section})`, "");
      for (const p of slice.slice(i, i + size)) lines.push(p.text, "");
      i += size;
      section++;
    }
    docs.push({ file: `synthetic-${String(copy).padStart(3, "0")}-${d + 1}.md`, title, text: lines.join("\n") });
  }
  return docs;
}

/** Section names of the real corpus (last part of each section path), without duplicates. */
export function sectionNamesOf(chunks: readonly Chunk[]): string[] {
  const names = new Set<string>();
  for (const chunk of chunks) {
    const last = chunk.meta.section
      .split("›")
      .at(-1)
      ?.trim()
      .replace(/^[\d.]+\s*/, "");
    if (last && last.length >= 4 && last.length <= 80) names.add(last);
  }
  return [...names];
}

/**
 * Writes a corpus `scale` times the real one into `targetDir`: the real documents (so real questions keep
 * their real answers) plus `scale - 1` synthetic copies, and a manifest naming them all.
 * Returns the number of files written.
 */
export async function writeScaledCorpus(options: {
  realCorpusDir: string;
  targetDir: string;
  scale: number;
  chunks: readonly Chunk[];
  seed?: number;
}): Promise<{ files: number; syntheticBytes: number }> {
  await mkdir(options.targetDir, { recursive: true });
  const realFiles = (await readdir(options.realCorpusDir)).filter((f) => documentFormat(f) !== undefined);
  let bytes = 0;
  for (const file of realFiles)
    await copyFile(path.join(options.realCorpusDir, file), path.join(options.targetDir, file));
  const realInfo = await readCorpusManifest(options.realCorpusDir);
  const documents: { file: string; title: string; year: number | null }[] = [...realInfo.entries()].map(
    ([file, info]) => ({
      file,
      title: info.title,
      year: info.year,
    }),
  );
  const paragraphs = sourceParagraphs(options.chunks);
  const names = sectionNamesOf(options.chunks);
  let files = realFiles.length;
  for (let copy = 1; copy < options.scale; copy++) {
    for (const doc of syntheticCopy(paragraphs, names, copy, {
      documents: Math.max(1, realFiles.length),
      seed: options.seed ?? 1,
    })) {
      await writeFile(path.join(options.targetDir, doc.file), doc.text);
      bytes += doc.text.length;
      documents.push({ file: doc.file, title: doc.title, year: null });
      files++;
    }
  }
  await writeFile(path.join(options.targetDir, corpusManifestFile), JSON.stringify({ documents }, null, 2));
  return { files, syntheticBytes: bytes };
}
