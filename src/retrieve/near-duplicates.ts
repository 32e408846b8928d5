import type { Passage } from "../core/types.js";

// Word triples: pairs match across unrelated passages ("the parties"), longer runs miss a lightly edited copy.
function shingles(text: string, size = 3): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(" "));
  return out;
}

/** Share of the smaller passage's word triples that the other one also has (0..1). */
export function overlap(a: string, b: string): number {
  return shingleOverlap(shingles(a), shingles(b));
}

function shingleOverlap(sa: Set<string>, sb: Set<string>): number {
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/**
 * Drops passages that repeat a better-ranked passage from another document (the same paragraph
 * quoted in two strategies), so the answer does not cite one sentence twice.
 */
export function collapseNearDuplicates<P extends Passage>(
  passages: readonly P[],
  // 70 % shared triples: a lightly edited copy, not a paragraph on the same topic. Set by hand; 0.9 changed
  // neither public nor dev tune, whose questions rarely meet a copied paragraph.
  threshold = 0.7,
  limit = Infinity,
): P[] {
  const kept: { passage: P; shingles: Set<string> }[] = [];
  for (const passage of passages) {
    if (kept.length >= limit) break;
    const own = shingles(passage.text);
    const duplicate = kept.some(
      (k) => k.passage.meta.file !== passage.meta.file && shingleOverlap(k.shingles, own) >= threshold,
    );
    if (!duplicate) kept.push({ passage, shingles: own });
  }
  return kept.map((k) => k.passage);
}
