import { citationOf } from "../core/citation.js";
import type { Answer, Chunk, Citation, ConversationTurn, Passage } from "../core/types.js";
import { contentTerms } from "../store/lexical-index.js";
import { splitTextSentences, stripNumbering, truncate } from "../text/index.js";
import { planConversation, type PreviousExchange } from "./conversation.js";
import { notFoundAnswer } from "./extractive.js";

/** What answering in a conversation needs from the service: retrieval, the one-shot answerer, the index. */
export interface ConversationTools {
  retrieve(query: string): Promise<Passage[]>;
  /** The one-shot answer of `question` from `passages` (the extractive composer). */
  answer(question: string, passages: Passage[]): Answer;
  /** Every indexed chunk, to find passages by id and whole sections. */
  chunks: readonly Chunk[];
  idf(term: string): number;
  /** Expands a text the way retrieval does (acronyms), so "CAEC" also matches its full name. */
  expand?(text: string): string;
}

// Words that point back or say how the pick relates ("which of those concern …"), not what it is about.
const referenceTerms = new Set(
  contentTerms(
    "those these them they it its which what who whom about concern concerns concerning relate related relates " +
      "involve involves mention mentions cover covers deal deals focus focuses one ones any some none each all " +
      "above list area areas item items thing things also and is are was were",
  ),
);
// Words of the request itself in "Summarise every area …", not of the section asked for.
const summaryTerms = new Set(
  contentTerms("summarise summarize describe outline overview summary every each all list briefly"),
);

// At most this many picks or summary lines: a narrowed answer is short, a summary fits a phone screen.
const maxNarrowedItems = 5;
const maxSummaryLines = 12;
// A summary line quotes one sentence of up to this many characters: enough to say what the part is about.
const summarySentenceChars = 240;

const asPassage = (chunk: Chunk): Passage => ({ ...chunk, score: 0, similarity: 0 });

/** The items of a passage a follow-up can pick from: each list item, and each sentence of prose. */
function itemsOf(passage: Passage): string[] {
  return passage.text.split(/\n+/).flatMap((line) => {
    const trimmed = line.trim();
    if (trimmed === "") return [];
    return /^(?:[-•*▪]\s|\(?[a-z0-9]{1,3}[.)]\s)/i.test(trimmed) ? [trimmed] : splitTextSentences(trimmed);
  });
}

/**
 * "Which of those is about cities?": the items of the previous answer's evidence that mention what the
 * follow-up asks about, each cited. Undefined when none does (the caller then searches the whole corpus).
 */
export function narrowEvidence(
  question: string,
  evidence: readonly Passage[],
  idf: (term: string) => number,
): Answer | undefined {
  const asked = contentTerms(question).filter((t) => !referenceTerms.has(t) && idf(t) > 0);
  if (asked.length === 0) return undefined;
  const scored = evidence.flatMap((passage) =>
    itemsOf(passage).map((item) => {
      const terms = new Set(contentTerms(item));
      return { passage, item, score: asked.filter((t) => terms.has(t)).reduce((sum, t) => sum + idf(t), 0) };
    }),
  );
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best <= 0) return undefined;
  // Only the items that match as well as the best one: "which of those" asks for a pick, not the list again.
  const picked = scored.filter((s) => s.score >= best).slice(0, maxNarrowedItems);
  const numbers = new Map<string, number>();
  const citations: Citation[] = [];
  const lines = picked.map(({ passage, item }) => {
    let n = numbers.get(passage.id);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(passage.id, n);
      citations.push(citationOf(passage, n, ""));
    }
    const text = stripNumbering(item.replace(/^[-•*▪]\s+/, "")).trim();
    const citation = citations[n - 1] as Citation;
    citation.quote = citation.quote ? `${citation.quote} … ${text}` : text;
    return { text, n };
  });
  const answer =
    lines.length === 1
      ? `${lines[0]?.text} [${lines[0]?.n}]`
      : lines.map((line) => `- ${line.text} [${line.n}]`).join("\n");
  return {
    answer,
    mode: "extractive",
    citations,
    found: true,
    passages: [...new Map(picked.map((p) => [p.passage.id, p.passage])).values()],
  };
}

const headingOf = (part: string): string => stripNumbering(part).trim();

/**
 * "Summarise every area of cooperation in the 2016-2020 strategy": the section of the best-matching
 * document whose heading names the topic, one line per subsection (its title and first sentence), cited.
 */
export function summariseSection(
  topic: string,
  top: readonly Passage[],
  chunks: readonly Chunk[],
  idf: (term: string) => number,
): Answer | undefined {
  // "area of cooperation in the 2016-2020 strategy": the heading is named before "in the …", the document after.
  const qualified = /^(.+?)\s+(?:in|of|from|under)\s+(?:the\s+)?(\S.*)$/i.exec(topic);
  const named = (qualified?.[1] ?? topic).replace(/^(?:the\s+)/i, "");
  const wanted = contentTerms(named).filter((t) => !summaryTerms.has(t) && idf(t) > 0);
  const qualifier = qualified?.[2] ? contentTerms(qualified[2]) : [];
  // The document: among those retrieved, the one whose title names the qualifier best (ties: retrieval order).
  const files = [...new Map(top.map((p) => [p.meta.file, p.meta])).values()];
  const nameScore = (meta: { file: string; title: string }) => {
    const terms = new Set(contentTerms(`${meta.title} ${meta.file.replace(/[-_.]/g, " ")}`));
    return qualifier.filter((t) => terms.has(t)).length;
  };
  const file = [...files].sort((a, b) => nameScore(b) - nameScore(a))[0]?.file;
  if (file === undefined) return undefined;
  const inFile = chunks.filter((c) => c.meta.file === file).sort((a, b) => a.meta.start - b.meta.start);
  // Every heading path of the document, with its subsections in document order.
  const sections = new Map<string, Map<string, Chunk>>();
  for (const chunk of inFile) {
    const parts = chunk.meta.section.split(" › ").filter((p) => p.trim() !== "");
    parts.forEach((_, i) => {
      const path = parts.slice(0, i + 1).join(" › ");
      const children = sections.get(path) ?? new Map<string, Chunk>();
      const child = parts[i + 1];
      if (child !== undefined && !children.has(child)) children.set(child, chunk);
      sections.set(path, children);
    });
  }
  let best: { path: string; score: number; children: Map<string, Chunk> } | undefined;
  for (const [path, children] of sections) {
    // A summary covers a section with parts; a table of contents repeats headings without text.
    if (children.size < 2 || /contents/i.test(path)) continue;
    const heading = new Set(contentTerms(headingOf(path.split(" › ").at(-1) ?? "")));
    const score = wanted.filter((t) => heading.has(t)).reduce((sum, t) => sum + idf(t), 0);
    if (score > 0 && (!best || score > best.score || (score === best.score && children.size > best.children.size))) {
      best = { path, score, children };
    }
  }
  if (!best) return undefined;
  const citations: Citation[] = [];
  const lines: string[] = [];
  const passages: Passage[] = [];
  for (const [child, chunk] of [...best.children].slice(0, maxSummaryLines)) {
    const title = headingOf(child);
    const sentence = splitTextSentences(chunk.text)
      // Without bullets, numbering and a leading label ("Objective: to carry out …").
      .map((s) => stripNumbering(s.replace(/^[-•*▪]\s+/, "")).replace(/^[A-Z][a-z]+(?: [a-z]+)?:\s+(?=\S)/, ""))
      // A label ("Objective:") or the heading repeated says nothing about the part.
      .find((s) => s.split(/\s+/).length >= 5 && headingOf(s) !== title);
    const n = citations.length + 1;
    const quote = sentence ? truncate(sentence, summarySentenceChars) : "";
    const { title: docTitle, section, page } = chunk.meta;
    citations.push({ n, file: chunk.meta.file, title: docTitle, section, page, quote });
    passages.push(asPassage(chunk));
    lines.push(quote ? `- **${title}**: ${quote} [${n}]` : `- **${title}** [${n}]`);
  }
  const more =
    best.children.size > maxSummaryLines ? `\n\n…and ${best.children.size - maxSummaryLines} more parts.` : "";
  return {
    answer: `${headingOf(best.path.split(" › ").at(-1) ?? "")}, part by part:\n${lines.join("\n")}${more}`,
    mode: "extractive",
    citations,
    found: true,
    passages,
  };
}

// Question words and auxiliaries: what a follow-up asks for is in its other words.
const questionTerms = new Set(
  contentTerms("what which who whom whose when where why how many much is are was were do does did has have had"),
);

/** Lower case, hyphens and runs of spaces as one space: for matching a name inside a paragraph. */
const flat = (text: string) => text.toLowerCase().replace(/[-‐–—\s]+/g, " ");

/**
 * A follow-up about the same subject ("where is CAEC based?") is answered only by quotes that are about the
 * subject and say something new: a paragraph must name the subject (all its terms, or its expansion, e.g.
 * an acronym's full name) and hold a term of the new question. The previous answer's sentences again, or a
 * sentence that shares a word by chance, are no answer.
 */
export function keepFollowUpAnswer(
  answer: Answer,
  subject: { terms: string[]; names: string[] },
  askedTerms: readonly string[],
): Answer {
  if (!answer.found || subject.terms.length === 0 || askedTerms.length === 0) return answer;
  const paragraphs = answer.answer.split(/\n{2,}/);
  const kept = paragraphs.filter((paragraph) => {
    const terms = new Set(contentTerms(paragraph));
    const named =
      subject.terms.every((t) => terms.has(t)) || subject.names.some((name) => flat(paragraph).includes(flat(name)));
    return named && askedTerms.some((t) => terms.has(t));
  });
  if (kept.length === paragraphs.length) return answer;
  if (kept.length === 0) {
    return {
      answer: `${notFoundAnswer} The closest passages are listed below; they may not answer the question.`,
      mode: answer.mode,
      citations: [],
      found: false,
      passages: answer.passages,
    };
  }
  // Renumber the citations the kept paragraphs use, in order.
  const renumber = new Map<number, number>();
  for (const paragraph of kept) {
    for (const match of paragraph.matchAll(/\[(\d+)\]/g)) {
      const n = Number(match[1]);
      if (!renumber.has(n)) renumber.set(n, renumber.size + 1);
    }
  }
  const text = kept.join("\n\n").replace(/\[(\d+)\]/g, (whole, n: string) => {
    const to = renumber.get(Number(n));
    return to === undefined ? whole : `[${to}]`;
  });
  const citations = answer.citations
    .flatMap((c) => {
      const n = renumber.get(c.n);
      return n === undefined ? [] : [{ ...c, n }];
    })
    .sort((a, b) => a.n - b.n);
  const cited = new Set(citations.map((c) => `${c.file}\u0000${c.section}`));
  return {
    ...answer,
    answer: text,
    citations,
    passages: answer.passages.filter((p) => cited.has(`${p.meta.file}\u0000${p.meta.section}`)),
  };
}

/** `answer` to a follow-up about `subject`, kept only where it is about the subject and the new question. */
function aboutSubject(question: string, subject: string, answer: Answer, tools: ConversationTools): Answer {
  const terms = contentTerms(subject).filter((t) => tools.idf(t) > 0);
  // What retrieval adds to the subject (an acronym's full name) is another name for it.
  const added = tools.expand ? tools.expand(subject).replace(subject, "").replace(/[()]/g, " ").trim() : "";
  // More than 3 characters: a real other name, not a stray letter left by the expansion.
  const names = added.length > 3 ? [added] : [];
  const subjectSet = new Set([...terms, ...contentTerms(added)]);
  const asked = contentTerms(question).filter(
    (t) => !referenceTerms.has(t) && !questionTerms.has(t) && !subjectSet.has(t) && tools.idf(t) > 0,
  );
  return keepFollowUpAnswer(answer, { terms, names }, asked);
}

/** The previous answer's evidence: its passages by id, or, when the ids were not kept, its question answered again. */
async function previousEvidence(previous: PreviousExchange, tools: ConversationTools): Promise<Passage[]> {
  if (previous.passageIds && previous.passageIds.length > 0) {
    const byId = new Map(tools.chunks.map((c) => [c.id, c]));
    const found = previous.passageIds.flatMap((id) => {
      const chunk = byId.get(id);
      return chunk ? [asPassage(chunk)] : [];
    });
    if (found.length > 0) return found;
  }
  const again = tools.answer(previous.question, await tools.retrieve(previous.question));
  return again.found ? again.passages : [];
}

/**
 * Answers a question in its conversation: narrows the previous evidence, resolves "it" to the subject,
 * summarises a named section, or answers afresh. Adapters pass their history as it is.
 */
export async function answerInConversation(
  question: string,
  history: readonly ConversationTurn[],
  tools: ConversationTools,
): Promise<Answer> {
  const plan = planConversation(question, history);
  switch (plan.kind) {
    case "summary": {
      const summary = summariseSection(plan.topic, await tools.retrieve(plan.topic), tools.chunks, tools.idf);
      if (summary) return summary;
      // No section names the topic: answer the request as an ordinary question about it.
      return tools.answer(plan.topic, await tools.retrieve(plan.topic));
    }
    case "narrow": {
      const narrowed = narrowEvidence(plan.question, await previousEvidence(plan.previous, tools), tools.idf);
      if (narrowed) return narrowed;
      // Nothing in the previous answer matches: the whole corpus, still about the same subject.
      return aboutSubject(
        plan.question,
        plan.subject,
        tools.answer(plan.resolved, await tools.retrieve(plan.resolved)),
        tools,
      );
    }
    case "follow-up": {
      const answer = tools.answer(plan.resolved, await tools.retrieve(plan.resolved));
      return plan.subject === undefined ? answer : aboutSubject(plan.question, plan.subject, answer, tools);
    }
    case "fresh":
      return tools.answer(plan.question, await tools.retrieve(plan.question));
  }
}
