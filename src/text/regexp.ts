/** `text` as a regular expression that matches it literally ("(2009)" → "\(2009\)"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
