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
    .split("\n")
    .reduce(withTableRows, [])
    .join("\n")
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

/**
 * A line whose cells are separated by tabs (a table saved as text: "Action 1: …\tAction 1-1: …\t2016") as a
 * table row, "| Action 1: … | Action 1-1: … | 2016 |", which the structure parser and the chunker keep one
 * per line. With the tabs read as spaces, the rows ran together into one "sentence" of a whole table.
 * A line indented by a tab, with no tab after its text, stays a line of prose; a list item and a table of contents
 * entry stay what they are.
 */
function tableCells(line: string): string[] | undefined {
  // A list marker before a tab ("•\tfirst item", "1.\tText", "(a)\tText") is an item, not a cell.
  const unmarked = line.replace(/^\s*(?:[\uf0b7\uf0a7\u25aa\u25cf\u2022*-]|\(?[a-z0-9]{1,4}[.)])\t/i, "");
  // A line ending in a page number ("\t4.1 Policy Dialogue\t8") is an entry of a table of contents.
  if (!/\S\t/.test(unmarked) || /\t\s*\d{1,3}\s*$/.test(line)) return undefined;
  return line
    .replace(/\s+$/, (end) => end.replace(/[^\t]/g, ""))
    .split("\t")
    .map((cell) => cell.trim());
}

const tableRow = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;

/**
 * Appends a line to the lines before it, as a table row when its cells are tab-separated. A row whose every
 * filled cell goes on in lower case ("\tindustrial cooperation on …\t", "\t(CAECA)\t") is the rest of the row
 * above, wrapped in its cells: it is joined to that row cell by cell, so a row reads whole.
 */
function withTableRows(lines: string[], line: string): string[] {
  const cells = tableCells(line);
  if (!cells) {
    lines.push(line);
    return lines;
  }
  const previous = lines.at(-1);
  const above = previous?.startsWith("| ") ? previous.slice(2, -2).split(" | ") : undefined;
  const filled = cells.filter((cell) => cell !== "");
  if (above && above.length === cells.length && filled.length > 0 && filled.every((cell) => /^[a-z(]/.test(cell))) {
    lines[lines.length - 1] = tableRow(above.map((cell, i) => `${cell} ${cells[i] ?? ""}`.trim()));
    return lines;
  }
  lines.push(tableRow(cells));
  return lines;
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
