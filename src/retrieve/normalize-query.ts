import { normalizeText } from "../text/index.js";

export { normalizeText };

/**
 * The query used for retrieval: normalised, with every acronym the corpus defines followed by its
 * expansion ("What is CAEC?" → "What is CAEC (China-ASEAN Environmental Cooperation Center)?"), and
 * each name in `shortForms` (expansion → acronym) by its acronym.
 */
export function expandQuery(
  question: string,
  acronyms: ReadonlyMap<string, string>,
  shortForms: ReadonlyMap<string, string> = new Map(),
): string {
  const normalized = normalizeText(question);
  const additions: string[] = [];
  for (const token of normalized.match(/\b[A-Za-z][A-Za-z&]{1,9}\b/g) ?? []) {
    const upper = token.toUpperCase();
    // Acronyms are matched when written in capitals, or in any case when four letters or more ("caec").
    const candidate = token === upper || token.length >= 4 ? acronyms.get(upper) : undefined;
    if (candidate && !additions.includes(candidate) && !normalized.toLowerCase().includes(candidate.toLowerCase())) {
      additions.push(candidate);
    }
  }
  // The other way round too: a question that spells a name out ("ASEAN Member States") also searches the
  // acronym the documents mostly write ("AMS").
  const lower = normalized.toLowerCase();
  for (const [expansion, acronym] of shortForms) {
    if (lower.includes(expansion.toLowerCase()) && !new RegExp(`\\b${acronym}\\b`, "i").test(normalized)) {
      if (!additions.includes(acronym)) additions.push(acronym);
    }
  }
  return additions.length > 0 ? `${normalized} (${additions.join("; ")})` : normalized;
}
