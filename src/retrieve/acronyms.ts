import type { Chunk } from "../core/types.js";

const joiningWords = new Set(["of", "and", "the", "for", "on", "in", "&", "to"]);

/**
 * Finds definitions of the form "Full Name (ACRONYM)" in the corpus, e.g.
 * "China-ASEAN Environmental Cooperation Center (CAEC)" → CAEC. The expansion is the run of words
 * before the parenthesis whose initials spell the acronym; joining words ("of", "and") may sit inside.
 */
export function findAcronymDefinitions(chunks: readonly Chunk[]): Map<string, string> {
  const definitions = new Map<string, string>();
  const pattern = /((?:[\p{L}\d'’&-]+\s+){1,12})\(([A-Z][A-Za-z&]{1,9})\)/gu;
  for (const chunk of chunks) {
    for (const match of chunk.text.matchAll(pattern)) {
      const acronym = match[2];
      const before = match[1];
      if (!acronym || !before || definitions.has(acronym)) continue;
      const expansion = expand(acronym, before.trim().split(/\s+/));
      if (expansion) definitions.set(acronym, expansion);
    }
  }
  return definitions;
}

function initialsOf(word: string): string {
  // "China-ASEAN" contributes C and A; "Eco-city" contributes E only when the part is capitalised.
  return word
    .split("-")
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0] ?? "")
    .join("");
}

/** How many of `phrase`'s first words spell `target` by their initials (joining words inside), if they do. */
function spellingLength(target: string, phrase: readonly string[]): number | undefined {
  if (!/^\p{Lu}/u.test(phrase[0] ?? "")) return undefined;
  let initials = "";
  let used = 0;
  for (const word of phrase) {
    if (joiningWords.has(word.toLowerCase())) {
      used++;
      continue;
    }
    const next = initialsOf(word);
    if (next === "") break;
    initials += next;
    used++;
    if (initials.length >= target.length) break;
  }
  return initials.toUpperCase() === target ? used : undefined;
}

function expand(acronym: string, words: string[]): string | undefined {
  const target = acronym.replace(/[^A-Z]/g, "");
  if (target.length < 2) return undefined;
  // Try each starting word, nearest phrases last, so the longest faithful expansion wins.
  for (let start = Math.max(0, words.length - 12); start < words.length; start++) {
    const phrase = words.slice(start).filter((w) => !/^\d+$/.test(w));
    const used = spellingLength(target, phrase);
    if (used !== undefined)
      return phrase
        .slice(0, used)
        .join(" ")
        .replace(/^the\s+/i, "");
  }
  return undefined;
}

/**
 * The phrase of `text` whose initials spell an acronym the text never defines ("NPC" in "… the National
 * People's Congress …"), if there is one: a user may use a common acronym the documents only spell out.
 */
export function spelledOutIn(acronym: string, text: string): string | undefined {
  if (!/^[A-Z]{2,6}$/.test(acronym)) return undefined;
  const words = text.split(/\s+/).map((w) => w.replace(/^[("“]+|[)"”,.;:]+$/g, ""));
  for (let start = 0; start < words.length; start++) {
    if (joiningWords.has((words[start] ?? "").toLowerCase())) continue;
    const used = spellingLength(acronym, words.slice(start, start + 2 * acronym.length + 2));
    if (used !== undefined && used >= acronym.length) return words.slice(start, start + used).join(" ");
  }
  return undefined;
}
