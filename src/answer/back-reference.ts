import type { EvidenceUnit } from "./evidence-units.js";

/** The unit's paragraph up to the unit: what a sentence opening "The Forum …" may point back to. */
export function paragraphBefore(unit: EvidenceUnit): string {
  const paragraph = unit.passage.text.split("\n").find((line) => line.includes(unit.text)) ?? "";
  return paragraph.slice(0, Math.max(0, paragraph.indexOf(unit.text)));
}

// "The Forum themed …", "The Centre will …": the sentence's subject is "the" and a capitalised head word
// (one to three words), the documents' short form of a name they have just given.
const openingHead = /^The ((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)/u;

/** The capitalised words after an opening "The" ("Forum" in "The Forum themed …"); undefined otherwise. */
export function openingShortName(text: string): string | undefined {
  return openingHead.exec(text)?.[1];
}

// Capitalised words (or "and", "of", "for", "on" between them) a full name runs over before its head word.
const nameWords = 8;

/**
 * The full name a sentence's opening "The X" shortens: the last name in its paragraph so far that ends
 * in X's head word ("In October 2011, the first ASEAN-China Environmental Cooperation Forum was held …
 * The Forum themed …" → "ASEAN-China Environmental Cooperation Forum"). Undefined when the sentence does
 * not open so, or nothing before it is so named.
 */
export function antecedentName(unit: EvidenceUnit): string | undefined {
  const short = openingShortName(unit.text);
  const head = short?.split(/\s+/).at(-1);
  if (!head) return undefined;
  const before = paragraphBefore(unit);
  const escaped = head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const name = new RegExp(
    `(?:\\p{Lu}[\\p{L}\\p{N}&-]*\\s+(?:(?:and|of|for|on|the)\\s+)?){1,${nameWords}}${escaped}\\b`,
    "gu",
  );
  const found = [...before.matchAll(name)].at(-1)?.[0];
  // The name must say more than the short form does.
  return found && found.split(/\s+/).length > (short?.split(/\s+/).length ?? 0) ? found : undefined;
}
