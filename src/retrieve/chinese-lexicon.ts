import { readFileSync } from "node:fs";
import { normalizeText } from "../text/index.js";

/**
 * The Chinese → English lexicon of the corpus's vocabulary (src/retrieve/lexicon/zh-en.tsv, copied
 * next to the compiled code by `npm run build`). Keys are normalised with `normalizeChinese`.
 */
export type ChineseLexicon = ReadonlyMap<string, LexiconEntry>;

export interface LexiconEntry {
  /** English search words (the corpus's wording, with alternatives). */
  english: string;
  /** A word that helps the search but is not what a question asks about (a verb: 举办 held). */
  searchOnly: boolean;
}

const lexiconFile = new URL("./lexicon/zh-en.tsv", import.meta.url);
const han = "\\u3400-\\u9fff";
// Dashes, dots and spaces between Chinese characters join parts of one name (中国—东盟, 中国 - 东盟).
const joiner = new RegExp(`(?<=[${han}])[\\s\\-‐‑–—―·・]+(?=[${han}])`, "gu");

/** Normalised text (full-width forms and dashes folded), joiners between Chinese characters removed: 中国—东盟 → 中国东盟. */
export function normalizeChinese(text: string): string {
  // 环境无害化技术 and 环境无害技术 are both written for "environmentally sound technologies".
  return normalizeText(text)
    .replace(joiner, "")
    .replace(/无害化/g, "无害");
}

/** Parses the lexicon's lines: `variant|variant<TAB>English search text[<TAB>v]`; "#" starts a comment line. */
export function parseLexicon(text: string): Map<string, LexiconEntry> {
  const lexicon = new Map<string, LexiconEntry>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [variants = "", english = "", role = ""] = line.split("\t");
    const translation = english.trim();
    for (const variant of variants.split("|")) {
      const key = normalizeChinese(variant.trim());
      if (!key) continue;
      // A variant listed on two lines keeps both translations.
      const known = lexicon.get(key);
      lexicon.set(key, {
        english:
          known === undefined || known.english.includes(translation)
            ? (known?.english ?? translation)
            : `${known.english} ${translation}`,
        searchOnly: (known?.searchOnly ?? true) && role.trim() === "v",
      });
    }
  }
  return lexicon;
}

let loaded: Map<string, LexiconEntry> | undefined;

/** The corpus lexicon, read once on first use. */
export function chineseLexicon(): ChineseLexicon {
  loaded ??= parseLexicon(readFileSync(lexiconFile, "utf8"));
  return loaded;
}
