import { escapeRegExp, splitSentences } from "../text/index.js";
import {
  chineseCountedTerms,
  chineseSearchTerms,
  hasChinese,
  withoutChineseAsking,
} from "../retrieve/chinese-query.js";
import { normalizeText } from "../retrieve/normalize-query.js";
import { contentTerms } from "../store/lexical-index.js";
import { countedTerms, isCountryName, isNationalityWord, month, monthNames } from "./answer-kind.js";

export type QuestionType = "when" | "where" | "who" | "count" | "list" | "definition" | "other";

export interface QuestionAnalysis {
  /** Stemmed content terms of the (expanded) question, without stop words. */
  terms: string[];
  type: QuestionType;
  /**
   * What the question asks about, as groups of stemmed terms ("the total budget of X" → [total],
   * [budget]). The documents hold the answer only if the evidence has a term of every group.
   */
  focus: string[][];
  /** For "how many X" questions, the stemmed terms of X. */
  counted: string[];
}

// Words that say what kind of answer is wanted rather than what it is about.
const questionWords = new Set(["what", "which", "who", "when", "where", "how", "why", "whom", "whose", "many", "much"]);

// Stemmed: different(ly)/differ(s), contrast(s), each, describe(d), word(ed). They say how a comparison is
// put ("the two pages describe it differently; what does each say?"), and the sentences that answer it never
// use them: as terms they only lowered the question's cover. Not "version" or "account": the documents use
// both of the things themselves ("an upgraded version of GEP", "accounts for 3%").
const comparingTerms = new Set(["differ", "contrast", "each", "describ", "word"]);

// "According to the ASEAN page on EST, …" says where to look; the documents do not say "according".
const sourceClause = /\baccording to\b/;

// "Since what year …", "In which city …": the noun after the question word names the kind of answer
// (a year, a town), which the answering sentence gives without the word ("since its inception in 1997").
const askedNoun = /\b(?:what|which)\s+(year|years|date|month|day|city|country|town)\b/g;

// "List the main items": the items are what is asked for, not a word the list uses.
const listedNoun = /\blist (?:all |the )?(?:main |key |major )?(items|points|elements|things)\b/g;

function askedNouns(q: string): Set<string> {
  return new Set([...q.matchAll(askedNoun), ...q.matchAll(listedNoun)].flatMap((m) => contentTerms(m[1] ?? "")));
}

// "What was the name of the vision …?" asks for the vision's name, which the documents give without the
// word "name": not an attribute the evidence must hold. Nor is a measure ("the size of the urban
// population"), which they give as a figure ("standing at 577 million").
const focusFraming = new Set(["name", "size", "number", "amount", "figure", "proportion", "percentag"]);
// An attribute is a short noun phrase ("the theme", "the total budget"); a longer run or one with a comma
// ("the Forum meant to be a platform for, per the review …") is the question's subject, not an attribute.
const focusWords = 4;

// Chinese question words, checked before the English patterns.
const chineseTypes: [RegExp, QuestionType][] = [
  [/什么时候|何时|哪一年|哪年|几月|日期/, "when"],
  [/哪里|哪儿|何处|在哪(?![些个一次届种项部位家类条份年])/, "where"],
  [/谁|何人/, "who"],
  [/多少个|几个|多少项/, "count"],
  [/哪些|有什么|列出/, "list"],
  [/是什么|指什么/, "definition"],
];

/**
 * "A和B分别…" asks the same of A and of B: "2009-2015年战略和2016-2020年战略分别有几个优先领域" →
 * "2009-2015年战略有几个优先领域", "2016-2020年战略有几个优先领域" (B's "的 X" is A's too).
 */
function respectiveParts(sentence: string): string[] {
  const match = /^(.+?)(?:和|与|以及|及)(.+?)分别(.+)$/.exec(sentence);
  if (!match?.[1] || !match[2] || !match[3]) return [sentence];
  const [, first, second, rest] = match;
  const shared = second.includes("的") ? second.slice(second.indexOf("的")) : "";
  return [`${first}${shared}${rest}`, `${second}${rest}`];
}

// A Chinese clause that asks something.
const chineseAsking = /什么|哪|谁|多少|几[个年月项次届]|何时|何地|为什么|为何|如何|是否|吗/;

function questionType(q: string): QuestionType {
  for (const [pattern, type] of chineseTypes) if (pattern.test(q)) return type;
  if (/^(when|what (year|date|month))\b|\bwhen\b/.test(q)) return "when";
  if (/^where\b|\bwhere\b/.test(q)) return "where";
  if (/^(who|whom|whose)\b/.test(q)) return "who";
  if (/\bhow many\b|\bhow much\b|\bnumber of\b/.test(q)) return "count";
  if (
    /^(what|which) (are|were)\b|\blist\b|\bareas\b|\bsources\b|\bpillars\b|\bmandate\b|\bfunctions?\b|\bcomponents\b|\bsteps\b/.test(
      q,
    )
  ) {
    return "list";
  }
  if (/^what (is|was)\b/.test(q)) return "definition";
  return "other";
}

function focusPhrase(q: string): string | undefined {
  // "what/who is the <focus> of|for|in|at ...": the attribute asked for.
  const attribute = /^(?:what|who|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(.+?)\s+(?:of|for|in|at|behind)\s+\S/.exec(
    q,
  );
  // "the VAP mentioned in the page": the thing asked about, not how the question refers to it.
  if (attribute?.[1]) {
    const phrase = attribute[1].replace(
      /\s+(?:mentioned|referred to|cited|listed|described|named|used|given|discussed)$/,
      "",
    );
    return phrase.includes(",") || phrase.split(/\s+/).length > focusWords ? undefined : phrase;
  }
  // "what is X's <focus>?"
  const possessive = /^(?:what|who)\s+(?:is|was|are|were)\s+\S+'s\s+(.+?)\??$/.exec(q);
  if (possessive?.[1]) return possessive[1];
  return undefined;
}

/**
 * Drops a conversational preamble before a colon ("Quick one for onboarding: where is …?") and
 * polite openers, which would otherwise be searched for.
 */
export function stripPreamble(question: string): string {
  const normalized = normalizeText(question);
  const colon = /^([^:?]{1,60}):\s*(\S.*)$/.exec(normalized);
  // A lead-in before a colon of up to 6 words is a preamble ("Quick question about the strategy:") or says
  // what the question is about ("Action Plan III: whose approval does it need?"), which it keeps; a longer
  // one is part of the question. Set by hand.
  const lead = colon?.[1] && colon[2] && colon[1].split(/\s+/).length <= 6 ? colon[1].trim() : undefined;
  const afterColon =
    lead === undefined || !colon?.[2]
      ? normalized
      : namesTopic(lead)
        ? `${placingClause.test(`${lead} `) ? lead : `For ${lead}`}, ${colon[2]}`
        : colon[2];
  return (
    afterColon
      .replace(/^(?:hi|hello|hey|please|so|ok(?:ay)?|quick question)[,!.]?\s+/i, "")
      .replace(indirectAsking, "")
      .replace(monthAbbreviation, (abbreviation) => fullMonth(abbreviation))
      // The documents say an event "was held", never that it "took place".
      .replace(/\b(took|take|takes|taking) place\b/gi, (_, verb: string) => heldFor[verb.toLowerCase()] ?? "held")
      .replace(documentsFraming, "")
      .replace(whereItIsSaid, "$1")
      .replace(sectionOf, "$1 of")
      .replace(/^according to (?:the )?(?:documents?|texts?|sources?)[,:]?\s+/i, "")
      // "What is meant by PPP?" asks what PPP is; the documents never say "meant".
      .replace(/^what (is|was|are|were) meant by\s+/i, "What $1 ")
  );
}

/**
 * Whether a lead-in names what the question is about: a name, an acronym or a year ("CAEC", "The 8th TEEN
 * Workshop", "urban population in 2006"), not a conversational opener ("Quick one for onboarding").
 */
function namesTopic(lead: string): boolean {
  if (/\b(?:question|quick|hi|hello|hey|help|onboarding|asking|wondering|curious|sorry|thanks)\b/i.test(lead))
    return false;
  const words = lead.split(/\s+/);
  return /\d/.test(lead) || words.some((w, i) => /^\p{Lu}{2,}/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w)));
}

// "Tell me where …", "Can you tell me when …", "I'd like to know who …": a question asked indirectly. Only
// before a question word, so "Tell me about the GEP" keeps its verb.
const indirectAsking =
  /^(?:(?:can|could|would) you (?:please )?tell me|(?:please )?tell me|do you know|i(?:'d| would) like to know|i (?:want|need|wish) to know|i wonder)[,:]?\s+(?=(?:what|when|where|who|whom|whose|which|how|why|if|whether)\b)/i;

// "Oct 2011", "12 Dec. 2004": the documents write months in full, so an abbreviation would be a word they
// never use (and, capitalised, a name they never mention). Only next to a day or year, so "May" and "Mar"
// elsewhere stay as written.
const monthAbbreviation =
  /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?=\s+\d)|(?<=\d\s+)\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?/gi;

const heldFor: Record<string, string> = { took: "was held", take: "be held", takes: "is held", taking: "being held" };

function fullMonth(abbreviation: string): string {
  const prefix = abbreviation.replace(/\.$/, "").slice(0, 3).toLowerCase();
  return monthNames.split("|").find((m) => m.toLowerCase().startsWith(prefix)) ?? abbreviation;
}

// "…, as described in the 2016 strategy": where the documents say it, not words they use (the corpus never
// writes "as described"); "the review section of the strategy" is its review.
const whereItIsSaid =
  /\bas (?:described|stated|set out|mentioned|outlined|listed|given|explained|noted|discussed|presented|reported|laid out) (in|by|on|under)\b/gi;
const sectionOf = /\b(?!(?:which|what|each|every|one)\b)(\w+) (?:section|chapter) of\b/gi;

// "What do the documents say about X?" asks about X: the words about the documents themselves are not
// searched for (the corpus never says "documents say", so they would count against finding X).
const documentsFraming =
  /^(?:what|how) (?:do|does|did) (?:the |these |your )?(?:documents?|texts?|sources?|corpus|files?) (?:say|tell(?: us| me)?|mention|state|write|report) (?:about|on|regarding|of|concerning)\s+/i;

/**
 * Splits a question that asks several things ("What is X and when was it …?", "who drafted it, when
 * was it endorsed and when was it launched?") into its parts; a single question stays whole.
 */
export function splitQuestion(question: string): string[] {
  const q = stripPreamble(question);
  // A Chinese question asks several things as several sentences ("…是哪一年？…又是哪一年？").
  if (hasChinese(q)) {
    // …and clauses that each ask something ("…在哪里举行，主题是什么？").
    const sentences = splitSentences(q)
      .flatMap((s) => {
        const clauses = s.split(/[，,；;]/);
        return clauses.length > 1 && clauses.every((c) => chineseAsking.test(c)) ? clauses : [s];
      })
      .flatMap(respectiveParts)
      .map((s) => s.trim())
      // A piece under 4 characters ("吗？") is a particle, not a question of its own.
      .filter((s) => s.length >= 4);
    if (sentences.length < 2) return [q];
    const read: string[] = [];
    for (const sentence of sentences) read.push(chineseCarriedTopic(sentence, read.at(-1)));
    return read;
  }
  // "Who convened it, where, and when?": the question words after the last part ask what it asks, of
  // where and when ("where convened it", "when convened it").
  const tail = ellipticalTail.exec(q);
  if (tail) {
    const asked = englishParts(q.slice(0, tail.index).trim());
    const last = asked.at(-1) ?? "";
    const more = (tail[1] ?? "")
      .split(/[\s,]+/)
      .filter((w) => /^(?:where|when|who|whom)$/i.test(w))
      .map((w) => last.replace(/\b(?:what|when|where|who|whom|which|how)\b/i, w.toLowerCase()))
      .filter((part) => part !== last);
    // A last part with no question word of its own ("The forum, when?") is read whole.
    if (more.length > 0) return [...asked, ...more];
  }
  return englishParts(q);
}

// A list of bare question words that closes a question (", where, and when?", ", where and when?").
const ellipticalTail = /,\s*((?:where|when|who|whom)(?:\s*,?\s*(?:and\s+)?(?:where|when|who|whom))*)\s*[?？.]?\s*$/i;

function englishParts(q: string): string[] {
  // "How does X in the 2009 strategy compare with Y in the 2016 one?" asks about X and about Y.
  const compared = comparison.exec(q);
  if (compared?.[1] && compared[2] && compared[1].split(/\s+/).length >= 3 && compared[2].split(/\s+/).length >= 3)
    return [compared[1], carriedTopic(compared[2], compared[1])];
  // A new question follows a comma or "and" ("…, and when was it launched", "…, and in which year"), or
  // opens with a question word and a verb ("… when was it launched"); "minister when the strategy was
  // adopted" is one question, and so is "the Summit, at which the two sides agreed …" (a relative clause: a
  // determiner, not a noun, follows "at which").
  const parts = q
    .split(
      /(?:\s*[,:;]\s*(?:and\s+)?|\s+and\s+)(?=(?:what|when|where|who|whose|which|how|why)\s+\w+\s+\w+|(?:in|at|on|by|from|to|during|under|through|with|alongside|besides)\s+(?:what|which|whom)\s+(?!(?:the|a|an|its|their|this|these|those|they|it)\s)\w+|(?:in|under|according to|per|within)\s+[^,?]{1,60},\s*(?:what|when|where|who|which|how|why)\s)|\s+(?=(?:what|when|where|who|which|how|why)\s+(?:is|was|are|were|did|does|do|will|has|have|had|can|should|many|much)\s+\w+)/i,
    )
    .map((p) => p.trim())
    // "When and where was the forum held?" asks when the forum was held and where it was.
    .map((p, i, all) => {
      const next = all[i + 1] ?? "";
      // A part that is a question word alone ("When") takes the words the next part asks with.
      const alone = !/\s/.test(p) && partQuestionWord.test(`${p} `);
      return alone && partQuestionWord.test(next) ? `${p} ${next.replace(partQuestionWord, "")}` : p;
    })
    // A part needs 3+ words to be searchable on its own ("when was it"), set by hand; a clause that says
    // where or of what ("For CAEC") is read into the parts after it.
    .filter((p) => p.split(/\s+/).length >= 3 || placingClause.test(p));
  // A part that only says where ("According to Action Plan III, when …, and who …?", "…, and under the
  // 2016-2020 plan, which …?") holds for the parts after it, until another one says where.
  const asking: string[] = [];
  let placing = "";
  for (const part of parts) {
    if (placingClause.test(part) && !asksSomething.test(part)) placing = part;
    else asking.push(placing !== "" && !placingClause.test(part) ? `${placing}, ${part}` : part);
  }
  if (asking.length < 2) return [q];
  parts.splice(0, parts.length, ...asking);
  // Each part reads "it" through the part before, itself already read ("who drafted it, when was it endorsed").
  const read: string[] = [];
  for (const part of parts) {
    const before = read.at(-1);
    read.push(before === undefined ? part : carriedTopic(namingReferent(part, before), before));
  }
  return read;
}

const partQuestionWord = /^(?:what|when|where|who|which|how|why)\s+/i;

/**
 * The parts without those that ask of the same words as the part before ("When was the forum held",
 * "where was the forum held"): what is quoted for one of them is quoted for both.
 */
export function distinctSubjects(parts: readonly string[]): string[] {
  // The question word may follow a lead-in ("For the Dialogue, who convened it", "…, where convened it").
  const subject = (part: string) =>
    part
      .replace(/\b(?:what|when|where|who|which|how|why)\s+/i, "")
      .replace(/[?？.]\s*$/, "")
      .toLowerCase();
  return parts.filter((part, i) => i === 0 || subject(part) !== subject(parts[i - 1] ?? ""));
}

/**
 * Whether a question sets two things side by side ("… compared with the plan for 2016-2020?", "Has the
 * frequency changed between …?", "What do both strategies say …?"): its answer has a fact for each, even
 * when it asks for one kind of fact.
 */
export function asksToCompare(question: string): boolean {
  return comparingCue.test(question);
}

const comparingCue =
  /\b(?:compar(?:e|es|ed|ing|ison)|versus|vs\.?|differ(?:s|ed|ent|ently|ence|ences)?|chang(?:e|es|ed) (?:between|from|since)|both|the two|each)\b|相比|比较|对比|不同|区别|变化/i;

const comparison =
  /^(?:how|in what ways?) (?:does|do|did|has|have) (.+?) (?:compare|differ|contrast) (?:with|from|to|against) (.+?)[?.]?$/i;
const asksSomething = /\b(?:what|when|where|who|whom|whose|which|how|why)\b/i;
// A clause that says which document, setting or thing a question is asked in or of ("According to the 2009
// strategy", "Under Action Plan III", "In the 2016-2020 strategy", "For the seminar on EIA: where …").
const placingClause = /^(?:according to|under|in|per|as per|within|from|for|regarding|concerning|as for|as to)\s/i;

// Words by which a later part points back at what the part before asked about ("…, and who organizes
// them?", "…, and which one does the 2016-2020 strategy cite?").
const pointsBack = /\b(?:them|they|their|ones?|each|these|those)\b/i;
// What a carried topic leaves out: question words and verbs, which would ask again, and years and
// ordinals, which pin the part before to its own event or document.
const notTopic =
  /^(?:what|when|where|who|whom|whose|which|how|why|is|was|are|were|do|does|did|will|has|have|had|(?:19|20)\d{2}(?:[-–](?:19|20)\d{2})?|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))$/i;

/**
 * A part that points back ("who organizes them?") is searched and checked with the words of the part
 * before it, which say what "them" is: "who organizes them (mid-term final reviews …)".
 */
function carriedTopic(part: string, before: string): string {
  if (!pointsBack.test(part)) return part;
  const topic = before
    .replace(/[?？.!]/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "" && !notTopic.test(w.replace(/[^\p{L}\p{N}-]/gu, "")))
    .join(" ");
  return topic === "" ? part : `${part.replace(/[?？]\s*$/, "")} (${topic})?`;
}

// Particles and adverbs that are not words of a part's own (是, 的, 又 …).
const chineseFiller = /[是的了吗呢又还都也]/g;
// Characters a part's own words (without question words and particles) run to when it only names what is
// asked (主题 "theme", 以前叫 "was called before"); a subject takes more (绿色使者计划). Set by hand.
const maxSubjectlessChars = 4;

/** The Chinese characters of a part that are neither question words nor particles. */
function ownWords(part: string): string {
  return withoutChineseAsking(part)
    .replace(chineseFiller, "")
    .replace(/[^\u3400-\u9fff]/g, "");
}

// A Chinese part that opens by pointing back (其主题, 该论坛, 它的…).
const chinesePointsBack = /^(?:其|它|该|这|那|此|上述)/;

/**
 * A later Chinese part often leaves out what it is about ("第一届论坛是什么时候举办的？主题是什么？"): a part
 * whose own words run to at most `maxSubjectlessChars` characters, or one that points back, is read with
 * the part before, without that part's question words, so "主题" is the first forum's theme.
 */
function chineseCarriedTopic(part: string, before: string | undefined): string {
  if (before === undefined || (ownWords(part).length > maxSubjectlessChars && !chinesePointsBack.test(part)))
    return part;
  const topic = withoutChineseAsking(before)
    .replace(/[?？。.!！、，,；;]+/g, "")
    .replace(/[的了吗呢]+$/, "");
  return topic === "" ? part : `${topic}，${part.replace(chinesePointsBack, "")}`;
}

/**
 * "…, and in which year was it established?": a later part that says "it" asks about the name the part
 * before it used, so "it" becomes that name and the part can be searched and checked on its own.
 */
function namingReferent(part: string, before: string): string {
  if (!/\bits?\b/.test(part)) return part;
  // The longest name the part before uses ("Who proposed the CAEC" → "the CAEC").
  const longest = nameRuns(before, 1).reduce((a, b) => (b.length > a.length ? b : a), "");
  if (longest === "") return part;
  // With the ordinal or year that pins it ("the first … Forum", "the 2016 … Forum"): another one is not it.
  const pinned = new RegExp(
    `\\b(?:the\\s+)?(?:(?:first|second|third|fourth|fifth|sixth|\\d+(?:st|nd|rd|th)|\\d{4})\\s+)?${escapeRegExp(longest)}`,
  ).exec(before)?.[0];
  // With the plain nouns the name heads ("the China-ASEAN environment management seminar"), up to a verb or preposition.
  const name = `${pinned ?? longest}${nounsAfter(before, pinned ?? longest)}`;
  return part.replace(/\bits\b/, `${name}’s`).replace(/\bit\b/, name);
}

// Words that end a noun phrase ("… seminar | was held", "… forum | in Nanning").
const nounPhraseEnd =
  /^(?:is|was|are|were|be|been|being|will|would|can|did|does|do|has|have|had|in|on|at|of|for|to|by|with|from|and|or|but|that|which|who|whom|when|where|why|how|what|its?|their|held|met|set|made|led|built|run|begun|won|taken|given|chosen|known|shown|seen|done|\w+ed|\w+ing)$/i;

/** The lowercase words that follow `name` in `text` before a verb or preposition, with a leading space. */
function nounsAfter(text: string, name: string): string {
  const after = text
    .slice(text.indexOf(name) + name.length)
    .split(/\s+/)
    .filter(Boolean);
  const nouns: string[] = [];
  for (const word of after.slice(0, 4)) {
    const bare = word.replace(/[?.,;:!]+$/, "");
    if (!/^[a-z][a-z-]*$/.test(bare) || nounPhraseEnd.test(bare)) break;
    nouns.push(bare);
    if (bare !== word) break;
  }
  return nouns.length > 0 ? ` ${nouns.join(" ")}` : "";
}

export function analyseQuestion(question: string, searchQuery: string = question): QuestionAnalysis {
  const q = stripPreamble(question).toLowerCase();
  const focusText = focusPhrase(q);
  const asked = askedNouns(q);
  return {
    terms: contentTerms(searchQuery).filter(
      (t) =>
        !questionWords.has(t) && !comparingTerms.has(t) && !(t === "accord" && sourceClause.test(q)) && !asked.has(t),
    ),
    type: questionType(q),
    focus: hasChinese(q)
      ? // Each lexicon term of a Chinese question names something asked about (any of its translations).
        chineseSearchTerms(q)
          .map(contentTerms)
          .filter((group) => group.length > 0)
      : focusText
        ? contentTerms(focusText)
            .filter((t) => !questionWords.has(t) && !focusFraming.has(t) && !asked.has(t) && !/^\d/.test(t))
            .map((t) => [t])
        : [],
    counted: /\bhow many\b/.test(q) ? countedTerms(q) : chineseCountedTerms(q).flatMap(contentTerms),
  };
}

/**
 * The names a question uses (runs of two or more capitalised words, joined by "on", "and", "of", "for"
 * or "&": "Multi-stakeholder Workshop on EST and CP"), as stemmed terms: the thing asked about, which a
 * quote answering a date or a place must name.
 */
export function questionNames(question: string): string[][] {
  const q = stripPreamble(question);
  // A one-word place the question puts the thing in ("the base in Wuzhou") names it as much: another
  // town's base is another base.
  const places = [...q.matchAll(placeQualifier)].map((m) => m[1] ?? "");
  // So does a town named before the thing ("the Wuzhou base"): a lone capitalised word, not a country or people, that
  // qualifies a plain noun after it ("the Centre set up" and "the Forum?" are short forms of names).
  const runs = nameRuns(q, 2).filter((name) => !documentPart.test(name));
  const towns = nameRuns(q, 1).filter(
    (word) =>
      /^\p{Lu}\p{Ll}{3,}$/u.test(word) &&
      !isCountryName(word) &&
      !isNationalityWord(word) &&
      !month.test(word) &&
      !places.includes(word) &&
      nounsAfter(q, word) !== "",
  );
  return [...runs, ...places, ...towns].map((name) => contentTerms(name)).filter((terms) => terms.length > 0);
}

// "Annex I", "Section 3.1", "Table 2": where in a document to look, not a thing the answer must name (a
// passage's headings do not always carry it).
const documentPart =
  /^(?:Annex|Appendix|Section|Chapter|Table|Figure|Paragraph|Part|Article|Box)\s+[\dIVXLC][\d.IVXLC]*$/;

const placeQualifier = new RegExp(`\\b(?:in|at)\\s+(?!(?:${monthNames})\\b)([A-Z][a-z]{2,})\\b(?![-–]|\\s+[A-Z])`, "g");

/**
 * Runs of capitalised words past each sentence's first word, joined by "on", "and", "of", "for" or "&", as
 * written.
 */
function nameRuns(text: string, minCapitalised: number): string[] {
  return splitSentences(text).flatMap((sentence) => nameRunsInSentence(sentence, minCapitalised));
}

function nameRunsInSentence(sentence: string, minCapitalised: number): string[] {
  const words = sentence.split(/\s+/).map((w) => w.replace(/^[("'“]+|[)"'”?,.;:!]+$/g, ""));
  const names: string[] = [];
  let run: string[] = [];
  const close = () => {
    while (run.length > 0 && !/^\p{Lu}/u.test(run.at(-1) ?? "")) run.pop();
    if (run.filter((w) => /^\p{Lu}/u.test(w)).length >= minCapitalised) names.push(run.join(" "));
    run = [];
  };
  // The first word is capitalised as the start of the sentence, not as a name ("… to promote ESTs. Which
  // country supported it?").
  words.forEach((word, i) => {
    if (i > 0 && /^\p{Lu}/u.test(word)) run.push(word);
    else if (run.length > 0 && /^(?:on|and|of|for|&)$/.test(word)) run.push(word);
    else close();
  });
  close();
  return names;
}
