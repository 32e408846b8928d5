import { type DocumentScope, impliedTerms, inNamedPart, speaksOfNamedPart } from "./document-scope.js";
import type { Answer, Passage } from "../core/types.js";
import { spelledOutIn } from "../retrieve/acronyms.js";
import { hasChinese } from "../retrieve/chinese-query.js";
import { contentTerms } from "../store/lexical-index.js";
import { splitSentences } from "../text/index.js";
import { composeAnswer, notFoundAnswerWith, notGivenAnswer } from "./compose-answer.js";
import {
  answerKind,
  answerWordTest,
  countsAnother,
  holdsKind,
  questionAnchors,
  verifiableKinds,
} from "./answer-kind.js";
import { aboutRatio, aboutShare, askedFor, verifies } from "./decide-answer.js";
import { unitContext } from "./unit-features.js";
import { askedPastEvents, namesDone } from "./event-stage.js";
import { evidenceUnits, type EvidenceUnit } from "./evidence-units.js";
import {
  analyseQuestion,
  asksToCompare,
  distinctSubjects,
  questionNames,
  splitQuestion,
  stripPreamble,
} from "./question-analysis.js";
import { scoreUnits, weightOf, type ScoredUnit } from "./score-units.js";

export { notFoundAnswer } from "./compose-answer.js";
export { scoreUnits, type ScoredUnit } from "./score-units.js";

export interface ExtractiveContext {
  /** The query retrieval searched with (acronyms expanded, translated); defaults to the question. */
  searchQuery?: string;
  /** Expands part of a question the way retrieval does (acronyms); identity by default. */
  expand?: (text: string) => string;
  /** Adds the expansion of each acronym a text uses, and nothing else: how a quote is read for names. */
  expandAcronyms?: (text: string) => string;
  /** Inverse document frequency of a stemmed term in the corpus; rare terms weigh more. */
  idf?: (term: string) => number;
  /**
   * The weight a question word the corpus never uses counts against coverage (the weight of its rarest
   * term): "Which football club won the league?" is about something the documents never mention.
   */
  unknownTermWeight?: number;
  /** The documents the question names ("the 2009 strategy"): their sentences are preferred. */
  scope?: DocumentScope;
  /** The documents one part of the question names ("…, and under the 2016-2020 plan, which …"). */
  scopeOf?: (text: string) => DocumentScope;
}

export interface ExtractiveOptions {
  /** Passages considered as evidence. */
  evidencePassages: number;
  /** Passages considered for list and count questions ("What are / how many priority areas…?"). */
  listEvidencePassages: number;
  /** Most units quoted in one answer. */
  maxUnits: number;
  /**
   * Most units quoted for a one-part question asking for a date, place, number, person or name: 1 on the
   * public, tune and own sets (a second quote passed no more questions; a unit that verifies is still
   * added when the first does not, and so is a close runner-up: `closeRunnerUpScore`).
   */
  singleFactUnits: number;
  /** Soft limit on the answer's length; one whole list may exceed it. */
  maxChars: number;
  /** Weighted share of the question's terms the top passages must contain for an answer. */
  minCoverage: number;
  /** Passages shown when nothing is found. */
  closestPassages: number;
  /** A further quote must score at least this share of the best one and add question terms… */
  supportingMinScore: number;
  /** …or, adding none, score at least this share (a definition often takes two sentences). */
  runnerUpMinScore: number;
  /** A one-fact question's second quote must score this share of the first and hold the asked kind too. */
  closeRunnerUpScore: 0.85;
  /** A unit that verifies (holds the asked kind of answer) may stand in when it scores this share of the best. */
  verifiedMinScore: number;
  /** …or, for one part of a many-part question, this share of the part's best unit (scored on the part). */
  partVerifiedMinScore: number;
}

// Set by hand, then each value checked against one change, measured with `coopdocs eval` on public / dev tune (answer pass rate 0.857 / 0.648 as set):
export const defaultExtractiveOptions: ExtractiveOptions = {
  // More passages give more sentences to choose from, and more wrong ones; 6 drops public to 0.821.
  evidencePassages: 8,
  // Lists and counts need the whole enumeration; 8 changed neither set (12 is kept for longer lists).
  listEvidencePassages: 12,
  // Quotes per answer: fewer is terser but misses the second half of an answer; 2 drops to 0.786 / 0.630.
  maxUnits: 3,
  // See the option's comment: 1 lost no question on public, tune or own.
  singleFactUnits: 1,
  // Answer length against completeness; 1000 drops public to 0.821.
  maxChars: 1400,
  // Below this cover the question is not found: 0.6 drops public to 0.786, 0.4 changed neither set (the
  // shared not-found decision catches the rest).
  minCoverage: 0.5,
  // Passages offered when nothing is found: enough to browse, few enough to read; set by hand.
  closestPassages: 3,
  // 0.6 keeps the pass rates but lowers citation precision (0.890 / 0.826) with longer answers; 0.8 drops
  // public to 0.786.
  supportingMinScore: 0.7,
  // 0.75 raises tune to 0.685 but drops public to 0.821, with longer answers (median 642 / 565 chars).
  runnerUpMinScore: 0.85,
  // On every tuning set: 0.85 answered five more questions than no second quote (0.9 four), none lost, with
  // the tune split's median answer unchanged (352 characters).
  closeRunnerUpScore: 0.85,
  // 0.6 on the tune split: lower lets unrelated dated sentences answer "when" questions.
  verifiedMinScore: 0.6,
  // On every tuning set: 0.6 lets one more part be answered than none, 0.5 and 0.4 two more, and none lost an
  // answer or an unanswerable question ("…, and who organises them?": the sentence naming the organiser
  // scores 0.59 of the part's best, which says when).
  partVerifiedMinScore: 0.5,
};

/**
 * The default, offline answer: quotes the sentences or whole lists that best answer the question,
 * each cited as [n]. When the top passages do not cover the question (or never mention what it asks
 * about), answers "not found" and lists the closest passages instead of guessing.
 */
export function answerExtractively(
  question: string,
  passages: readonly Passage[],
  context: ExtractiveContext = {},
  options: ExtractiveOptions = defaultExtractiveOptions,
): Answer {
  const idf = context.idf ?? (() => 1);
  const analysis = analyseQuestion(question, context.searchQuery ?? question);
  // A list (or a count: "six priority areas") is usually in one specific passage, and the list and
  // count bonuses keep a deeper pool from adding noise.
  // So does a question whose parts or named documents each need a passage of their own.
  const parts = splitQuestion(question);
  // "When and where was the forum held?" asks two things of one subject, which one sentence often gives:
  // such parts are verified each, but quoted for as one.
  const subjects = distinctSubjects(parts);
  const deep =
    analysis.type === "list" ||
    analysis.type === "count" ||
    subjects.length > 1 ||
    (context.scope?.files.size ?? 0) > 1;
  const evidence = passages.slice(0, deep ? options.listEvidencePassages : options.evidencePassages);
  // Words about how the documents put things ("when the plan mentions …, which plan does it mean?") are not
  // what is asked about: the sentences that answer rarely use them.
  const known = analysis.terms.filter((t) => idf(t) > 0 && !readingTerms.has(t));
  // A passage holds the words of its document's title too ("strategy" for "what does the 2016 strategy say"),
  // and the words the question names its document by ("under Action Plan III").
  const evidenceTerms = new Set(
    evidence.flatMap((p) => [
      ...contentTerms(`${p.meta.title} ${p.meta.section} ${p.text}`),
      ...(context.scope?.namingTerms.get(p.meta.file) ?? []),
    ]),
  );

  const totalWeight = weightOf(known, idf);
  // An acronym the corpus never uses but the evidence spells out ("NPC": "National People's Congress") is known.
  const evidenceText = evidence.map((p) => p.text).join("\n");
  const spelledOut = new Set(
    (question.match(/\b[A-Z]{2,6}\b/g) ?? [])
      .filter((a) => contentTerms(a).every((t) => idf(t) === 0) && spelledOutIn(a, evidenceText) !== undefined)
      .flatMap((a) => contentTerms(a)),
  );
  // Latin-script words only: a Chinese question is read through its glossary translation.
  const unknown =
    analysis.terms.filter((t) => idf(t) === 0 && /^[a-z]{3,}$/.test(t) && !spelledOut.has(t) && !readingTerms.has(t))
      .length * (context.unknownTermWeight ?? 0);
  const coverage =
    totalWeight === 0
      ? 0
      : weightOf(
          known.filter((t) => evidenceTerms.has(t)),
          idf,
        ) /
        (totalWeight + unknown);
  // A Chinese question's focus is each of its lexicon terms, and the documents word things variously (方式
  // "forms", 部门 "department"): only a term the corpus never uses (预算 "budget") shows that the documents
  // cannot give what is asked.
  const focusMissing = analysis.focus.filter(
    (group) => !group.some((t) => evidenceTerms.has(t)) && (!hasChinese(question) || group.every((t) => idf(t) === 0)),
  );
  if (
    evidence.length === 0 ||
    coverage < options.minCoverage ||
    namesUnknown(question, idf, spelledOut) ||
    asksAboutNow(question)
  ) {
    return notFoundAnswerWith(passages.slice(0, options.closestPassages));
  }

  const candidates = evidenceUnits(evidence).filter(quotable);
  const kind = answerKind(question);
  const pastEvents = askedPastEvents(question);
  const implied = (u: EvidenceUnit) => impliedTerms(context.scope, u.passage.meta, u.text);
  const scored = preferSentences(
    scoreUnits(candidates, analysis, known, idf, implied).map((u) => {
      const bonus =
        (context.scope?.files.has(u.passage.meta.file) ? namedDocumentBonus : 0) +
        (namesDone(u.text, pastEvents) ? doneEventBonus : 0);
      return bonus > 0 ? { ...u, score: u.score + bonus } : u;
    }),
  );
  // "The fourth Forum …" does not answer about the first: such sentences are not quoted, unless nothing else is
  // left. They are ranked last rather than dropped, as bestForPart reads `units` in step with `candidates`.
  const anchors = questionAnchors(question);
  const aboutAnother = scored.map((u) => countsAnother(u.text, anchors));
  const units = aboutAnother.every(Boolean)
    ? scored
    : scored.map((u, i) => (aboutAnother[i] ? { ...u, score: Number.NEGATIVE_INFINITY } : u));
  const closest = passages.slice(0, options.closestPassages);
  const topUnit = [...units].sort((a, b) => b.score - a.score)[0];
  // "The total budget of the forum": passages that never say "budget" cannot give it.
  if (focusMissing.length > 0) {
    return topUnit
      ? notGivenAnswer([askedFor(kind, question)], topUnit, closest, new Set(known))
      : notFoundAnswerWith(closest);
  }
  // Each part of a many-part question gets its own best quote first.
  // The documents each part names, when it names fewer than the whole question does.
  const partScopes = new Map(
    parts.map((part) => {
      const own = context.scopeOf?.(part);
      const fewer = own && own.files.size > 0 && own.files.size < (context.scope?.files.size ?? 0);
      return [part, fewer ? own : undefined];
    }),
  );
  const partScope = (part: string): DocumentScope | undefined => partScopes.get(part);
  const expand = context.expand ?? ((text: string) => text);
  const partBest: ScoredUnit[] = [];
  if (subjects.length > 1) {
    for (const part of subjects) {
      // A part that names a document of its own ("under the 2016-2020 action plan, which …") is answered from it.
      const own = partScope(part);
      const inOwn = (u: EvidenceUnit) =>
        !own || (own.files.has(u.passage.meta.file) && inNamedPart(own, u.passage.meta));
      const ownImplied = own ? (u: EvidenceUnit) => impliedTerms(own, u.passage.meta, u.text) : implied;
      partBest.push(...bestForPart(expand(part), candidates, units, idf, partBest, ownImplied, inOwn));
    }
  }
  // "The 2009 strategy compared with the 2016-2020 one": each document named gets its own best quote.
  const named = [...(context.scope?.labels ?? new Map<string, ReadonlySet<string>>())];
  if (named.length > 1) {
    for (const [file] of named) {
      // A sentence that names another of the documents ("the Strategy 2009-2015", in the 2016 one) is about that one.
      const others = named.filter(([f]) => f !== file).flatMap(([, labels]) => [...labels]);
      const bestOfDocument = units
        .filter(
          (u) =>
            u.passage.meta.file === file &&
            speaksOfNamedPart(context.scope, u.passage.meta, u.text) &&
            !partBest.includes(u) &&
            !others.some((l) => `${u.passage.meta.section} ${u.text}`.includes(l)),
        )
        .reduce<ScoredUnit | undefined>((a, b) => (a && a.score >= b.score ? a : b), undefined);
      if (bestOfDocument && !partBest.some((u) => u.passage.meta.file === file)) partBest.push(bestOfDocument);
    }
  }
  const singleFact =
    subjects.length === 1 &&
    verifiableKinds.includes(kind) &&
    (context.scope?.files.size ?? 0) < 2 &&
    !asksToCompare(question);
  const selected = selectUnits(
    units,
    known,
    idf,
    { ...options, maxUnits: singleFact ? options.singleFactUnits : Math.max(options.maxUnits, subjects.length + 1) },
    partBest,
  );
  if (selected.length === 0) return notFoundAnswerWith(closest);
  // "Who proposed the centre?": "China's top leader proposed …" and, nearly as likely, "Premier Wen Jiabao
  // proposed …". A close runner-up that holds an answer of the asked kind too is quoted with the first.
  if (singleFact) {
    const first = selected[0];
    const runnerUp = [...units]
      .sort((a, b) => b.score - a.score)
      .find(
        (u) =>
          first !== undefined &&
          !selected.includes(u) &&
          !u.text.includes(first.text) &&
          !first.text.includes(u.text) &&
          u.score >= first.score * options.closeRunnerUpScore &&
          holdsKind(u.text, kind, analysis.counted, question),
      );
    if (runnerUp && selected.length < options.singleFactUnits + 1) selected.push(runnerUp);
  }
  // Answer-type verification: each part needs a quote holding an answer of the asked kind (a number of
  // the thing counted, a date, a place …) about the asked thing (its years and ordinals).
  const best = selected.reduce((a, b) => (b.score > a.score ? b : a));
  const notGiven: string[] = [];
  for (const part of parts) {
    const partKind = answerKind(part);
    const q = {
      kind: partKind === "other" ? kind : partKind,
      // "The first joint outlook report" describes the report; an ordinal picks one of a series ("the first
      // Forum") only where the documents number that series.
      anchors: questionAnchors(part).filter((a) => !a.countsAny || candidates.some((u) => a.countsAny?.(u.text))),
      counted: analyseQuestion(part).counted,
      asked: expand(part),
      terms: analyseQuestion(part, expand(part)).terms.filter((t) => idf(t) > 0 && !askingTerms.has(t)),
      aboutFloor: 0,
      scope: partScope(part) ?? context.scope,
      pastEvents: askedPastEvents(part),
      names: questionNames(part),
      expand: context.expandAcronyms ?? expand,
    };
    // Only kinds the text can show (a date, a number …) are checked against the sentences most about the thing.
    if (verifiableKinds.includes(q.kind) || q.kind === "list")
      q.aboutFloor =
        aboutRatio *
        Math.max(0, ...candidates.map((u) => aboutShare(q.terms, q.expand(unitContext(u)), idf, implied(u))));
    if (selected.some((u) => verifies(u, q, idf))) continue;
    // A verified unit nearly as good as the chosen ones answers the part instead.
    const verified =
      [...units]
        .sort((a, b) => b.score - a.score)
        .find((u) => u.score >= best.score * options.verifiedMinScore && verifies(u, q, idf)) ??
      // …or nearly as good for this part, when the question has several ("…, and who organises them?").
      (parts.length > 1
        ? verifiedForPart(
            units,
            partScores(expand(part), candidates, units, idf, implied),
            (u) => verifies(u, q, idf),
            options.partVerifiedMinScore,
          )
        : undefined);
    if (verified) selected.push(verified);
    else notGiven.push(askedFor(q.kind, part));
  }
  if (notGiven.length === parts.length) return notGivenAnswer(notGiven, best, closest, new Set(known));
  const ordered = selected.sort(
    (a, b) => a.passageRank - b.passageRank || a.passage.text.indexOf(a.text) - b.passage.text.indexOf(b.text),
  );
  // The word that answers a one-part date, number, place or person question is kept when a sentence is cut.
  const answerWord = subjects.length === 1 ? answerWordTest(kind) : undefined;
  // A sentence already quoted within a longer quote ("X. These recommendations …" and "These
  // recommendations …" alone, chosen for two parts) is quoted once.
  const quoted = [...new Set(ordered)];
  const withinAnother = (u: ScoredUnit) =>
    quoted.some(
      (o) => o !== u && o.passage.id === u.passage.id && o.text.length > u.text.length && o.text.includes(u.text),
    );
  return composeAnswer(
    quoted.filter((u) => !withinAnother(u)),
    notGiven,
    new Set(known),
    answerWord,
  );
}

/**
 * A heading on its own ("Institutional and Human Capability Building", "5.1 Institutional arrangement")
 * says what a section is about, not anything about it: a few words with no sentence or label punctuation.
 * Lists and table rows stay quotable.
 */
function quotable(unit: EvidenceUnit): boolean {
  if (unit.isList || unit.text.startsWith("|")) return true;
  return /[.!?:;]/.test(unit.text) || unit.text.trim().split(/\s+/).length > maxHeadingWords;
}

// Longest run of words read as a bare heading; the corpus's section titles run to 8 words. Set by hand.
const maxHeadingWords = 8;

/**
 * Whether the question names something (a capitalised word past its first, "the World Cup", "France")
 * the corpus never uses: the documents cannot answer about what they never mention.
 */
function namesUnknown(question: string, idf: (t: string) => number, known: ReadonlySet<string>): boolean {
  // The first word of each sentence is capitalised as such ("… 2008-2012. Spell out AEEAP."), not as a name.
  const words = splitSentences(stripPreamble(question))
    .flatMap((sentence) =>
      sentence
        .split(/[^\p{L}\p{N}'’-]+/u)
        .filter(Boolean)
        .slice(1),
    )
    // Each part of a joined name counts ("ASEAN-India" names India).
    .flatMap((w) => w.split(/[-–]/));
  return words.some((w) => /^[A-Z][a-zA-Z]{2,}$/.test(w) && contentTerms(w).some((t) => idf(t) === 0 && !known.has(t)));
}

/** "What's the weather tomorrow?", "Who is in charge right now?": documents written years ago cannot say. */
function asksAboutNow(question: string): boolean {
  return /\b(?:tomorrow|tonight|yesterday|today|right now|this (?:morning|afternoon|evening|week|month)|next (?:week|month))\b/i.test(
    question,
  );
}

// What a sentence of a document the question names ("the 2009 strategy") gains over one of another
// document: about one question term's share, so a sentence elsewhere still wins when it covers more.
const namedDocumentBonus = 0.1;

// What a sentence naming the asked event as done ("established", for "when was it set up?") gains: the
// weight of the event word the question and the sentence word differently.
const doneEventBonus = 0.1;

// Stemmed question words ("many" → "mani"), which say what is asked rather than about what.
const askingTerms = new Set(["mani", "much", "mean"]);
// Stemmed: mention(s/ed), mean(s)/meant, say(s)/said, cite(d), talk(s).
const readingTerms = new Set(["mention", "mean", "meant", "sai", "said", "cite", "talk"]);

/** The unit that best answers one part of a question (scored on the part, with the whole as context). */
function bestForPart(
  part: string,
  candidates: EvidenceUnit[],
  units: ScoredUnit[],
  idf: (t: string) => number,
  taken: readonly ScoredUnit[],
  implied: (unit: EvidenceUnit) => ReadonlySet<string>,
  eligible: (unit: EvidenceUnit) => boolean = () => true,
): ScoredUnit[] {
  const scores = partScores(part, candidates, units, idf, implied);
  // The best unit another part has not already claimed, of the part's own document when there is one.
  const open = (unit: ScoredUnit | undefined, i: number) =>
    unit !== undefined && !taken.includes(unit) && eligible(candidates[i] ?? unit);
  const anyOwn = units.some((u, i) => open(u, i));
  let bestIndex = -1;
  scores.forEach((score, i) => {
    const unit = units[i];
    const fits = anyOwn ? open(unit, i) : unit !== undefined && !taken.includes(unit);
    if (fits && (bestIndex < 0 || score > (scores[bestIndex] ?? -Infinity))) bestIndex = i;
  });
  const best = units[bestIndex];
  return best ? [best] : [];
}

/** Each unit's score for one part of a question, with the whole question as context (`units` in step). */
function partScores(
  part: string,
  candidates: EvidenceUnit[],
  units: ScoredUnit[],
  idf: (t: string) => number,
  implied: (unit: EvidenceUnit) => ReadonlySet<string>,
): number[] {
  const analysis = analyseQuestion(part);
  const terms = analysis.terms.filter((t) => idf(t) > 0);
  // The part's own score plus half the whole question's (set by hand; 0.25 changed neither public nor tune).
  return scoreUnits(candidates, analysis, terms, idf, implied).map((u, i) => u.score + 0.5 * (units[i]?.score ?? 0));
}

/** The best unit for a part that verifies, when it scores `minShare` of the part's best (`scores` from partScores). */
function verifiedForPart(
  units: ScoredUnit[],
  scores: readonly number[],
  verifiesPart: (unit: ScoredUnit) => boolean,
  minShare: number,
): ScoredUnit | undefined {
  const ranked = units
    .map((unit, i) => ({ unit, score: scores[i] ?? Number.NEGATIVE_INFINITY }))
    .filter((r) => Number.isFinite(r.score))
    .sort((a, b) => b.score - a.score);
  const top = ranked[0]?.score ?? 0;
  return ranked.find((r) => r.score >= top * minShare && verifiesPart(r.unit))?.unit;
}

// A sentence inside a longer unit (a list item of several sentences) that scores this share of it carries
// what the unit does for the question. Set by hand.
const innerSentenceShare = 0.95;

const listMarker = /^(?:[-•*]|\([a-z]{1,4}\)|\([ivx]{1,5}\)|[a-z]\))\s/;

/**
 * A list item of several sentences and one of its sentences that scores nearly as well: the sentence is
 * quoted, not the item cut at its start ("- Cooperation on X. … The Phase I and II have been…").
 */
function preferSentences(units: ScoredUnit[]): ScoredUnit[] {
  return units.map((unit) => {
    if (unit.isList || !listMarker.test(unit.text)) return unit;
    const inner = units.filter(
      (other) =>
        other !== unit &&
        other.passage.id === unit.passage.id &&
        other.text.length < unit.text.length &&
        unit.text.includes(other.text),
    );
    const best = Math.max(-Infinity, ...inner.map((other) => other.score));
    return best >= unit.score * innerSentenceShare ? { ...unit, score: best * innerSentenceShare } : unit;
  });
}

/** Greedy: best unit first, then units that add question terms not yet covered and still score well. */
function selectUnits(
  units: ScoredUnit[],
  terms: string[],
  idf: (t: string) => number,
  options: ExtractiveOptions,
  required: ScoredUnit[] = [],
): ScoredUnit[] {
  const ranked = [...units].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return [];
  const selected: ScoredUnit[] = [];
  for (const unit of [...required, best]) if (!selected.includes(unit)) selected.push(unit);
  const covered = new Set(terms.filter((t) => selected.some((u) => u.terms.has(t))));
  let length = selected.reduce((sum, u) => sum + u.text.length, 0);
  for (const unit of ranked.slice(1)) {
    if (selected.length >= options.maxUnits) break;
    if (unit.score < best.score * options.supportingMinScore) break;
    const adds = terms.filter((t) => unit.terms.has(t) && !covered.has(t));
    if (weightOf(adds, idf) <= 0 && unit.score < best.score * options.runnerUpMinScore) continue;
    if (length + unit.text.length > options.maxChars && !(unit.isList && !selected.some((s) => s.isList))) continue;
    if (selected.some((s) => s.text === unit.text || s.text.includes(unit.text) || unit.text.includes(s.text)))
      continue;
    selected.push(unit);
    adds.forEach((t) => covered.add(t));
    length += unit.text.length;
  }
  // Keep the documents' order within a passage so quoted sentences read naturally.
  return selected
    .map(withContinuation)
    .sort((a, b) => a.passageRank - b.passageRank || a.passage.text.indexOf(a.text) - b.passage.text.indexOf(b.text));
}

// A sentence that refers back to the one before ("The program has three components…") belongs with it.
const continuation =
  /^(?:It|Its|This|These|They|Their|Such|The (?:program|programme|forum|center|centre|strategy|plan|framework|platform|base|network|alliance|partnership|project|initiative|meeting|workshop|report|outlook)s?)\b/;

function withContinuation(unit: ScoredUnit): ScoredUnit {
  if (unit.isList || !unit.following || !continuation.test(unit.following)) return unit;
  return { ...unit, text: `${unit.text} ${unit.following}` };
}
