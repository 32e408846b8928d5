/** Heading under which footnotes lifted out of the body are kept (they can hold answers). */
export const footnotesHeading = "# Footnotes";

/**
 * Removes PDF layout noise from extracted text: page numbers, footnote markers glued to words,
 * hyphenation at line ends, stray bullet glyphs. Footnotes that the layout put in the middle of a
 * paragraph are moved to the end, under a "Footnotes" heading, so nothing is lost.
 * Line structure is kept; joining lines into paragraphs is the structure parser's job.
 */
export function cleanText(raw: string): string {
  const normalised = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/\t/g, " ")
    .replace(/[\uf0b7\uf0a7\u25aa\u25cf\u2022]\s*/g, "• ");
  // A line opening with a superscript marker ("¹ South-South Cooperation is a term …") is a footnote the
  // layout left between two lines of the body.
  const marked: string[] = [];
  const unmarked = normalised
    .split("\n")
    .filter((line) => {
      const note = superscriptFootnote.exec(line);
      if (note?.[1]) marked.push(note[1].trim());
      return !note;
    })
    .join("\n");
  let text = unmarked.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "");

  const lifted = liftPageNumbersAndFootnotes(text);
  const footnotes = [...lifted.footnotes, ...marked];
  text = footnotes.length > 0 ? `${lifted.body}\n\n${footnotesHeading}\n\n${footnotes.join("\n\n")}` : lifted.body;
  // "environ-\nmental" → "environmental"; only lower-case on both sides, so "South-\nSouth" stays.
  text = text.replace(/([a-z])-\n[ ]*([a-z])/g, "$1$2");
  text = removeGluedFootnoteMarkers(text);
  return text
    .replace(/[ ]{2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const pageNumberLine = /^\s*\d{1,3}\s*$/;
const superscriptFootnote = /^\s*[\u00b9\u00b2\u00b3\u2070-\u2079]+\s*(\p{Lu}.*)$/u;

/**
 * A lone number on a line is a page number. In text extracted from these PDFs a footnote follows it
 * after a blank line, and the body resumes on a line that starts with a space: the page number is
 * dropped and the footnote lifted out.
 */
function liftPageNumbersAndFootnotes(text: string): { body: string; footnotes: string[] } {
  const lines = text.split("\n");
  const kept: string[] = [];
  const footnotes: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!pageNumberLine.test(line)) {
      kept.push(line);
      continue;
    }
    let j = i + 1;
    if ((lines[j] ?? "").trim() === "") {
      while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
      const footnoteStart = j;
      while (j < lines.length && j - footnoteStart < 4 && /^\S/.test(lines[j] ?? "")) j++;
      const resumesBody = /^\s+\S/.test(lines[j] ?? "");
      if (resumesBody && j > footnoteStart) {
        footnotes.push(lines.slice(footnoteStart, j).join(" ").trim());
        i = j - 1; // skip the page number, blank lines and footnote lines
      }
    }
    // Only the page number goes; what follows is body text.
  }
  return { body: kept.join("\n"), footnotes };
}

/**
 * Footnote markers appear glued to words ("China-ASEAN1 Summit", "43.7%4 of"). A trailing digit is
 * dropped only when the same word occurs elsewhere without it, so names like "G20" stay.
 */
function removeGluedFootnoteMarkers(text: string): string {
  let out = text.replace(/(\d%)\d{1,2}(?=[\s,.;)])/g, "$1");
  out = out.replace(/\b([A-Za-z][A-Za-z-]*[A-Za-z])(\d)(?=[\s,.;)])/g, (match, word: string) => {
    const bare = new RegExp(`\\b${word.replace(/[-]/g, "\\-")}\\b(?!\\d)`);
    return bare.test(text.replace(match, "")) ? word : match;
  });
  return out;
}
