/**
 * The answer's Markdown, made ready for Slack's `markdown` block and for streamed `markdown_text`, both of which
 * Slack renders as Markdown itself. Three things are still ours to do: no `<!channel>`, `<@U…>` or `<#C…>` may
 * reach Slack live, tables become lists (a table does not read on a phone), and paragraph numbers copied from
 * the documents ("24. In October 2011…") go.
 */

// A zero-width space after `<` keeps `<!channel>` visible as text but stops Slack reading it as a mention.
// (`&lt;` would show literally: Markdown blocks do not decode entities.)
const ZERO_WIDTH_SPACE = "\u200b";

/** Breaks Slack's special `<!…>`, `<@…>` and `<#…>` sequences (and `<` + URL links) without changing how text reads. */
export function neutraliseMentions(text: string): string {
  return text.replace(/<(?=[!@#]|[a-z][a-z0-9+.-]*:)/gi, `<${ZERO_WIDTH_SPACE}`);
}

const tableRow = /^\s*\|.*\|\s*$/;
const separatorRow = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());

/** A Markdown table as a list: one item per row, "**first cell**: header: cell; header: cell". */
export function tablesToLists(markdown: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    if (!(tableRow.test(line) && separatorRow.test(next))) {
      out.push(line);
      continue;
    }
    const header = cells(line);
    i += 2;
    for (; i < lines.length && tableRow.test(lines[i] ?? ""); i++) {
      const row = cells(lines[i] ?? "");
      const [first = "", ...rest] = row;
      const details = rest
        .map((cell, c) => (cell === "" ? "" : header[c + 1] ? `${header[c + 1]}: ${cell}` : cell))
        .filter((part) => part !== "")
        .join("; ");
      out.push(details ? `- **${first}**: ${details}` : `- ${first}`);
    }
    i--;
  }
  return out.join("\n");
}

/** Removes a document's paragraph number at the start of a prose paragraph ("24. In October…"), keeping real lists. */
export function stripParagraphNumbers(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((paragraph) => {
      const lines = paragraph.split("\n");
      // Two numbered lines in a row are an ordered list, not a paragraph number.
      if (lines.length > 1 && /^\d{1,3}\.\s/.test(lines[1] ?? "")) return paragraph;
      return paragraph.replace(/^\d{1,3}\.\s+(?=[A-Z“"(])/, "");
    })
    .join("\n\n");
}

/** What goes into a `markdown` block or a stream: the answer, safe and readable in Slack. */
export function toSlackMarkdown(markdown: string): string {
  return neutraliseMentions(stripParagraphNumbers(tablesToLists(markdown.replace(/\r\n?/g, "\n")))).trim();
}

/**
 * Neutralises mentions in a token stream, where `<` and `!channel` may arrive in different tokens: a trailing
 * `<` waits for the next token (or `flush`).
 */
export function createStreamSanitiser(): { push(token: string): string; flush(): string } {
  let held = "";
  return {
    push(token) {
      const text = held + token;
      held = text.endsWith("<") ? "<" : "";
      return neutraliseMentions(held ? text.slice(0, -1) : text);
    },
    flush() {
      const rest = held;
      held = "";
      return rest;
    },
  };
}
