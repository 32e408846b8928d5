import type { Chunk, Passage } from "../core/types.js";
import type { AnswerKind } from "./answer-kind.js";

/** What the pool needs from retrieval: ranked passages for a query, and the indexed chunks in order. */
export interface PoolRetriever {
  retrieve(query: string, k?: number): Promise<Passage[]>;
  readonly chunks: readonly Chunk[];
}

export interface EvidencePoolOptions {
  /** Passages offered for a one-fact question. */
  passages: number;
  /** Passages offered for lists, counts, comparisons and many-part questions, whose facts spread wider. */
  widePassages: number;
  /** Passages retrieved for the whole question, before the pool is ranked and cut. */
  candidates: number;
  /** Passages retrieved for each part of a many-part question before merging. */
  perPart: number;
  /** The best hits whose neighbouring chunks (same document, just before and after) join the pool. */
  neighbourHits: number;
  /** Passages searched for those of each document the question names ("the 2009 strategy"). */
  namedDocumentSearch: number;
}

// Chosen on the tune split (fact recall@8 vs answer pass rate): 10/14 hold every fact of 0.9+ of the
// questions while keeping the sentence choice among few enough candidates. The others were set by hand and
// checked one change each with `coopdocs eval` (public / tune pass rate 0.857 / 0.648 as set): candidates 14
// gives 0.786 / 0.667; perPart 3 and neighbourHits 0 lower neither (neighbourHits 0 gives tune 0.667), but
// they serve many-part questions and lists cut by chunking, which these sets test little.
export const defaultPoolOptions: EvidencePoolOptions = {
  passages: 10,
  widePassages: 14,
  candidates: 20,
  perPart: 6,
  neighbourHits: 2,
  // Deep enough to reach a named document's best passages when the other documents fill the top 20
  // (the whole corpus is ~190 chunks); each named document then adds its best `perPart`. Set by hand.
  namedDocumentSearch: 60,
};

const wideKinds: readonly AnswerKind[] = ["list", "count"];

/** Neighbouring chunks by chunk id: the chunk before and after it in the same document. */
export function neighbourMap(chunks: readonly Chunk[]): Map<string, Chunk[]> {
  const byFile = new Map<string, Chunk[]>();
  for (const chunk of chunks) byFile.set(chunk.meta.file, [...(byFile.get(chunk.meta.file) ?? []), chunk]);
  const neighbours = new Map<string, Chunk[]>();
  for (const list of byFile.values()) {
    list.sort((a, b) => a.meta.start - b.meta.start);
    list.forEach((chunk, i) =>
      neighbours.set(
        chunk.id,
        [list[i + 1], list[i - 1]].filter((c): c is Chunk => c !== undefined),
      ),
    );
  }
  return neighbours;
}

/**
 * The candidate passages for an answer: the whole question's hits, then each part's own hits (so the
 * second half of "what is X and when did Y" is not crowded out), then the chunks next to the
 * strongest hits (a list or sentence cut by chunking). `rankEvidence` orders them and keeps the pool.
 */
export async function gatherCandidates(
  retriever: PoolRetriever,
  neighbours: ReadonlyMap<string, Chunk[]>,
  query: string,
  parts: readonly string[],
  options: EvidencePoolOptions = defaultPoolOptions,
  namedFiles: ReadonlySet<string> = new Set(),
  /** Whether a passage is in the part of its file the question named (document-scope › inNamedPart). */
  inNamedPart: (passage: Passage) => boolean = () => true,
  /** The query without the words naming those documents, searched within them (document-scope.ts). */
  namelessQuery: string = query,
  /** The thing a "how many X" question counts ("species"): searched on its own too. */
  counted?: string,
): Promise<Passage[]> {
  const whole = await retriever.retrieve(query, options.candidates);
  const partHits =
    parts.length > 1 ? await Promise.all(parts.map((part) => retriever.retrieve(part, options.perPart))) : [];
  // "How many species do the ASEAN Member States have?": the common words outweigh the one that matters,
  // so the passages that speak of the counted thing at all are searched for it alone.
  if (counted) partHits.push(await retriever.retrieve(counted, options.perPart));
  // "Compare the 2009 strategy with the 2016-2020 one": each named document's own best passages, however
  // the others rank.
  const namedHits: Passage[] = [];
  if (namedFiles.size > 0) {
    const deep = await retriever.retrieve(query, options.namedDocumentSearch);
    // Within a named document its name says nothing: searched without it too, its passages rank by the rest.
    const nameless =
      namelessQuery.trim() !== "" && namelessQuery !== query
        ? await retriever.retrieve(namelessQuery, options.namedDocumentSearch)
        : [];
    for (const file of namedFiles)
      for (const hits of [deep, nameless])
        namedHits.push(...hits.filter((p) => p.meta.file === file && inNamedPart(p)).slice(0, options.perPart));
  }
  const seen = new Set<string>();
  const merged: Passage[] = [];
  for (const p of [...whole, ...partHits.flat(), ...namedHits]) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    merged.push(p);
  }
  for (const hit of whole.slice(0, options.neighbourHits)) {
    for (const chunk of neighbours.get(hit.id) ?? []) {
      if (seen.has(chunk.id)) continue;
      seen.add(chunk.id);
      // A neighbour ranks below the hit it came with (half its score, set by hand).
      merged.push({ ...chunk, score: hit.score / 2, similarity: hit.similarity });
    }
  }
  return merged;
}

/** Passages kept in the pool for a question of this kind and number of parts. */
export function poolSize(kind: AnswerKind, parts: number, options: EvidencePoolOptions = defaultPoolOptions): number {
  return parts > 1 || wideKinds.includes(kind) ? options.widePassages : options.passages;
}
