/**
 * Whether a sentence tells that an event happened or only that it was meant to. "When was the centre
 * set up?" is not answered by "In 2007 the leader proposed to set up the centre", nor "Where was the
 * workshop held?" by "A workshop is planned to be held in 2007": the event had not happened yet.
 */

/**
 * Words the documents use for the same event ("set up" / "established"), so a sentence in another
 * wording than the question's still counts as naming the event. Each group: word prefixes that name the
 * event (to match any inflection).
 */
export interface EventGroup {
  prefixes: readonly string[];
}

const eventGroups: readonly EventGroup[] = [
  { prefixes: ["set up", "establish", "founded", "created", "inaugurat"] },
  { prefixes: ["held", "hold", "convene", "organised", "organized", "took place", "hosted"] },
  { prefixes: ["launch", "started", "began", "inaugurat"] },
  { prefixes: ["adopt", "approve", "endorse", "signed"] },
  { prefixes: ["attend"] },
  { prefixes: ["conclude", "completed", "finished", "published", "released"] },
];

// One pattern a group: any of its prefixes at the start of a word (read for every candidate sentence).
const groupPatterns = new Map(
  eventGroups.map((group) => [group, new RegExp(`(?<![\\p{L}])(?:${group.prefixes.join("|")})`, "iu")]),
);

/** The event groups a text names. */
export function eventGroupsIn(text: string): EventGroup[] {
  return eventGroups.filter((group) => groupPatterns.get(group)?.test(text));
}

// Words that make what follows an intention, a plan or a prospect rather than a fact.
const intent =
  /\b(?:propos\w*|plan(?:s|ned)?|will|shall|prepared|intends?|intended|expected|agreed|decided|aims?|aimed|due|may|might|could|would|should|to be|going to|targeted|explore|possibility|consider|envisag\w*)\b/i;

// Within this many words after an intent word, an event word is governed by it ("proposed to set up the").
const intentReach = 4;

/** The events a question asks about in the past tense ("When was it set up?"); none for a question about plans. */
export function askedPastEvents(question: string): EventGroup[] {
  const q = question.toLowerCase();
  // Intent words inside a name ("Action Plan III") do not make the question one about plans.
  const plain = question.replace(/\p{Lu}[\p{L}-]*/gu, "").toLowerCase();
  // "The Chinese side was to set up an office: where?" asks what was planned, as "supposed to" does.
  if (
    !/\b(?:was|were|did|had)\b/.test(q) ||
    intent.test(plain) ||
    /\b(?:supposed|meant|scheduled)\b|\b(?:was|were) to \p{L}/u.test(plain)
  )
    return [];
  return eventGroupsIn(q);
}

/**
 * True when the text names an asked event only as intended ("proposed to set up", "is planned to be
 * held") and never as done, or speaks only of the future ("the parties will review it in 2018").
 */
export function onlyIntended(text: string, events: readonly EventGroup[]): boolean {
  if (events.length === 0) return false;
  // A sentence in the future tense that never names the event tells what was to happen, not what did.
  if (eventGroupsIn(text).every((g) => !events.includes(g))) return /\b(?:will|shall)\b/i.test(text);
  const written = text.split(/\s+/);
  const words = written.map((w) => w.toLowerCase());
  let intended = false;
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i, i + 2).join(" ");
    if (!events.some((group) => group.prefixes.some((p) => rest.startsWith(p)))) continue;
    // Intent words inside a name do not count: "the Action Plan (2021-2025) was jointly adopted" is done.
    const before = written
      .slice(Math.max(0, i - intentReach), i)
      .filter((w) => !/^\p{Lu}/u.test(w))
      .join(" ");
    if (intent.test(before)) intended = true;
    else return false;
  }
  return intended;
}

/** Whether the text names an asked event as done ("In 2010 the ministry established the centre"). */
export function namesDone(text: string, events: readonly EventGroup[]): boolean {
  return events.length > 0 && eventGroupsIn(text).some((g) => events.includes(g)) && !onlyIntended(text, events);
}
