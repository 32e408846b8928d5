import { LRUCache } from "lru-cache";
import { chineseLexicon, normalizeChinese, type ChineseLexicon, type LexiconEntry } from "./chinese-lexicon.js";
import type { TaggedWord } from "@node-rs/jieba";
import { jiebaSegmenter, type ChineseSegmenter } from "./chinese-segmenter.js";

/**
 * Chinese questions about the English corpus: the question is cut into words (jieba, with the
 * lexicon's names as user words so 中国东盟环境合作中心 stays one word) and each word is translated by
 * the corpus lexicon (src/retrieve/lexicon/zh-en.tsv).
 */
export interface ChineseTranslation {
  /** The English of each lexicon term the question uses, in question order (one string per term). */
  terms: string[];
  /** The terms that say what the question is about (not the search-only ones, such as verbs). */
  about: string[];
  /** English question words for the Chinese ones (什么时候 → "when"). */
  asking: string[];
  /** Years, figures and Latin-script names as written ("2016-2020", "43.7%", "ACB"), months in English. */
  literals: string[];
  /** Names (of places, people, bodies) the lexicon does not know, in Chinese: the corpus never uses them. */
  unknownNames: string[];
  /** For "多少个 X" / "几个 X", the English of X (or X itself when unknown). */
  counted: string[];
}

const hanChar = /[\u3400-\u9fff]/;

/** True when the text has Chinese characters. */
export function hasChinese(text: string): boolean {
  return hanChar.test(text);
}

// Chinese question words (with the measure word after 哪/几), and the English a reader would write
// instead; the first pattern that matches a place wins. They are taken out before segmenting, so
// 哪个国家 is not read as "countries".
const askingWords: [RegExp, string][] = [
  [/哪个城市|哪座城市|哪一城市/g, "which city"],
  [/哪些国家|哪几个国家/g, "which countries"],
  [/哪个国家|哪一国家|哪国/g, "which country"],
  [/哪[两三几]?个机构|哪[两三几]?个部门|哪些机构|哪些部门|哪一机构|哪[两三几]?个组织/g, "which ministry or body"],
  [/什么时候|何时|哪一天|哪天|几时/g, "when"],
  [/哪一年|哪年|哪几年|哪些年|哪个年份/g, "what year"],
  [/几月|哪个月/g, "what month"],
  [/在哪里|在哪儿|哪里|哪儿|何处|何地|在哪(?![些个一次届种项部位家类条份年])/g, "where"],
  [/谁|何人/g, "who"],
  [/多少钱/g, "how much"],
  [/多少[个项名位次届种类家]?|几[个项名位次届种类大家]?/g, "how many"],
  [/为什么|为何|原因|理由/g, "why"],
  [/如何|怎样|怎么/g, "how"],
  [/哪[些个一部项种类家位届次份条]?/g, "which"],
  [/什么|啥/g, "what"],
];

// Words that frame a question rather than name what it is about (其英文缩写是什么 → what).
const framingWords = new Set(
  [
    "英文 中文 缩写 英文缩写 简称 全称 名字 叫做 称为 内容 情况 方面 工作 问题 事情 东西 时间 地点 年份 时候 日期 月份",
    "具体 主要 分别 各自 现在 目前 当前 如今 当时 曾经 已经 一下 请问 介绍 告诉 说明 解释 列举 有关 关于",
    "相关 其 它 他们 这个 那个 双方 各方 两国 两者 二者 彼此 我国 我们 大家 人们",
    // What kind of answer is wanted, which the question words already say (数量是多少, 原因是什么).
    "数量 数目 名单 清单 列表 原因 理由 因素 规定 条款 段落 规模 范围 种类 类型",
    // The documents themselves (文件中描述了哪些…).
    "文件 文档 文献 资料 材料 文本 本文 原文 文中",
    // Whose a body is (外国机构 "a foreign body"), which the answer's name shows.
    "外国 国外 境外 本国",
  ]
    .join(" ")
    .split(" "),
);

// jieba's tags for names of people (nr…), places (ns), bodies (nt) and other proper nouns (nz): an
// unknown one is something the corpus never speaks of (巴黎 Paris). Common nouns and verbs are not
// counted: a question uses many everyday ones the lexicon lacks, and they would make answerable
// questions unanswerable; attributes the documents never give (预算, 主任) are lexicon entries instead.
const askedTags = /^(?:nr|nrt|nrfg|ns|nt|nz)$/;
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

/** A number written in digits or Chinese numerals up to 99 ("五", "十二", "二十", "12"); 0 when it is none. */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  if (text.length === 2 && text.startsWith("十")) return 10 + (numerals[text[1] ?? ""] ?? 0);
  if (text.length === 2 && text.endsWith("十")) return (numerals[text[0] ?? ""] ?? 0) * 10;
  return numerals[text] ?? 0;
}

// Put where a count word was, so the segmenter keeps it apart from the counted noun.
const countMark = "|";

// Longest run of words joined into one lexicon lookup: the longest names are about six jieba words.
const maxJoinedWords = 6;

const monthPattern = /(?<![\d一二三四五六七八九十])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月/g;
const ordinalPattern = /第([一二两三四五六七八九十]{1,2}|\d{1,2})[届次期个]/g;

/** Years, figures, acronyms and Latin names, kept as written; "4月" becomes "April", "第五届" "fifth". */
function literalsOf(text: string): string[] {
  const months = [...text.matchAll(monthPattern)].map((m) => englishMonths[chineseNumber(m[1] ?? "") - 1] ?? "");
  const ordinals = [...text.matchAll(ordinalPattern)].map((m) => {
    const n = chineseNumber(m[1] ?? "");
    return ordinalWords[n] ?? `${n}th`;
  });
  const rest = text.replace(monthPattern, " ").replace(ordinalPattern, " ");
  const literals = rest.match(/[A-Za-z0-9][A-Za-z0-9.%&+-]*[A-Za-z0-9%+]|[A-Za-z0-9]/g) ?? [];
  return [...literals, ...months, ...ordinals].filter(Boolean);
}

/** Longest lexicon entries inside a word jieba did not find in the lexicon (two characters at least). */
function subTerms(word: string, lexicon: ChineseLexicon): { terms: LexiconEntry[]; covered: number } {
  const terms: LexiconEntry[] = [];
  let covered = 0;
  for (let start = 0; start < word.length; ) {
    let end = word.length;
    while (end - start >= 2 && !lexicon.has(word.slice(start, end))) end--;
    if (end - start >= 2) {
      const entry = lexicon.get(word.slice(start, end));
      if (entry) terms.push(entry);
      covered += end - start;
      start = end;
    } else start++;
  }
  return { terms, covered };
}

/** Translates a Chinese question into English search terms (see `ChineseTranslation`). */
export function translateChinese(
  question: string,
  lexicon: ChineseLexicon = chineseLexicon(),
  segment: ChineseSegmenter = defaultSegmenter(),
): ChineseTranslation {
  let text = normalizeChinese(question);
  const result: ChineseTranslation = {
    terms: [],
    about: [],
    asking: [],
    literals: literalsOf(text),
    unknownNames: [],
    counted: [],
  };
  for (const [pattern, english] of askingWords) {
    if (text.search(pattern) < 0) continue;
    if (!result.asking.includes(english)) result.asking.push(english);
    // A count word is marked so the word after it can be read as the thing counted.
    text = text.replace(pattern, english === "how many" ? countMark : " ");
  }
  if (!hasChinese(text)) return result;
  const tokens = readWords(segment(text), lexicon);
  for (const token of tokens) {
    if (token.english) result.terms.push(token.english);
    if (token.english && !token.searchOnly) result.about.push(token.english);
    if (token.unknown) result.unknownNames.push(token.word);
  }
  result.counted = countedRun(tokens);
  result.terms = result.terms.filter(Boolean);
  return result;
}

interface ReadWord {
  word: string;
  /** The lexicon's English, when the word (or a run of words) is a lexicon term. */
  english?: string;
  searchOnly?: boolean;
  /** A name no lexicon entry covers. */
  unknown?: boolean;
}

/** Each word (or run of words) read as a lexicon term, an unknown name, or neither. */
function readWords(words: readonly TaggedWord[], lexicon: ChineseLexicon): ReadWord[] {
  const read: ReadWord[] = [];
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
      const entry = lexicon.get(joined);
      read.push({ word: joined, english: entry?.english ?? "", searchOnly: entry?.searchOnly ?? false });
      i = j;
      continue;
    }
    const { word, tag } = words[i] ?? { word: "", tag: "" };
    i++;
    if (!hanChar.test(word) || framingWords.has(word)) {
      read.push({ word });
      continue;
    }
    const parts = subTerms(word, lexicon);
    if (parts.terms.length > 0) {
      for (const entry of parts.terms) read.push({ word, english: entry.english, searchOnly: entry.searchOnly });
      continue;
    }
    // A name that no lexicon entry covers is something the corpus never speaks of.
    read.push({ word, unknown: askedTags.test(tag) && word.length >= 2 });
  }
  return read;
}

// Measure words between a count word and the thing counted (多少 个 优先领域).
const measureWords = new Set(["个", "项", "名", "位", "种", "类", "次", "届", "家"]);
// Words between the thing counted and a count word after it (参会人数 是 多少).
const countFillers = new Set([
  "是",
  "有",
  "为",
  "共",
  "一共",
  "总共",
  "共有",
  "约",
  "大约",
  "达",
  "的",
  "数量",
  "数目",
  "总数",
]);
// A share is not a count of things (比例是多少 asks for a percentage).
const ratioWords = /比例|比重|占比|百分比|比率/;

/**
 * The thing counted: the run of terms after the count word (多少个 | 环境 优先领域), or else the
 * term just before it (参会人数 | 是 多少).
 */
function countedRun(tokens: readonly ReadWord[]): string[] {
  const at = tokens.findIndex((t) => t.word === countMark);
  if (at < 0) return [];
  const after: string[] = [];
  for (const token of tokens.slice(at + 1)) {
    if (measureWords.has(token.word) && after.length === 0) continue;
    const thing = token.english ?? (token.unknown ? token.word : undefined);
    // A verb ends the thing counted (几个部分 | 组成: "parts", not "parts consist").
    if (!thing || token.searchOnly) break;
    after.push(thing);
  }
  if (after.length > 0) return after;
  for (const token of tokens.slice(0, at).reverse()) {
    if (countFillers.has(token.word)) continue;
    const thing = token.english ?? (token.unknown ? token.word : undefined);
    return thing && !ratioWords.test(token.word) ? [thing] : [];
  }
  return [];
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
  const { about, unknownNames } = translated(query);
  return [...about, ...unknownNames];
}

/** A Chinese clause without its question words: what it asks about (第一届论坛是什么时候举办的 → 第一届论坛是举办的). */
export function withoutChineseAsking(text: string): string {
  return askingWords.reduce((rest, [pattern]) => rest.replace(pattern, ""), normalizeChinese(text));
}

/** For a Chinese "how many X" question, what X is (English, or Chinese when unknown); [] otherwise. */
export function chineseCountedTerms(query: string): string[] {
  return hasChinese(query) ? translated(query).counted : [];
}

/** English search text for a query written (partly) in Chinese; "" for other queries. */
export function chineseQueryExpander(query: string): string {
  if (!hasChinese(query)) return "";
  const { terms, asking, literals } = translated(query);
  return [...asking, ...terms, ...literals].join(" ");
}
