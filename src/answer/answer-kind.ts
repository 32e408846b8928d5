import { chineseNumber, translateChinese } from "../retrieve/chinese-query.js";
import { escapeRegExp } from "../text/index.js";
import { contentTerms } from "../store/lexical-index.js";

/**
 * What kind of answer a question asks for. A sentence answers only if it holds an answer of that
 * kind: a count needs a number of the thing counted, a date a year or month, and so on.
 */
export type AnswerKind =
  | "count"
  | "amount"
  | "frequency"
  | "date"
  | "person"
  | "place"
  | "list"
  | "name"
  | "reason"
  | "definition"
  | "other";

// Chinese question words, checked before the English patterns (the first match wins).
const chineseKinds: [RegExp, AnswerKind][] = [
  [/多少钱|金额|预算|资金多少|多少(?:资金|经费|美元|元)/, "amount"],
  [/多久(?:一次|举办|召开)?|频率|每隔多久|多长时间(?:一次|举办)/, "frequency"],
  [/什么时候|何时|哪一年|哪年|哪几年|哪些年份?|几月|日期|哪一天/, "date"],
  [/哪里|哪儿|何处|在哪(?![些个一次届种项部位家类条份年])|哪个城市|哪个国家|哪些国家/, "place"],
  // "哪个机构", "哪些国际机构", "哪家组织": which body or bodies (a few characters may qualify the noun).
  [/谁|何人|哪(?:个|些|家)[\u4e00-\u9fff]{0,4}?(?:机构|组织|部门|单位)/, "person"],
  [/多少个|几个|多少项|多少名|多少人|多少/, "count"],
  [/主题|名称|叫什么/, "name"],
  [/为什么|为何|目的/, "reason"],
  [/哪些|有什么|列出/, "list"],
  [/是什么|指什么/, "definition"],
];

const englishKinds: [RegExp, AnswerKind][] = [
  [/\bhow much (?:money|funding|fund|budget)|\b(?:budget|cost|funding amount|total amount|how much)\b/, "amount"],
  [/\bhow (?:often|frequently|regularly)\b|\bfrequency\b/, "frequency"],
  [/\bhow many\b|\bnumber of\b/, "count"],
  [
    /^(?:when|on what date|in (?:what|which) years?|(?:what|which) (?:years?|date|month))\b|(?:^|[,;:]\s*|\b(?:and|or)\s+)when\b|\bwhen (?:was|were|is|are|did|does|do|will|would|has|have|had|can|could|should)\b|\b(?:what|which) (?:exact |precise |specific )?(?:years?|date|day|month)\b/,
    "date",
  ],
  [
    /^where\b|\bwhere\b|\bwhich (?:asean )?(?:city|country|member state|town|province)\b|\bin which (?:city|country)\b/,
    "place",
  ],
  [
    /^(?:who|whom|whose)\b|\bwho\b|\bwhich (?:body|bodies|organi[sz]ations?|ministry|institutions?|agency|party|parties)\b/,
    "person",
  ],
  [/\b(?:theme|title|slogan)\b|\bwhat (?:is|was) (?:it|the \w+) (?:called|named)\b/, "name"],
  [
    /^why\b|\bwhy\b|\bwhat (?:is|was|are|were) the (?:purpose|aim|goal|objective|rationale)s?\b|\bin order to\b/,
    "reason",
  ],
  [
    /^(?:what|which) (?:are|were)\b|\blist\b|\bareas\b|\bsources\b|\bpillars\b|\bmandate\b|\bfunctions?\b|\bcomponents\b|\bsteps\b|\bactivities\b|\bpriorities\b/,
    "list",
  ],
  [/^what (?:is|was|does)\b|\bstand for\b|\bmean\b/, "definition"],
];

const asksWhatAcronymIs =
  /^[Ww]hat (?:is|are|was|were) (?:the )?\p{Lu}{2,}s?\b(?:\s+(?:in|of|under|according to)\b[^?]*)?\??$/u;

// The question word a question opens with says what it asks for, whatever clause follows ("Who was
// minister when the strategy was adopted?" asks for a person, not a date).
const leadingKinds: [RegExp, AnswerKind][] = [
  [/^(?:who|whom|whose)\b/, "person"],
  [/^when\b/, "date"],
  [/^where\b/, "place"],
  [/^how many\b/, "count"],
  [/^how (?:often|frequently)\b/, "frequency"],
  [/^why\b/, "reason"],
];

export function answerKind(question: string): AnswerKind {
  const q = question.toLowerCase();
  for (const [pattern, kind] of chineseKinds) if (pattern.test(q)) return kind;
  for (const [pattern, kind] of leadingKinds) if (pattern.test(q.trim())) return kind;
  // "What are NFPs (in the action plan)?" asks what they are, not for a list.
  if (asksWhatAcronymIs.test(question.trim())) return "definition";
  for (const [pattern, kind] of englishKinds) if (pattern.test(q)) return kind;
  return "other";
}

/** The English month names, as a regular-expression alternation. */
export const monthNames = "January|February|March|April|May|June|July|August|September|October|November|December";
export const month = new RegExp(`\\b(?:${monthNames})\\b`);
const asksForDay =
  /\b(?:which|what) (?:exact |precise |specific )?(?:day|date)\b|\bon what date\b|\bexact date\b|哪一天|几号|几日/i;
const asksForPeriod =
  /\b(?:what|which) (?:years|period|time ?frame|time span)\b|\bcover(?:s|ed|ing)?\b[^?]*\byears\b|\byears\b[^?]*\bcover|哪些年份|哪几年|涵盖|期限|时期/i;
// "27 – 28 November 2007", "7 October 2003", "May 25, 2013".
const dayOfMonth = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:${monthNames})\\b|\\b(?:${monthNames})\\s+\\d{1,2}\\b(?!\\d)`,
);
export const year = /\b(?:1[89]\d{2}|20\d{2})\b/;
// A year inside a period or a title ("Roadmap 2009-2015") dates the document, not an event.
// So does one after a plan's or vision's name ("ASEAN Vision 2025", "Agenda 2030").
const eventYear =
  /(?<![\d–-]|\b(?:Vision|Agenda|Blueprint|Roadmap|Plan|Strategy|Programme|Framework|Goals?|Targets?)\s)\b(?:1[89]\d{2}|20\d{2})\b(?![–-]\d)/;
const numberWord =
  /^(?:\d{1,3}(?:,\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundreds?|dozens?|several)$/i;
const currency =
  /(?:US\$|USD|\$|RMB|CNY|yuan|dollars?|euros?)\s*\d|\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:US\$|USD|dollars?|yuan|RMB|euros?)\b/i;
// The whole place name, as a question may name a part of it ("the Rio+20 conference" … "at Rio de Janeiro").
const placeCue =
  /\b(?:in|at|located in|based in|held in|hosted by|venue)\s+(?:the\s+)?([A-Z][a-z]+(?:\s+(?:de|da|do|del|la|le|di)\s+[A-Z][a-z]+)?)/g;
// A country or city joined into a name ("ASEAN-China Cooperation Plan", "China-ASEAN Centre") names a
// partnership, not where something is; so does one leading a name ("China Trust Fund").
const notInName = "(?<![-–]\\s?)\\b";
const notBeforeName = "\\b(?!\\s?[-–]|\\s+[A-Z][a-z])";
/**
 * Every country's English name, from the platform's ICU data (Intl.DisplayNames over the ISO 3166
 * two-letter codes: "United States", "Germany" …), plus the forms the ASEAN documents use.
 */
function allCountryNames(): string[] {
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const names = new Set(["Brunei(?: Darussalam)?", "Lao PDR", "Laos", "Viet ?Nam", "Korea"]);
  for (const a of letters)
    for (const b of letters) {
      const name = display.of(a + b);
      // Codes without a country come back as themselves; "Myanmar (Burma)" is named "Myanmar".
      if (!name || name === a + b || /\d|Unknown/.test(name)) continue;
      names.add(escapeRegExp(name.replace(/\s*\(.*\)$/, "")));
    }
  // Longest first, so "South Korea" is read whole rather than as "Korea".
  return [...names].sort((x, y) => y.length - x.length);
}
const cityNames =
  "Beijing|Nanning|Jakarta|Bangkok|Manila|Hanoi|Kuala Lumpur|Phnom Penh|Vientiane|Yangon|Guangxi|Shanghai|Guangzhou|Kunming|Bandar Seri Begawan|Cebu|Siem Reap|Bali|Singapore";

/** Whether a word is a country's name ("Malaysia", "China"). */
export function isCountryName(word: string): boolean {
  return placePatterns().countryWord.test(word);
}

let languageNames: ReadonlySet<string> | undefined;

/**
 * Whether a word names a people or language rather than a thing ("the Chinese side", "Malaysian experts"):
 * a language's English name from the platform's ICU data (Chinese, Thai, Burmese …), or a country's name
 * with the ending of its people ("Malaysia" + n, "Singapore" + an).
 */
export function isNationalityWord(word: string): boolean {
  if (!languageNames) {
    const display = new Intl.DisplayNames(["en"], { type: "language" });
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const names = new Set<string>();
    for (const a of letters)
      for (const b of letters) {
        const name = display.of(a + b);
        if (name && name !== a + b && !/\s/.test(name)) names.add(name);
      }
    languageNames = names;
  }
  if (languageNames.has(word)) return true;
  return [/n$/, /an$/, /ian$/, /ese$/].some((ending) => {
    const stem = word.replace(ending, "");
    return stem !== word && [stem, `${stem}a`, `${stem}s`].some((country) => isCountryName(country));
  });
}

interface PlacePatterns {
  /** Any country or listed city. */
  countries: RegExp;
  /** A country's name, whole. */
  countryWord: RegExp;
  countryOnly: RegExp;
  cityOnly: RegExp;
  /**
   * Any other town the sentence puts something in: "was held in Guilin, Guangxi province" — one
   * capitalised word after "in"/"at" that is not a month, a country or the first word of a longer name,
   * or a town's name joined by a particle, read whole ("held at Rio de Janeiro").
   */
  cuedTown: RegExp;
  /**
   * A town in brackets after the name of what is there: "Demonstration Base … Cooperation (Wuzhou)". One
   * capitalised word, not an acronym ("(CAEC)") or a month.
   */
  bracketedTown: RegExp;
  /** One word (or name) that is a country or listed city, whole. */
  knownPlaceWord: RegExp;
}

let placePatternsBuilt: PlacePatterns | undefined;

/** Built on the first place or person check, not at import: reading ~250 country names from ICU takes ~30 ms. */
function placePatterns(): PlacePatterns {
  if (placePatternsBuilt) return placePatternsBuilt;
  const countryNames = allCountryNames().join("|");
  placePatternsBuilt = {
    countries: new RegExp(`${notInName}(?:${countryNames}|${cityNames})${notBeforeName}`, "g"),
    countryOnly: new RegExp(`${notInName}(?:${countryNames})${notBeforeName}`, "g"),
    cityOnly: new RegExp(`${notInName}(?:${cityNames})${notBeforeName}`, "g"),
    bracketedTown: new RegExp(`\\((?!(?:${monthNames})\\))([A-Z][a-z]{2,})\\)`, "g"),
    knownPlaceWord: new RegExp(`^(?:${countryNames}|${cityNames})$`),
    countryWord: new RegExp(`^(?:${countryNames})$`),
    cuedTown: new RegExp(
      `\\b(?:in|at|held in|hosted in|located in|based in)\\s+(?!(?:${monthNames})\\b)(?!(?:${countryNames})\\b)([A-Z][a-z]{2,}(?:\\s+(?:de|da|do|del|la|le|di)\\s+[A-Z][a-z]+)?)\\b(?![-–]|\\s+[A-Z][a-z])`,
      "g",
    ),
  };
  return placePatternsBuilt;
}
/** "Which country / member state …" wants a country; "which city" a city; otherwise any place. */
export function placeScope(question: string): "country" | "city" | "any" {
  if (/\b(?:which|what) (?:asean )?(?:country|countries|member states?|ams)\b|哪个国家|哪国/i.test(question))
    return "country";
  if (/\b(?:which|what) (?:city|town)\b|哪个城市/i.test(question)) return "city";
  return "any";
}
// An office held by one person: "who is the Secretary-General" wants the holder's name.
const personalOffice =
  /^who (?:is|was|are|were) (?:the |then )?(?:[\w’'-]+ ){0,3}(minister|secretary[- ]general|director(?:[- ]general)?|president|premier|chair(?:man|woman|person)?|head|ambassador|governor|mayor|prime minister)\b/i;
/**
 * Whether the text names the office the question asks about itself, not a deputy's or vice's ("Who is
 * the Secretary-General?" is not answered by "…, then Deputy Secretary General, …").
 */
function holdsOffice(text: string, asked: string): boolean {
  const office = personalOffice.exec(asked.trim())?.[1];
  if (!office) return true;
  const words = office.toLowerCase().split(/[- ]/).join("[- ]");
  const named = new RegExp(`(\\S+\\s+)?${words}\\b`, "gi");
  return [...text.matchAll(named)].some((m) => !/^(?:deputy|vice|assistant|under|acting)\b/i.test(m[1] ?? ""));
}

/** Whether a question asks who holds an office (a name), not which body does something. */
export function asksForNamedPerson(question: string): boolean {
  return personalOffice.test(question.trim());
}
// A person's name: an honorific or an office followed by capitalised names ("H. E. Mr. Zhou Shengxian").
const personName =
  /\b(?:Mr|Ms|Mrs|Dr|Prof|Madam|Premier|President|Minister)\.?\s+(?:Mr\.?\s+|Ms\.?\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?/;
const personCue = /\b(?:Mr|Ms|Mrs|Dr|Prof|H\.\s?E|Premier|Minister|President|Secretary|Chairman|Director)\b\.?/;
const bodyCue =
  /\b(?:Ministry|Secretariat|Center|Centre|Committee|Working Group|Council|Division|Department|Institute|Agency|Administration|Member States|AMS|Government|Commission|Bureau|Office|Network|Alliance|Board|Senior Officials|SOME|MEP|MEE|CAEC|UNEP|Fund|Bank|Foundation|Organi[sz]ation|United Nations)\b/;

// People named by their role rather than a title or a body's name ("brings city officials together").
const roleCue =
  /\b(?:officials|ministers|leaders|experts|representatives|delegates|delegations|participants|policymakers|decision makers|researchers|scholars|students|youth|staff|governments|agencies|organi[sz]ations|institutions|enterprises|companies|partners|stakeholders|communities|villages|member states)\b/i;

/** Whether the text says what the question's plural noun stands for: "recommendations were", "components are". */
function statesAskedItems(text: string, asked: string): boolean {
  const plurals = asked.toLowerCase().match(/\b[a-z]{4,}s\b/g) ?? [];
  return plurals.some((noun) =>
    new RegExp(`\\b${noun}\\s+(?:were|are|include[sd]?|included|consist(?:s|ed)? of|comprised?)\\b`, "i").test(text),
  );
}

/** "How many priority areas…" is answered by "six priority areas": a number shortly before the counted noun. */
export function countsNoun(text: string, counted: readonly string[]): boolean {
  // "its 20-year history" counts years as "20 years" does.
  const words = text
    .replace(/(\d)-(?=\p{L})/gu, "$1 ")
    .split(/[^\p{L}\p{N},-]+/u)
    .map((w) => w.replace(/,$/, ""));
  return words.some(
    (word, i) =>
      numberWord.test(word) &&
      !year.test(word) &&
      // The counted noun within 4 words of the number ("six priority areas", "9 areas of cooperation").
      (counted.length === 0 || words.slice(i + 1, i + 5).some((w) => counted.some((n) => contentTerms(w).includes(n)))),
  );
}

/**
 * Whether a piece of text holds an answer of the kind asked for; true for kinds that cannot be told
 * from the text alone (a list, a reason, a definition).
 */
export function holdsKind(text: string, kind: AnswerKind, counted: readonly string[] = [], asked = ""): boolean {
  // A place the question itself names ("the China-ASEAN centre") is not an answer to "in which country".
  const askedLower = asked.toLowerCase();
  const newPlace = (pattern: RegExp) =>
    [...text.matchAll(pattern)].some((m) => !askedLower.includes((m[1] ?? m[0]).toLowerCase()));
  switch (kind) {
    case "date":
      // "On which exact day…?" wants the day of the month, not only the month or year.
      if (asksForDay.test(asked)) return dayOfMonth.test(text);
      // "Which years does the programme cover?" is answered by its period ("VAP 2004-2010").
      if (asksForPeriod.test(asked) && /\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b/.test(text)) return true;
      return eventYear.test(text) || month.test(text);
    case "count":
      return countsNoun(text, counted);
    case "amount":
      return currency.test(text);
    case "frequency":
      return frequencyCue.test(text);
    case "name":
      return nameCue.test(text) || bracketedName.test(text);
    case "place": {
      const scope = placeScope(asked);
      const places = placePatterns();
      if (scope === "country") return newPlace(places.countryOnly);
      const bracketed = bracketedAfterAsked(text, asked, places.bracketedTown);
      if (scope === "city") return newPlace(places.cityOnly) || newPlace(places.cuedTown) || bracketed;
      return newPlace(placeCue) || newPlace(places.countries) || bracketed;
    }
    case "list":
      // A list, a sentence that introduces its items ("namely", "such as", "e.g.", "the following …:"), one
      // that runs through items (four commas or more; a long sentence has two or three), or one that says
      // what the asked things were ("The key recommendations were to …").
      return (
        text.includes("\n") ||
        statesAskedItems(text, asked) ||
        (text.match(/,/g)?.length ?? 0) >= listCommas ||
        /[;:]|\be\.g\.|\b(?:namely|including|includes?|such as|for example|as follows|following|consists? of|comprises?|etc)\b/i.test(
          text,
        )
      );
    case "person":
      // "Who was the minister?" asks for somebody's name; a body or a role does not give it.
      if (asksForNamedPerson(asked)) return personName.test(text) && holdsOffice(text, asked);
      // A body may be a fund or a country ("sponsored by China-ASEAN Cooperation Fund", "with the support
      // from the United States").
      return personCue.test(text) || bodyCue.test(text) || roleCue.test(text) || newPlace(placePatterns().countryOnly);
    default:
      return true;
  }
}

/**
 * A town in brackets after the name the question asks about: nearly every word of the name before the
 * bracket is one the question uses ("… Transfer Center (Shenzhen)" for "Where is the … Transfer Center?"),
 * not another name the sentence lists ("… Industry Cooperation (Yixing)" for "Where is CAEC based?").
 */
function bracketedAfterAsked(text: string, asked: string, pattern: RegExp): boolean {
  const askedTerms = new Set(contentTerms(asked));
  return [...text.matchAll(pattern)].some((m) => {
    if (asked.includes(m[1] ?? "")) return false;
    const name: string[] = [];
    for (const word of text.slice(0, m.index).trim().split(/\s+/).reverse()) {
      // Another bracket ends the name: "… (Wuzhou) and the … Center (Shenzhen)".
      if (/[()]/.test(word)) break;
      const bare = word.replace(/^["“']+|["”']+$/g, "");
      if (/^\p{Lu}/u.test(bare) || (name.length > 0 && /^(?:of|for|and|on|&|the)$/.test(bare))) name.unshift(bare);
      else break;
    }
    const terms = contentTerms(name.join(" "));
    return terms.length > 0 && terms.filter((t) => askedTerms.has(t)).length >= bracketNameShare * terms.length;
  });
}
// Share of the bracketed name's words the question must use: 0.8 keeps "the Belt and Road … Center" (all
// of them) and leaves "the Demonstration Base … Cooperation" when the question asks about the Center
// (5 of 8). Set by hand.
const bracketNameShare = 0.8;

// A theme or title is given in quotation marks, introduced as one ("themed", "entitled", "called") or
// given in brackets after what it names ("An upgraded version of GEP (GEP of the Silk Road on the sea)").
const nameCue = /["“”]|\b(?:theme[ds]?|themed|titled|entitled|called|named|known as)\b/i;
// Case-sensitive: a bracket of two words or more with a capital letter.
const bracketedName = /\((?=[^()]*\p{Lu})[^()]*\s[^()]*\)/u;

// Commas that make a sentence a run of items rather than a long sentence (set by hand on the own set's
// near-miss list questions and the tune split's lists).
const listCommas = 4;

// How often something happens: "annually", "biennially", "every two years", "every spring", "twice a year",
// "regularly", "at the interval of the Forum".
const frequencyCue =
  /\b(?:annual(?:ly)?|yearly|biennial(?:ly)?|triennial(?:ly)?|monthly|quarterly|weekly|daily|regularly|periodically|(?:every|each) (?:\w+ )?(?:years?|months?|weeks?|days?|quarters?|seasons?|spring|summer|autumn|fall|winter)|(?:once|twice|\w+ times) (?:a|per|every) (?:year|month|week)|at the interval)\b/i;

/** Kinds whose answer can be checked in the text (the others are judged on what they are about). */
export const verifiableKinds: readonly AnswerKind[] = [
  "date",
  "count",
  "amount",
  "frequency",
  "place",
  "person",
  "name",
];

const countedStop = new Set([
  "are",
  "were",
  "is",
  "was",
  "did",
  "do",
  "does",
  "have",
  "has",
  "had",
  "will",
  "of",
  "in",
  "at",
  "for",
  "attended",
  "took",
  "there",
  "been",
]);

// Words read as the counted noun phrase after "how many", at most: the corpus's longest counted names
// ("ASEAN-China Environmental Cooperation Forums") run to five.
const countedWords = 5;

/**
 * The thing counted in "how many X …": the words after "how many" up to the first plural noun ("major funding
 * sources", "ASEAN-China Environmental Cooperation Forums", "AMS"), or up to a verb or preposition ("people
 * attended") when none is plural; e.g. "participants" or "priority areas".
 */
export function countedPhrase(question: string): string | undefined {
  const after = /\bhow many\s+(.*)$/is.exec(question)?.[1];
  if (!after) return undefined;
  const phrase: string[] = [];
  for (const raw of after.split(/\s+/).slice(0, countedWords)) {
    const word = raw.replace(/[?.,;:!)]+$/, "");
    if (!/^[\p{L}-]+$/u.test(word) || countedStop.has(word.toLowerCase())) break;
    phrase.push(word);
    if (word !== raw || (/s$/i.test(word) && !/ss$/i.test(word))) break;
  }
  return phrase.length > 0 ? phrase.join(" ") : undefined;
}

/** Stemmed terms of the noun a "how many" question counts (the last word of its phrase: "areas"). */
export function countedTerms(question: string): string[] {
  return contentTerms(countedPhrase(question)?.split(" ").at(-1) ?? "");
}

const ordinals: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/** A year ("2014") or an ordinal ("fifth", "5th", "第五届") the question pins its subject to. */
export interface Anchor {
  label: string;
  /** Whether a piece of text names the same year or ordinal. */
  test(text: string): boolean;
  /** For an ordinal of a known thing: whether a text counts that thing by another ordinal ("the fourth Forum"). */
  countsAnother?(text: string): boolean;
  /** For an ordinal of a known thing: whether a text counts that thing by any ordinal ("the first Forum", "the fourth"). */
  countsAny?(text: string): boolean;
}

// Words after an ordinal within which the thing it counts must be named ("the second ASEAN-China
// Environmental Cooperation Forum": five words between "second" and "Forum").
const ordinalReach = 6;
// Words that end the noun phrase an ordinal starts ("the first forum | held in …").
const phraseEnd =
  /^(?:is|was|are|were|be|been|will|did|does|do|has|have|had|in|on|at|of|for|to|by|with|from|and|or|that|which|who|when|where|held|\w+ed)$/i;

/** The head noun of the phrase an ordinal starts ("the first ASEAN-China Environment Outlook launched" → "outlook"). */
function ordinalHead(question: string, ordinal: string): string | undefined {
  const after = question.split(new RegExp(`\\bthe ${ordinal}\\b`, "i"))[1] ?? "";
  const words = after.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  // A name runs while its words are capitalised ("ASEAN-China Environment Outlook"); a plain noun phrase
  // until a verb or preposition ("forum held in").
  const named = /^\p{Lu}/u.test(words[0] ?? "");
  const phrase: string[] = [];
  for (const word of words.slice(0, 5)) {
    if (named ? !/^\p{Lu}/u.test(word) : phraseEnd.test(word)) break;
    phrase.push(word);
  }
  return contentTerms(phrase.at(-1) ?? "").at(-1);
}

/**
 * Whether a word is an acronym whose last letter is the head noun's first ("the 1st ASEAN-China EMM" for
 * "the first … Ministers Meeting"): an English name's acronym ends with its head noun.
 */
function acronymEndingIn(word: string, head: string): boolean {
  const bare = word.replace(/[^\p{L}]+$/u, "");
  return /^[A-Z]{2,6}$/.test(bare) && bare.at(-1)?.toLowerCase() === head[0];
}

// Any ordinal, as a word or a figure ("fourth", "4th").
const anyOrdinal = new RegExp(`\\b(?:${Object.keys(ordinals).join("|")}|\\d{1,2}(?:st|nd|rd|th))\\b`, "gi");

/** The ordinals a text names, each with the text after it. */
function ordinalsIn(text: string): { n: number; after: string }[] {
  return [...text.matchAll(anyOrdinal)].map((m) => ({
    n: ordinals[m[0].toLowerCase()] ?? Number.parseInt(m[0], 10),
    after: text.slice((m.index ?? 0) + m[0].length),
  }));
}

/** Whether the head noun is named within reach of the start of `after` (what follows an ordinal). */
function countsHead(after: string, head: string): boolean {
  // Words only: "Workshop / Symposium" is two words, not three.
  return after
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, ordinalReach)
    .some((w) => contentTerms(w).includes(head) || acronymEndingIn(w, head));
}

/**
 * An ordinal the question names: `head` is the noun it counts, when known; `otherHead` the noun by which
 * another ordinal marks a text as about another of the things (the head, unless told otherwise).
 */
function ordinalAnchor(n: number, label: string, head?: string, otherHead = head): Anchor {
  const counts = (text: string, which: (m: number) => boolean, noun: string | undefined) =>
    ordinalsIn(text).some((o) => which(o.n) && (noun === undefined || countsHead(o.after, noun)));
  return {
    label,
    // "The first China-ASEAN Dialogue" is not "the first Outlook": the ordinal must count the asked thing.
    test: (text) => counts(text, (m) => m === n, head),
    ...(head === undefined ? {} : { countsAny: (text: string) => counts(text, () => true, head) }),
    ...(otherHead === undefined ? {} : { countsAnother: (text: string) => counts(text, (m) => m !== n, otherHead) }),
  };
}

// Where the name an ordinal counts ends in a Chinese question (第一届东盟中国环境合作论坛 | 是 …).
const chineseNameEnd = /[是的在于,，?？、和与及将由有]/;

/**
 * The English head noun of the thing a Chinese ordinal counts (第一届东盟-中国环境合作论坛 → "forum"). Only
 * to tell another of the things: the lexicon's English is a search text, so its last word may not be the
 * noun the documents count by (领导人会议 "summit leaders meeting").
 */
function chineseOrdinalHead(after: string): string | undefined {
  const name = after.split(chineseNameEnd)[0] ?? "";
  const english = translateChinese(name).about[0];
  return english ? contentTerms(english).at(-1) : undefined;
}

/**
 * Whether a text is about another of the things the question counts ("the fourth Forum" for "the first
 * Forum"): it counts the asked thing by an ordinal the question does not name, and by none it does.
 */
export function countsAnother(text: string, anchors: readonly Anchor[]): boolean {
  const ordinalAnchors = anchors.filter((a) => a.countsAnother);
  return ordinalAnchors.some((a) => a.countsAnother?.(text)) && !ordinalAnchors.some((a) => a.test(text));
}

/**
 * The years and ordinals in a question ("the 2008 meeting", "the fifth forum"). An answer about
 * another year or another forum is not an answer, however many words it shares with the question.
 */
export function questionAnchors(question: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const y of new Set(question.match(/(?<![\d-])(?:1[89]\d{2}|20\d{2})(?![\d-])/g) ?? [])) {
    // "2016-2020" (a period, a document's span) does not date an event of 2016.
    const pattern = new RegExp(`(?<![\\d][-–]?)${y}(?![\\d]|\\s?[-–]\\s?\\d)`);
    anchors.push({ label: y, test: (text) => pattern.test(text) });
  }
  for (const word of new Set(
    question
      .toLowerCase()
      .match(
        /\bthe (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b/g,
      ) ?? [],
  )) {
    // "the first forum" pins the subject; "when did ASEAN first propose" and "in the first place" do not.
    const ordinal = word.replace(/^the /, "");
    if (new RegExp(`\\bthe ${ordinal} (?:place|time)\\b`, "i").test(question)) continue;
    // "The second strategy" names a document (document-scope.ts), whose sentences never call it so.
    if (new RegExp(`\\bthe ${ordinal} (?:strateg(?:y|ies)|action plans?|documents?)\\b`, "i").test(question)) continue;
    const n = ordinals[ordinal] ?? Number.parseInt(ordinal, 10);
    anchors.push(ordinalAnchor(n, ordinal, ordinalHead(question, ordinal)));
  }
  for (const match of question.matchAll(/第([一二三四五六七八九十]{1,2}|\d{1,2})[届次]/g)) {
    const n = chineseNumber(match[1] ?? "");
    const after = question.slice((match.index ?? 0) + match[0].length);
    if (n > 0) anchors.push(ordinalAnchor(n, match[0], undefined, chineseOrdinalHead(after)));
  }
  return anchors;
}

/** Whether a word is of the kind asked for (a year or month for a date, a number for a count, a name for a place or person). */
export function answerWordTest(kind: AnswerKind): ((word: string) => boolean) | undefined {
  switch (kind) {
    case "date":
      return (word) => year.test(word) || month.test(word);
    case "count":
    case "amount":
      return (word) => /\d/.test(word) || numberWord.test(word);
    case "place": {
      // A country or listed city, or a town in brackets after the name of what is there ("(Wuzhou),"); not
      // any capitalised word, as every word of a long name is one ("Demonstration Base … Cooperation").
      const known = placePatterns().knownPlaceWord;
      return (word) => /^\(\p{Lu}\p{Ll}{2,}\)/u.test(word) || known.test(word.replace(/[^\p{L}]+$/u, ""));
    }
    case "person":
      return (word) => /^\p{Lu}\p{Ll}/u.test(word);
    case "frequency":
      return (word) => frequencyCue.test(word);
    default:
      return undefined;
  }
}
