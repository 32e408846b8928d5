// Paragraph and list numbering at the start of a quoted sentence: "14. ", "4.1 ", "(a) ", "iv) ", "• ".
const leadingNumbering =
  /^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+(?=\S)|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)\s+|(?:[a-z]|[ivxlc]{1,6})\)\s+|[•▪◦*-]\s+)/i;

/** Removes paragraph or list numbering from the start of a sentence ("14. In November 2007, …" → "In November 2007, …"). */
export function stripNumbering(sentence: string): string {
  return sentence.replace(leadingNumbering, "");
}
