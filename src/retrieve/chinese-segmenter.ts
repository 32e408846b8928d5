import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Jieba, TaggedWord } from "@node-rs/jieba";

/** Splits Chinese text into words, each with its part-of-speech tag (jieba's tag set: "ns" a place …). */
export type ChineseSegmenter = (text: string) => TaggedWord[];

// A user word's frequency: far above any word of jieba's own dictionary (its largest is ~10⁶), so a
// lexicon name is kept whole rather than cut into the common words it is made of.
const userWordFrequency = 100_000_000;

const require = createRequire(import.meta.url);

/**
 * A jieba segmenter with its default dictionary plus the given words. Loaded synchronously when first
 * asked for (about a quarter of a second), so English-only use never pays for it.
 */
export function jiebaSegmenter(userWords: Iterable<string>): ChineseSegmenter {
  let jieba: Jieba | undefined;
  return (text) => {
    if (!jieba) {
      const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
      // The dictionary file itself: @node-rs/jieba/dict.js would also read the 6 MB keyword-weight file.
      const instance = JiebaClass.withDict(readFileSync(require.resolve("@node-rs/jieba/dict.txt")));
      const lines = [...userWords].filter((w) => !/\s/.test(w)).map((w) => `${w} ${userWordFrequency} nz`);
      instance.loadDict(Buffer.from(lines.join("\n")));
      jieba = instance;
    }
    return jieba.tag(text, true);
  };
}
