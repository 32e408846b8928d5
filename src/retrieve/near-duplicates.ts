import type { Passage } from "../core/types.js";

function shingles(text: string, size = 3): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(" "));
  return out;
}

/** Share of the smaller passage's word triples that the other one also has (0..1). */
export function overlap(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
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
export function collapseNearDuplicates(passages: readonly Passage[], threshold = 0.7): Passage[] {
  const kept: Passage[] = [];
  for (const passage of passages) {
    const duplicate = kept.some((k) => k.meta.file !== passage.meta.file && overlap(k.text, passage.text) >= threshold);
    if (!duplicate) kept.push(passage);
  }
  return kept;
}
