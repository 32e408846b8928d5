/**
 * Shortens to at most `max` characters (code points), cutting on a word boundary where one is near
 * the end, with an ellipsis. The one truncation helper of the code base.
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(0, max - 1)).join("");
  const space = head.lastIndexOf(" ");
  // Cut at the last space only when it keeps most of the room (60 %); otherwise mid-word.
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
export function charLength(text: string): number {
  return [...text].length;
}
