import type { Passage } from "../core/types.js";
import { splitSentences } from "../text/index.js";

export { splitSentences };

/** A quotable piece of a passage: one sentence, or a list with its lead-in kept whole. */
export interface EvidenceUnit {
  passage: Passage;
  /** Rank of the passage in the retrieval results (0 = best). */
  passageRank: number;
  /** Verbatim text as it appears in the passage. */
  text: string;
  isList: boolean;
  /** The sentence after this one in the same paragraph, if any. */
  following?: string;
  /** The sentence (or line) before this one in the same passage; undefined for the passage's first. */
  preceding?: string;
}

const listItem = /^(\([a-z]{1,4}\)|\([ivx]{1,5}\)|[a-z]\)|[ivx]{1,5}\)|•|\*|-)\s+/;
/** Splits passages into sentences and whole lists (a lead-in line followed by its items). */
export function evidenceUnits(passages: readonly Passage[]): EvidenceUnit[] {
  return passages.flatMap((passage, passageRank) => {
    const key = `${passage.id}\u0000${passage.text}`;
    let units = unitCache.get(key);
    if (!units) {
      units = passageUnits(passage);
      if (unitCache.size >= maxCachedPassages) unitCache.clear();
      unitCache.set(key, units);
    }
    return units.map((unit) => ({ ...unit, passage, passageRank }));
  });
}

// Splitting is the slow part of reading a passage, and the same passages come back question after question.
const maxCachedPassages = 20_000;
const unitCache = new Map<string, EvidenceUnit[]>();

function passageUnits(passage: Passage): EvidenceUnit[] {
  const passageRank = 0;
  const units: EvidenceUnit[] = [];
  {
    const lines = passage.text.split("\n");
    let preceding: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      let j = i + 1;
      while (j < lines.length && listItem.test(lines[j] ?? "")) j++;
      if (j > i + 1) {
        // A line followed by list items (or a run of items): one unit, so a list is never quoted in part.
        units.push({ passage, passageRank, text: lines.slice(i, j).join("\n"), isList: true, preceding });
        // A lead-in of several sentences ("The overall objective is … . The specific objectives are as
        // follows:") says things of its own before the one that introduces the list: each is a candidate too.
        const leadSentences = splitSentences(line);
        leadSentences.slice(0, -1).forEach((sentence, k) => {
          const before = k === 0 ? preceding : leadSentences[k - 1];
          units.push({
            passage,
            passageRank,
            text: sentence,
            isList: false,
            following: leadSentences[k + 1],
            preceding: before,
          });
        });
        // Each item is also a candidate on its own, for questions one item answers (read with its lead-in),
        // and so is each later sentence of an item of several ("- Cooperation on X. CAEC and ACB … . In
        // addition, … with the support of the China Trust Fund."), read with the sentence before it.
        for (const item of lines.slice(i + 1, j)) {
          units.push({ passage, passageRank, text: item, isList: false, preceding: line });
          const sentences = splitSentences(item);
          sentences.slice(1).forEach((sentence, k) => {
            units.push({ passage, passageRank, text: sentence, isList: false, preceding: sentences[k] });
          });
        }
        preceding = lines[j - 1];
        i = j - 1;
        continue;
      }
      if (/:\s*$/.test(line) && i + 1 < lines.length && splitSentences(lines[i + 1] ?? "").length === 1) {
        // "Activities:" followed by a plain paragraph of one sentence: keep the label with what it introduces
        // (a longer paragraph is quoted by its sentences, each read with what comes before).
        units.push({ passage, passageRank, text: `${line}\n${lines[i + 1] ?? ""}`, isList: false, preceding });
        preceding = lines[i + 1];
        i += 1;
        continue;
      }
      const sentences = splitSentences(line);
      sentences.forEach((sentence, k) => {
        units.push({ passage, passageRank, text: sentence, isList: false, following: sentences[k + 1], preceding });
        preceding = sentence;
      });
    }
  }
  return units;
}
