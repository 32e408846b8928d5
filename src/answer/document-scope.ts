import type { Chunk } from "../core/types.js";
import { contentTerms } from "../store/lexical-index.js";
import { escapeRegExp } from "../text/index.js";

/** A corpus document as a question may name it: by its title's kind ("strategy", "action plan") and year. */
export interface DocumentRef {
  file: string;
  title: string;
  year: number | null;
  /** Short names the document gives itself ("herein after referred to as the Action Plan III"). */
  aliases?: readonly string[];
}

// "(herein after referred to as the Action Plan III)": a document's own short name for itself.
const aliasDefinition = /\bherein\s*after referred to as (?:the )?["“]?(\p{Lu}[\p{L}\p{N} -]{2,40}?)["”]?\s*\)/gu;

/**
 * The short names a document defines for itself, of two words or more ("the Strategy" alone says nothing)
 * and without another document's period ("the Strategy 2009-2015", defined in the 2016-2020 one).
 */
function aliasesIn(text: string, doc: DocumentRef): string[] {
  const own = yearsOf(doc);
  return [...text.matchAll(aliasDefinition)]
    .map((m) => (m[1] ?? "").trim())
    .filter((alias) => alias.split(/\s+/).length >= 2)
    .filter((alias) =>
      (alias.match(/(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?/g) ?? []).every((y) =>
        own.has(y.replace(/\s*[–-]\s*/, "-")),
      ),
    );
}

// Nouns by which a question names a document: generic ones name any document (and "one", as in "the
// 2016-2020 one", refers back), the others only a document whose title uses them ("the 2009 strategy"
// is not the 2016 action plan).
const genericNouns = ["page", "document", "report", "paper", "website", "site", "one"];
const documentNoun =
  /^(?:strategy|strategies|action plans?|plans?|programmes?|programs?|roadmap|blueprint|page|document|report|paper|website|site|one)$/i;

// Words between a year and the noun it dates ("the 2007 EST & CP page", "2016-2020 ASEAN-China strategy").
const nounWindow = 4;

// A Chinese question names a document without spaces: "2009年战略", "2016-2020年行动计划", "2016年的东盟-中国战略"
// (up to eight characters between the year and the noun, none of them a clause break or a digit).
const chineseNaming =
  /((?:19|20)\d{2})(?:\s*[-–—至到]\s*((?:19|20)\d{2}))?\s*年?[^\d，。？！、,.?!]{0,8}?(行动计划|战略|计划|规划|文件|报告|网页)/g;
const chineseNouns: Record<string, string> = {
  行动计划: "action plan",
  战略: "strategy",
  计划: "plan",
  规划: "plan",
  文件: "document",
  报告: "report",
  网页: "page",
};

// "The first strategy", "the later action plan": a document named by its place among those of its kind.
const orderNaming =
  /\bthe (first|second|third|earlier|earliest|older|previous|former|later|latest|newer|current|latter) (strategy|action plan|plan)\b/gi;

// "Both strategies", "each strategy", "the two action plans": every document of that kind, when there are several.
const everyOfKind =
  /\b(?:(?:both|the two|all(?: the)?|all three|the) (strategies|action plans|plans)|(?:each|either|every) (strategy|action plan|plan))\b/gi;

/** Which of `count` documents, oldest first, an order word names; undefined past the last. */
function orderOf(word: string, count: number): number | undefined {
  const lower = word.toLowerCase();
  const place = /^(?:first|earlier|earliest|older|previous|former)$/.test(lower)
    ? 0
    : /^(?:later|latest|newer|current|latter)$/.test(lower)
      ? count - 1
      : { second: 1, third: 2 }[lower];
  return place !== undefined && place < count ? place : undefined;
}

/** The documents of an index (one entry per file). */
export function documentsOf(chunks: readonly Chunk[]): DocumentRef[] {
  const byFile = new Map<string, DocumentRef>();
  const aliases = new Map<string, Set<string>>();
  for (const { meta, text } of chunks) {
    let doc = byFile.get(meta.file);
    if (!doc) {
      doc = { file: meta.file, title: meta.title, year: meta.year };
      byFile.set(meta.file, doc);
    }
    const found = aliasesIn(text, doc);
    if (found.length > 0) aliases.set(meta.file, new Set([...(aliases.get(meta.file) ?? []), ...found]));
  }
  return [...byFile.values()].map((doc) => ({ ...doc, aliases: [...(aliases.get(doc.file) ?? [])] }));
}

/** A document's periods and years as a question may name them: "2009-2015", "2009" (its first year), its date. */
function yearsOf(doc: DocumentRef): Set<string> {
  const years = new Set<string>();
  for (const m of doc.title.matchAll(/\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/g)) {
    years.add(`${m[1]}-${m[2]}`);
    years.add(m[1] ?? "");
  }
  if (doc.year !== null) years.add(String(doc.year));
  return years;
}

/** The label a named document is known by: its period ("2009-2015"), else its year; none when it has neither. */
function documentLabel(doc: DocumentRef): string | undefined {
  return [...yearsOf(doc)].find((y) => y.includes("-")) ?? (doc.year === null ? undefined : String(doc.year));
}

function nounFits(noun: string, doc: DocumentRef): boolean {
  const singular = noun
    .toLowerCase()
    .replace(/(?<=[^s])s$/, "")
    .replace(/^program$/, "programme");
  // "The 2009 plan" is how readers call a strategy too.
  if (singular === "plan" && /\b(?:strategy|plan)\b/i.test(doc.title)) return true;
  return genericNouns.includes(singular) || doc.title.toLowerCase().includes(singular.replace(/ie$/, "y"));
}

/** Lower-case words without the partner names, which titles and questions give in either order. */
function titleWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w !== "" && w !== "asean" && w !== "china")
    .join(" ");
}

/** The documents a question names, and the years it names them by (which date a document, not an event). */
export interface DocumentScope {
  files: ReadonlySet<string>;
  years: ReadonlySet<string>;
  /** The years or periods each named document was named by ("2009", "2016-2020"). */
  labels: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The stemmed question terms that name each document ("2009", "2015", "strategi" for "the 2009-2015
   * strategy"): a sentence of that document is about it without repeating its name.
   */
  namingTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** The periods in the titles of all the documents ("2009-2015", "2016-2020"). */
  documentPeriods: ReadonlySet<string>;
  /** The kinds each named document was named by ("strategy", "action plan"), for files that hold two parts. */
  kinds: ReadonlyMap<string, ReadonlySet<DocumentKind>>;
}

/**
 * The kinds of document a title or heading names. One file may hold two ("Strategy (2016-2020) and Action
 * Plan (2016-2020)"), each part under a heading of its own: "the 2016 strategy" is not its action plan part.
 */
const documentKinds = { strategy: /\bstrateg(?:y|ies)\b/i, "action plan": /\baction plans?\b/i } as const;
type DocumentKind = keyof typeof documentKinds;

function kindsNamedIn(text: string): DocumentKind[] {
  return (Object.keys(documentKinds) as DocumentKind[]).filter((kind) => documentKinds[kind].test(text));
}

// "The CAEC 'about us' page", "the ASEAN page on EST cooperation": up to three words before a page noun,
// or after it and "on"/"about"/"of".
const pageNoun = /\b(?:page|site|website|webpage)\b/gi;
const leadingSmallWords = /^(?:the|this|that|its|their|a|an|s|on|in|of|according|to|and)$/;

/**
 * The title words a question names a page by, one list per mention (lower case, without the partners): the
 * words next to the page noun that some document's title uses, up to three either side.
 */
function titledNaming(question: string, documents: readonly DocumentRef[]): string[][] {
  const vocabulary = new Set(documents.flatMap((doc) => titleWords(doc.title).split(" ")));
  const inTitles = (w: string) => vocabulary.has(w) && !leadingSmallWords.test(w);
  const named: string[][] = [];
  for (const m of question.matchAll(pageNoun)) {
    const before = titleWords(question.slice(0, m.index))
      .split(" ")
      .filter((w) => w !== "" && w !== "s");
    const words: string[] = [];
    for (let i = before.length - 1; i >= 0 && words.length < 3 && inTitles(before[i] ?? ""); i--)
      words.unshift(before[i] ?? "");
    const after = /^\s+(?:on|about|of)\s+(.*)$/u.exec(question.slice((m.index ?? 0) + m[0].length));
    const following = titleWords(after?.[1] ?? "").split(" ");
    for (let i = 0; i < following.length && i < 3 && inTitles(following[i] ?? ""); i++) words.push(following[i] ?? "");
    if (words.length > 0) named.push(words);
  }
  return named;
}

/**
 * The documents a question names by year and kind ("the 2009 strategy", "the 2016-2020 action plan",
 * "Strategy 2016-2020"): the answer should come from them first. Empty when it names none.
 */
export function namedDocuments(question: string, documents: readonly DocumentRef[]): DocumentScope {
  const words = question
    .replace(/[–]/g, "-")
    .split(/[^\p{L}\p{N}&-]+/u)
    .filter(Boolean);
  const labels = new Map<string, Set<string>>();
  const namingTerms = new Map<string, Set<string>>();
  const kinds = new Map<string, Set<DocumentKind>>();
  const addKinds = (file: string, nouns: readonly string[]) =>
    kinds.set(file, new Set([...(kinds.get(file) ?? []), ...kindsNamedIn(nouns.join(" "))]));
  const named: { label: string; nouns: string[] }[] = [];
  words.forEach((word, i) => {
    const period = /^((?:19|20)\d{2})(?:-((?:19|20)\d{2}))?(?:年)?$/.exec(word);
    if (!period) return;
    const near = words.slice(Math.max(0, i - 2), i + 1 + nounWindow);
    // Two-word nouns ("action plan") are read as their last word's pair.
    // The second word of a pair is not read again on its own ("action plan" is not a "plan").
    const nouns = near.flatMap((w, j) => {
      const pair = `${w} ${near[j + 1] ?? ""}`;
      const inPair = j > 0 && documentNoun.test(`${near[j - 1] ?? ""} ${w}`);
      return documentNoun.test(pair) ? [pair] : documentNoun.test(w) && !inPair ? [w] : [];
    });
    if (nouns.length > 0) named.push({ label: period[2] ? `${period[1]}-${period[2]}` : (period[1] ?? ""), nouns });
  });
  // "The second strategy", "the earlier strategy": the documents of that kind in the order of their years.
  for (const m of question.matchAll(orderNaming)) {
    const noun = (m[2] ?? "").toLowerCase();
    const fitting = documents
      .filter((doc) => doc.year !== null && nounFits(noun, doc))
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    const place = orderOf(m[1] ?? "", fitting.length);
    const doc = place === undefined ? undefined : fitting[place];
    const label = doc ? documentLabel(doc) : undefined;
    if (fitting.length >= 2 && label) named.push({ label, nouns: [noun] });
  }
  for (const m of question.matchAll(everyOfKind)) {
    const noun = (m[1] ?? m[2] ?? "").toLowerCase();
    const fitting = documents.filter((doc) => doc.year !== null && nounFits(noun, doc));
    if (fitting.length < 2) continue;
    for (const doc of fitting) {
      const label = documentLabel(doc);
      if (label) named.push({ label, nouns: [noun] });
    }
  }
  for (const m of question.matchAll(chineseNaming)) {
    const noun = chineseNouns[m[3] ?? ""];
    if (noun) named.push({ label: m[2] ? `${m[1]}-${m[2]}` : (m[1] ?? ""), nouns: [noun] });
  }
  for (const { label, nouns } of named) {
    for (const doc of documents) {
      const fitting = nouns.filter((noun) => nounFits(noun, doc));
      if (yearsOf(doc).has(label) && fitting.length > 0) {
        labels.set(doc.file, new Set([...(labels.get(doc.file) ?? []), label]));
        // Generic nouns ("the 2016 document") name no term the document's sentences would hold.
        const specific = fitting.filter((noun) => !genericNouns.includes(noun.toLowerCase().replace(/s$/, "")));
        const terms = namingTerms.get(doc.file) ?? new Set<string>();
        for (const t of contentTerms(`${label} ${specific.join(" ")}`)) terms.add(t);
        namingTerms.set(doc.file, terms);
        addKinds(doc.file, specific);
      }
    }
  }
  // A document named by the short name it defines for itself ("Action Plan III") is named by its period.
  for (const doc of documents) {
    const alias = doc.aliases?.find((a) => new RegExp(`\\b${escapeRegExp(a)}\\b`, "i").test(question));
    const label = [...yearsOf(doc)].find((y) => y.includes("-"));
    if (!alias || !label) continue;
    labels.set(doc.file, new Set([...(labels.get(doc.file) ?? []), label]));
    namingTerms.set(doc.file, new Set([...(namingTerms.get(doc.file) ?? []), ...contentTerms(alias)]));
    addKinds(doc.file, [alias]);
  }
  // A document named by its title ("the China-ASEAN Strategy on Environmental Protection Cooperation"),
  // in either partner order, is named by its own period.
  const spoken = titleWords(question);
  for (const doc of documents) {
    const core = titleWords(doc.title.split("(")[0] ?? "");
    if (core.split(" ").length < 3 || !` ${spoken} `.includes(` ${core} `) || labels.has(doc.file)) continue;
    const label = documentLabel(doc);
    if (!label) continue;
    labels.set(doc.file, new Set([label]));
    // As for "the 2009 strategy": the period and the kind of document, not the title's subject words.
    const nouns = core.split(" ").filter((w) => documentNoun.test(w));
    namingTerms.set(doc.file, new Set(contentTerms(`${label} ${nouns.join(" ")}`)));
    addKinds(doc.file, nouns);
  }
  // A page named by words of its title ("the CAEC 'about us' page", "the ASEAN page on EST cooperation"),
  // when those words fit one document's title only.
  for (const words of titledNaming(question, documents)) {
    const fitting = documents.filter((doc) => {
      const title = ` ${titleWords(doc.title)} `;
      return words.every((w) => title.includes(` ${w} `));
    });
    const doc = fitting.length === 1 ? fitting[0] : undefined;
    if (!doc || labels.has(doc.file)) continue;
    const label = documentLabel(doc);
    if (!label) continue;
    labels.set(doc.file, new Set([label]));
    namingTerms.set(doc.file, new Set(contentTerms(words.join(" ")).filter((t) => t.length > 2)));
  }
  return {
    files: new Set(labels.keys()),
    years: new Set([...labels.values()].flatMap((set) => [...set])),
    labels,
    namingTerms,
    documentPeriods: new Set(documents.flatMap((doc) => [...yearsOf(doc)].filter((y) => y.includes("-")))),
    kinds,
  };
}

/** Where a sentence sits: its file and the headings above it. */
export interface UnitPlace {
  file: string;
  section: string;
}

/**
 * False for a sentence under a heading that names another kind of document than the one the question named
 * ("ACTION PLAN (2016-2020) › …" when it asked about "the 2016 strategy"): that part of the file is another
 * document. True when the file is not named by kind, or the heading names no kind.
 */
export function inNamedPart(scope: DocumentScope | undefined, place: UnitPlace): boolean {
  const asked = scope?.kinds.get(place.file);
  if (!asked || asked.size === 0) return true;
  const headed = kindsNamedIn(place.section);
  return headed.length === 0 || headed.some((kind) => asked.has(kind));
}

/**
 * `inNamedPart`, or a sentence in another part of the file that speaks of the named part itself and not of its
 * own ("… adopted the Strategy 2016-2020 … focused on nine priority areas", under the action plan's heading).
 */
export function speaksOfNamedPart(scope: DocumentScope | undefined, place: UnitPlace, text: string): boolean {
  if (inNamedPart(scope, place)) return true;
  const asked = scope?.kinds.get(place.file) ?? new Set<DocumentKind>();
  const own = kindsNamedIn(place.section);
  const spoken = kindsNamedIn(text);
  return spoken.some((kind) => asked.has(kind)) && !spoken.some((kind) => own.includes(kind));
}

/** No terms implied: the question names no document, or the sentence is about another one. */
export const noImpliedTerms: ReadonlySet<string> = new Set();
const period = /\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b/g;

/** The periods a text names, written as a question's label is ("2009 – 2015" → "2009-2015"). */
function periodsIn(text: string): string[] {
  return (text.match(period) ?? []).map((p) => p.replace(/\s*[–-]\s*/, "-"));
}

/**
 * The terms a sentence of `file` holds without saying them: the words naming its document, when the
 * question names it. None when the sentence speaks of another document's period ("the Strategy 2009-2015",
 * in the 2016-2020 document) and not of the one the question named, or sits in another part of the file
 * (`inNamedPart`): it is about that other document.
 */
export function impliedTerms(scope: DocumentScope | undefined, place: UnitPlace, text: string): ReadonlySet<string> {
  const terms = scope?.namingTerms.get(place.file);
  if (!terms || !inNamedPart(scope, place)) return noImpliedTerms;
  const labels = [...(scope?.labels.get(place.file) ?? [])];
  // The headings above the sentence count: "2.1 Adoption of the Strategy (2009-2015) › …" is about that one.
  const periods = periodsIn(`${place.section} ${text}`).filter((p) => scope?.documentPeriods.has(p));
  if (periods.length > 0 && !periods.some((p) => labels.includes(p))) return noImpliedTerms;
  return terms;
}

/**
 * The question without the words that name its documents ("Why did the 2009 strategy argue …" → "Why
 * did the argue …"): searched within a named document, whose own passages never repeat its name, they
 * only pull the search towards other documents that mention it.
 */
export function withoutDocumentNames(question: string, scope: DocumentScope): string {
  const labels = [...scope.labels.values()].flatMap((set) => [...set]).sort((a, b) => b.length - a.length);
  let text = question;
  for (const label of labels) text = text.split(label).join(" ");
  return text
    .split(/\s+/)
    .filter((w) => !documentNoun.test(w.replace(/[^\p{L}]/gu, "")) || genericNouns.includes(w.toLowerCase()))
    .join(" ")
    .replace(/年/g, " ");
}

/**
 * Whether a passage or sentence is about a document the question names: it is in that document, or it names
 * the document by its period and kind wherever it sits ("The ASEAN-China Strategy on Environmental Cooperation
 * (2016-2020) … sets forth", on the CAEC's page, is about the 2016-2020 strategy).
 */
export function aboutNamedDocument(scope: DocumentScope | undefined, file: string, text: string): boolean {
  if (!scope || scope.files.size === 0) return false;
  if (scope.files.has(file)) return true;
  const periods = new Set(periodsIn(text));
  if (periods.size === 0) return false;
  return [...scope.labels].some(([named, labels]) => {
    if (![...labels].some((label) => periods.has(label))) return false;
    const kinds = scope.kinds.get(named);
    return !kinds || kinds.size === 0 || kindsNamedIn(text).some((kind) => kinds.has(kind));
  });
}
