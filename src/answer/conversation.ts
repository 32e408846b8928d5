import type { ConversationTurn } from "../core/types.js";
import { stripPreamble } from "./question-analysis.js";

/**
 * What a question means in its conversation, decided before anything is retrieved:
 * - `fresh`: a question of its own (also a new topic in the same thread);
 * - `narrow`: "which of those / them …" — pick from the previous answer's evidence;
 * - `follow-up`: "and where is it based?" — the same subject, a new question: `resolved` names the subject;
 * - `summary`: "Summarise / describe every … in X" — answered from the section it names.
 */
export type ConversationPlan =
  | { kind: "fresh"; question: string }
  | { kind: "narrow"; question: string; resolved: string; subject: string; previous: PreviousExchange }
  | { kind: "follow-up"; question: string; resolved: string; subject?: string }
  | { kind: "summary"; question: string; topic: string };

/** The last question and answer of the conversation. */
export interface PreviousExchange {
  /** The previous question with its own references resolved. */
  question: string;
  /** Ids of the passages the previous answer drew on, when the adapter kept them. */
  passageIds?: string[];
  found?: boolean;
}

// "those", "these", "them", "which of", "any of the above": the new question picks among what was just shown.
const narrowingCue =
  /\b(?:those|these|them|(?:which|what|any|one|some|none|each|all)\s+of\s+(?:the\s+)?(?:above|list))\b/i;
// "it", "its", "they", "that", "this one": the same subject, another question about it.
const referenceCue = /\b(?:it|its|they|their|theirs|that one|this one|the same)\b/i;
// "and in 2009?", "what about biodiversity?": too short to stand alone, searched with the previous question.
const continuationCue = /^(?:and|also|what about|how about|and what|then)\b/i;
// "Summarise / describe / outline / list every|each|all …": a request for a summary of a whole section.
const summaryCue =
  /^(?:please\s+)?(?:summari[sz]e|describe|outline|give (?:me )?(?:an? )?(?:summary|overview) of|list|go through)\s+(?:(?:briefly|all)\s+)?(?:of\s+)?(?:the\s+)?(?:every|each|all)\b/i;

/** The subject of a question: it without question words, auxiliaries and a closing verb ("When was CAEC established?" → "CAEC"). */
export function subjectOf(question: string): string {
  return (
    stripPreamble(question)
      .replace(/[?!.\s]+$/, "")
      .replace(/^(?:and|also|so|then)\s+/i, "")
      // "who established X?": the subject follows the verb.
      .replace(/^who\s+\w+(?:ed|es|s)\s+(?=\S)/i, "")
      .replace(/^(?:what|which|who|whom|whose|when|where|why|how(?:\s+many|\s+much|\s+long|\s+often)?)\s+/i, "")
      .replace(/^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s+/i, "")
      .replace(/\s+(?:\w+ed|set up|held|begun|made|run|done|known|based|located)(?:\s+(?:in|on|at|by))?$/i, "")
      .trim()
  );
}

/** Replaces the first reference ("it", "its", "those", …) with `subject`, dropping a leading "and". */
export function resolveReference(question: string, subject: string): string {
  const q = stripPreamble(question).replace(/^(?:and|also|so|then)\s+/i, "");
  const pattern = /\b(?:its|their)\b|\b(?:it|they|them|those|these|that one|this one)\b/i;
  const match = pattern.exec(q);
  if (!match || subject === "") return `${subject} ${q}`.trim();
  const replacement = /^(?:its|their)$/i.test(match[0]) ? `${subject}'s` : subject;
  return q.slice(0, match.index) + replacement + q.slice(match.index + match[0].length);
}

/** The previous question and answer, the question resolved against the turns before it. */
function previousExchange(history: readonly ConversationTurn[]): PreviousExchange | undefined {
  const lastUser = history.map((turn) => turn.role).lastIndexOf("user");
  if (lastUser < 0) return undefined;
  const user = history[lastUser] as ConversationTurn;
  const answer = history.slice(lastUser + 1).find((turn) => turn.role === "assistant");
  const earlier = history.slice(0, lastUser);
  // A previous follow-up ("and where is it based?") is itself resolved first, so references chain.
  const plan = planConversation(user.text, earlier);
  const question = plan.kind === "narrow" || plan.kind === "follow-up" ? plan.resolved : user.text;
  return { question, passageIds: answer?.passageIds, found: answer?.found };
}

/** Reads a question in its conversation (oldest turn first). Pure: no retrieval, no Slack, no I/O. */
export function planConversation(question: string, history: readonly ConversationTurn[] = []): ConversationPlan {
  const q = stripPreamble(question.trim());
  // A fresh question goes on exactly as asked (the caller has already normalised it).
  const fresh: ConversationPlan = { kind: "fresh", question: question.trim() };
  if (summaryCue.test(q)) {
    const topic = q
      .replace(summaryCue, "")
      .replace(/^\s*(?:of\s+)?(?:the\s+)?/i, "")
      .replace(/[?!.\s]+$/, "");
    if (topic !== "") return { kind: "summary", question: q, topic };
  }
  const previous = previousExchange(history);
  if (!previous) return fresh;
  const subject = subjectOf(previous.question);
  if (narrowingCue.test(q) && previous.found !== false) {
    return { kind: "narrow", question: q, resolved: resolveReference(q, subject), subject, previous };
  }
  if (referenceCue.test(q)) return { kind: "follow-up", question: q, resolved: resolveReference(q, subject), subject };
  // "and in the 2009-2015 strategy?" has no subject of its own: it is read with the whole previous question.
  if (continuationCue.test(q) && q.split(/\s+/).length <= 6) {
    return { kind: "follow-up", question: q, resolved: `${previous.question} ${q}` };
  }
  return fresh;
}
