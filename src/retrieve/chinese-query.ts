import { LRUCache } from "lru-cache";
import { chineseLexicon, normalizeChinese, type ChineseLexicon } from "./chinese-lexicon.js";
import { jiebaSegmenter, type ChineseSegmenter } from "./chinese-segmenter.js";

/**
 * Chinese questions about the English corpus: the question is cut into words (jieba, with the
 * lexicon's names as user words so 中国东盟环境合作中心 stays one word) and each word is translated by
 * the corpus lexicon (src/retrieve/lexicon/zh-en.tsv).
 */
export interface ChineseTranslation {
  /** The English of each lexicon term the question uses, in question order (one string per term). */
  terms: string[];
  /** English question words for the Chinese ones (什么时候 → "when"). */
  asking: string[];
  /** Years, figures and Latin-script names as written ("2016-2020", "43.7%", "ACB"), months in English. */
  literals: string[];
  /** Names (of places, people, bodies) the lexicon does not know: the corpus never speaks of them. */
  unknownNames: string[];
}

const hanChar = /[\u3400-\u9fff]/;

/** True when the text has Chinese characters. */
export function hasChinese(text: string): boolean {
  return hanChar.test(text);
}

// Chinese question words (with the measure word after 哪/几), longest first, and the English a reader
// would write instead. They are taken out before segmenting, so 哪个国家 is not read as "countries".
const askingWords: [RegExp, string][] = [
  [/什么时候|何时|哪一天|几时/g, "when"],
  [/哪一年|哪年|几几年|哪个年份/g, "what year"],
  [/几月|哪个月/g, "what month"],
  [/在哪里|在哪儿|哪里|哪儿|何处|何地|在哪/g, "where"],
  [/哪个城市|哪座城市/g, "which city"],
  [/哪个国家|哪些国家|哪国/g, "which country"],
  [/哪个机构|哪个部门|哪些机构|哪些部门/g, "which body"],
  [/谁|何人/g, "who"],
  [/多少钱|多少资金|多少经费/g, "how much"],
  [/多少|几[个项名位次届种类]?/g, "how many"],
  [/为什么|为何/g, "why"],
  [/如何|怎样|怎么/g, "how"],
  [/哪[些个一部项种类家位届次份条]?/g, "which"],
  [/什么|啥/g, "what"],
];

// jieba's tags for names of people (nr…), places (ns), bodies (nt) and other proper nouns (nz).
const nameTags = /^(?:nr|nrt|nrfg|ns|nt|nz)$/;
const englishMonths = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const numerals: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const ordinalWords = [
  "",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  if (text.length === 2 && text.startsWith("十")) return 10 + (numerals[text[1] ?? ""] ?? 0);
  if (text.length === 2 && text.endsWith("十")) return (numerals[text[0] ?? ""] ?? 0) * 10;
  return numerals[text] ?? 0;
}

// Longest run of words joined into one lexicon lookup: the longest names are about six jieba words.
const maxJoinedWords = 6;

const monthPattern = /(?<!\d)(1[0-2]|[1-9])月/g;
const ordinalPattern = /第([一二两三四五六七八九十]{1,2}|\d{1,2})[届次期个]/g;

/** Years, figures, acronyms and Latin names, kept as written; "4月" becomes "April", "第五届" "fifth". */
function literalsOf(text: string): string[] {
  const months = [...text.matchAll(monthPattern)].map((m) => englishMonths[Number(m[1]) - 1] ?? "");
  const ordinals = [...text.matchAll(ordinalPattern)].map((m) => {
    const n = chineseNumber(m[1] ?? "");
    return ordinalWords[n] ?? `${n}th`;
  });
  const rest = text.replace(monthPattern, " ").replace(ordinalPattern, " ");
  const literals = rest.match(/[A-Za-z0-9][A-Za-z0-9.%&+-]*[A-Za-z0-9%+]|[A-Za-z0-9]/g) ?? [];
  return [...literals, ...months, ...ordinals].filter(Boolean);
}

/** Longest lexicon entries inside a word jieba did not find in the lexicon (two characters at least). */
function subTerms(word: string, lexicon: ChineseLexicon): { terms: string[]; covered: number } {
  const terms: string[] = [];
  let covered = 0;
  for (let start = 0; start < word.length; ) {
    let end = word.length;
    while (end - start >= 2 && !lexicon.has(word.slice(start, end))) end--;
    if (end - start >= 2) {
      terms.push(lexicon.get(word.slice(start, end)) ?? "");
      covered += end - start;
      start = end;
    } else start++;
  }
  return { terms: terms.filter(Boolean), covered };
}

/** Translates a Chinese question into English search terms (see `ChineseTranslation`). */
export function translateChinese(
  question: string,
  lexicon: ChineseLexicon = chineseLexicon(),
  segment: ChineseSegmenter = defaultSegmenter(),
): ChineseTranslation {
  let text = normalizeChinese(question);
  const result: ChineseTranslation = { terms: [], asking: [], literals: literalsOf(text), unknownNames: [] };
  for (const [pattern, english] of askingWords) {
    if (text.search(pattern) < 0) continue;
    if (!result.asking.includes(english)) result.asking.push(english);
    text = text.replace(pattern, " ");
  }
  if (!hasChinese(text)) return result;
  const words = segment(text);
  for (let i = 0; i < words.length; ) {
    // The longest run of words that is one lexicon entry ("中国东盟" + "环境" + "合作" + "中心").
    let j = Math.min(words.length, i + maxJoinedWords);
    let joined = "";
    for (; j > i; j--) {
      joined = words
        .slice(i, j)
        .map((w) => w.word)
        .join("");
      if (hanChar.test(joined) && lexicon.has(joined)) break;
    }
    if (j > i) {
      result.terms.push(lexicon.get(joined) ?? "");
      i = j;
      continue;
    }
    const { word, tag } = words[i] ?? { word: "", tag: "" };
    i++;
    if (!hanChar.test(word)) continue;
    const parts = subTerms(word, lexicon);
    result.terms.push(...parts.terms);
    // A name jieba knows (a place, a person, a body) that no lexicon entry covers is not in the corpus.
    if (nameTags.test(tag) && parts.covered < word.length) result.unknownNames.push(word);
  }
  result.terms = result.terms.filter(Boolean);
  return result;
}

let segmenter: ChineseSegmenter | undefined;

function defaultSegmenter(): ChineseSegmenter {
  segmenter ??= jiebaSegmenter(chineseLexicon().keys());
  return segmenter;
}

// Each question is read many times over (per part, per analysis); a few hundred recent ones are kept.
const translations = new LRUCache<string, ChineseTranslation>({ max: 500 });

function translated(query: string): ChineseTranslation {
  const known = translations.get(query);
  if (known) return known;
  const translation = translateChinese(query);
  translations.set(query, translation);
  return translation;
}

/**
 * What a Chinese question asks about, one string per thing: the English of each lexicon term, and
 * each name the corpus never uses left in Chinese (no English passage can hold it, so the answer
 * says the documents do not give it). Empty for other questions.
 */
export function chineseSearchTerms(query: string): string[] {
  if (!hasChinese(query)) return [];
  const { terms, unknownNames } = translated(query);
  return [...terms, ...unknownNames];
}

/** English search text for a query written (partly) in Chinese; "" for other queries. */
export function chineseQueryExpander(query: string): string {
  if (!hasChinese(query)) return "";
  const { terms, asking, literals } = translated(query);
  return [...asking, ...terms, ...literals].join(" ");
}
