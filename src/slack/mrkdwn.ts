/**
 * Markdown → Slack mrkdwn, as a pure function.
 *
 * Slack's mrkdwn is not Markdown: bold is `*x*`, italic `_x_`, strike `~x~`, links `<url|label>`, no headings,
 * no tables, and the characters `&`, `<` and `>` must be escaped or Slack reads `<!channel>`, `<@U123>` and
 * `<#C123>` as live mentions. So every piece of text goes through `escapeMrkdwn`, and the only `<` this module
 * ever emits opens a link it built itself from an http(s) or mailto URL (see `toSlackLink`).
 *
 * Supported: ATX and setext headings, paragraphs (line breaks kept), bullet, ordered and task lists (nested by
 * indentation), block quotes, fenced code, tables (as aligned code blocks), rules, and inline code, bold,
 * italic, bold-italic, strike-through, links, images, autolinks, backslash escapes and common entities.
 * Anything else is kept as escaped text, never dropped.
 */

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/;

/** Decodes one HTML entity at the start of `text`; returns the character and the entity's length. */
function decodeEntity(text: string): { char: string; length: number } | null {
  const match = ENTITY.exec(text);
  if (!match) return null;
  const [whole, decimal, hex, name] = match;
  let codePoint: number | undefined;
  if (decimal !== undefined) codePoint = Number.parseInt(decimal, 10);
  else if (hex !== undefined) codePoint = Number.parseInt(hex, 16);
  if (codePoint !== undefined) {
    if (codePoint === 0 || codePoint > 0x10ffff) return null;
    return { char: String.fromCodePoint(codePoint), length: whole.length };
  }
  const named = name === undefined ? undefined : NAMED_ENTITIES[name.toLowerCase()];
  return named === undefined ? null : { char: named, length: whole.length };
}

const SAFE_URL = /^(?:https?:\/\/[^\s/?#]+|mailto:[^\s@]+@[^\s@]+)/i;

/**
 * Builds `<url|label>` for http(s) and mailto URLs only; anything else (e.g. `!channel`, `javascript:`) is
 * shown as plain escaped text, so a crafted link can never become a Slack mention or command.
 */
function toSlackLink(label: string, url: string): string {
  const trimmed = url.trim();
  // Control characters or an unsafe scheme: keep it visible as text, never as a link.
  if (!SAFE_URL.test(trimmed) || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    const shownUrl = escapeMrkdwn(trimmed);
    if (label === "" || label === shownUrl) return shownUrl;
    return trimmed === "" ? label : `${label} (${shownUrl})`;
  }
  // Inside <...>, `|` separates the label and `>` ends the link: percent-encode them (and spaces, quotes, `<`).
  const encoded = trimmed.replace(/[|<>\s"]/g, (c) => encodeURIComponent(c)).replace(/&/g, "&amp;");
  return label === "" ? `<${encoded}>` : `<${encoded}|${label}>`;
}

interface InlineOptions {
  /** False inside a link label: Slack cannot nest links. */
  links: boolean;
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/** Finds the `]` closing the `[` at `open`, allowing nested brackets; -1 when there is none. */
function findClosingBracket(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Parses `(url "title")` at `open`; returns the URL and the index just past `)`. */
function parseLinkDestination(src: string, open: number): { url: string; end: number } | null {
  if (src[open] !== "(") return null;
  let i = open + 1;
  while (src[i] === " ") i++;
  let url = "";
  if (src[i] === "<") {
    const close = src.indexOf(">", i);
    if (close === -1) return null;
    url = src.slice(i + 1, close);
    i = close + 1;
  } else {
    let depth = 0;
    const start = i;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === "\\") {
        i++;
        continue;
      }
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth === 0) break;
        depth--;
      } else if (c !== undefined && /\s/.test(c)) break;
    }
    url = src.slice(start, i);
  }
  while (src[i] === " ") i++;
  const quote = src[i];
  if (quote === '"' || quote === "'") {
    const close = src.indexOf(quote, i + 1);
    if (close === -1) return null;
    i = close + 1;
    while (src[i] === " ") i++;
  }
  if (src[i] !== ")") return null;
  return { url, end: i + 1 };
}

/** Finds a closing delimiter for emphasis, honouring flanking rules; -1 when unmatched. */
function findEmphasisClose(src: string, from: number, delimiter: string): number {
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") {
      // Skip code spans: emphasis markers inside them are literal.
      const run = /^`+/.exec(src.slice(i))?.[0] ?? "`";
      const close = src.indexOf(run, i + run.length);
      i = close === -1 ? i + run.length : close + run.length;
      continue;
    }
    if (src.startsWith(delimiter, i)) {
      const before = src[i - 1];
      const after = src[i + delimiter.length];
      const single = delimiter.length === 1;
      const doubled = single && (after === delimiter || before === delimiter);
      const intraword = delimiter[0] === "_" && isWordChar(after);
      if (!isSpace(before) && !doubled && !intraword && i > from) return i;
    }
    i++;
  }
  return -1;
}

function convertInline(src: string, options: InlineOptions = { links: true }): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const rest = src.slice(i);

    if (c === "\\" && i + 1 < src.length) {
      const next = src[i + 1] as string;
      if (/[!-/:-@[-`{-~]/.test(next)) {
        out += escapeMrkdwn(next);
        i += 2;
        continue;
      }
    }

    if (c === "`") {
      const run = /^`+/.exec(rest)?.[0] ?? "`";
      const close = src.indexOf(run, i + run.length);
      if (close !== -1 && src[close + run.length] !== "`") {
        let code = src.slice(i + run.length, close).replace(/\n/g, " ");
        if (code.startsWith(" ") && code.endsWith(" ") && code.trim() !== "") code = code.slice(1, -1);
        if (code.trim() !== "") {
          // Slack has no escape for a backtick inside inline code: use a look-alike so the span stays closed.
          out += `\`${escapeMrkdwn(code.replace(/`/g, "\u02cb"))}\``;
          i = close + run.length;
          continue;
        }
      }
      out += run;
      i += run.length;
      continue;
    }

    if (options.links && (c === "[" || rest.startsWith("!["))) {
      const open = c === "[" ? i : i + 1;
      const close = findClosingBracket(src, open);
      if (close !== -1) {
        const destination = parseLinkDestination(src, close + 1);
        if (destination) {
          const label = convertInline(src.slice(open + 1, close), { links: false });
          out += toSlackLink(label, destination.url);
          i = destination.end;
          continue;
        }
      }
    }

    if (c === "<") {
      const autolink = /^<((?:https?:\/\/|mailto:)[^<>\s]+)>/i.exec(rest);
      if (autolink?.[1] !== undefined && options.links) {
        out += toSlackLink("", autolink[1]);
        i += autolink[0].length;
        continue;
      }
      const lineBreak = /^<br\s*\/?>/i.exec(rest);
      if (lineBreak) {
        out += "\n";
        i += lineBreak[0].length;
        continue;
      }
    }

    if (c === "&") {
      const entity = decodeEntity(rest);
      if (entity) {
        out += escapeMrkdwn(entity.char);
        i += entity.length;
        continue;
      }
    }

    if (c === "*" || c === "_" || c === "~") {
      const converted = convertEmphasis(src, i, options);
      if (converted) {
        out += converted.text;
        i = converted.end;
        continue;
      }
      // An unmatched run is literal text: consume it whole so it is not re-read as an opener.
      const run = new RegExp(`^\\${c}+`).exec(rest)?.[0] ?? c;
      out += run;
      i += run.length;
      continue;
    }

    out += escapeMrkdwn(c);
    i++;
  }
  return out;
}

/** `***x***` → `*_x_*`, `**x**`/`__x__` → `*x*`, `*x*`/`_x_` → `_x_`, `~~x~~` → `~x~`. */
function convertEmphasis(src: string, i: number, options: InlineOptions): { text: string; end: number } | null {
  const c = src[i] as string;
  const before = src[i - 1];
  const forms: { delimiter: string; wrap: (inner: string) => string }[] =
    c === "~"
      ? [{ delimiter: "~~", wrap: (inner) => `~${inner}~` }]
      : [
          { delimiter: c.repeat(3), wrap: (inner) => `*_${inner}_*` },
          { delimiter: c.repeat(2), wrap: (inner) => `*${inner}*` },
          { delimiter: c, wrap: (inner) => `_${inner}_` },
        ];
  for (const { delimiter, wrap } of forms) {
    if (!src.startsWith(delimiter, i)) continue;
    const after = src[i + delimiter.length];
    if (isSpace(after)) continue;
    // snake_case and 2*3*4 stay literal: underscores must not sit inside a word.
    if (c === "_" && isWordChar(before)) continue;
    const contentStart = i + delimiter.length;
    const close = findEmphasisClose(src, contentStart, delimiter);
    if (close === -1) continue;
    // A longer form whose closer is really a shorter form's (e.g. `**a*`) is not a match.
    if (delimiter.length < 3 && src[close + delimiter.length] === c && delimiter.length > 1) continue;
    const inner = convertInline(src.slice(contentStart, close), options);
    if (inner.trim() === "") continue;
    return { text: wrap(inner), end: close + delimiter.length };
  }
  return null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const BULLET = /^([ \t]*)[-*+][ \t]+(.*)$/;
const ORDERED = /^([ \t]*)(\d{1,9})[.)][ \t]+(.*)$/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BULLETS = ["•", "◦", "▪"] as const;

function indentDepth(indent: string): number {
  return Math.min(Math.floor(indent.replace(/\t/g, "    ").length / 2), 4);
}

/** Slack code blocks cannot contain a closing fence: break any run of three backticks. */
function codeBlock(lines: string[]): string {
  const body = escapeMrkdwn(lines.join("\n")).replace(/```/g, "`\u200b`\u200b`");
  return `\`\`\`\n${body}\n\`\`\``;
}

function splitTableRow(row: string): string[] {
  let trimmed = row.trim();
  if (trimmed.startsWith("|")) trimmed = trimmed.slice(1);
  if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) trimmed = trimmed.slice(0, -1);
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** Plain text of a table cell: emphasis and code markers dropped, links reduced to their label. */
function plainCell(cell: string): string {
  return cell
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/<br\s*\/?>/gi, " ");
}

/** Tables become a monospace block with padded columns: mrkdwn has no table syntax. */
function renderTable(rows: string[]): string {
  const cells = rows.map((row) => splitTableRow(row).map(plainCell));
  const widths: number[] = [];
  for (const row of cells) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  const lines = cells.map((row) =>
    row
      .map((cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - [...cell].length)))
      .join("  ")
      .trimEnd(),
  );
  const first = lines[0];
  if (first !== undefined) {
    lines.splice(1, 0, widths.map((w) => "-".repeat(Math.max(w, 1))).join("  "));
  }
  return codeBlock(lines);
}

/** Strong markers inside a heading would toggle the heading's own bold off in Slack. */
function headingText(text: string): string {
  const inner = convertInline(text.replace(/(\*\*|__)/g, "")).trim();
  return inner === "" ? "" : `*${inner.replace(/^\*+|\*+$/g, "")}*`;
}

function listItemText(text: string): string {
  const task = /^\[([ xX])\][ \t]+(.*)$/.exec(text);
  if (task) return `${task[1] === " " ? "☐" : "☑"} ${convertInline(task[2] ?? "")}`;
  return convertInline(text);
}

/** Converts Markdown to Slack mrkdwn. Pure: same input, same output; never throws. */
export function markdownToMrkdwn(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let paragraph: string[] = [];
  let lastWasListItem = false;

  const flush = () => {
    if (paragraph.length === 0) return;
    // Line breaks inside a paragraph are kept: Slack shows them, and answers often use them on purpose.
    out.push(convertInline(paragraph.map((line) => line.trim().replace(/\\$/, "")).join("\n")));
    paragraph = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;

    const fence = FENCE.exec(line);
    if (fence?.[1] !== undefined) {
      flush();
      const marker = fence[1];
      const body: string[] = [];
      index++;
      for (; index < lines.length; index++) {
        const inner = lines[index] as string;
        if (new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`).test(inner)) break;
        body.push(inner);
      }
      if (body.some((b) => b.trim() !== "")) out.push(codeBlock(body));
      lastWasListItem = false;
      continue;
    }

    if (line.trim() === "") {
      flush();
      out.push("");
      lastWasListItem = false;
      continue;
    }

    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext && paragraph.length > 0) {
      const text = paragraph.map((p) => p.trim()).join(" ");
      paragraph = [];
      out.push(headingText(text));
      continue;
    }

    if (RULE.test(line)) {
      flush();
      out.push("──────────");
      lastWasListItem = false;
      continue;
    }

    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      const text = headingText(heading[2] ?? "");
      if (text !== "") out.push(text);
      lastWasListItem = false;
      continue;
    }

    const next = lines[index + 1];
    if (line.includes("|") && next !== undefined && next.includes("-") && TABLE_SEPARATOR.test(next)) {
      flush();
      const rows = [line];
      index += 2;
      for (; index < lines.length; index++) {
        const row = lines[index] as string;
        if (row.trim() === "" || !row.includes("|")) break;
        rows.push(row);
      }
      index--;
      out.push(renderTable(rows));
      lastWasListItem = false;
      continue;
    }

    const quote = QUOTE.exec(line);
    if (quote) {
      flush();
      const text = (quote[1] ?? "").trim();
      const bullet = BULLET.exec(text);
      const body = bullet ? `• ${listItemText(bullet[2] ?? "")}` : convertInline(text);
      out.push(body === "" ? ">" : `> ${body}`);
      lastWasListItem = false;
      continue;
    }

    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      const depth = indentDepth(bullet[1] ?? "");
      const symbol = BULLETS[Math.min(depth, BULLETS.length - 1)] as string;
      out.push(`${"    ".repeat(depth)}${symbol} ${listItemText(bullet[2] ?? "")}`);
      lastWasListItem = true;
      continue;
    }

    const ordered = ORDERED.exec(line);
    if (ordered) {
      flush();
      const depth = indentDepth(ordered[1] ?? "");
      out.push(`${"    ".repeat(depth)}${ordered[2]}. ${listItemText(ordered[3] ?? "")}`);
      lastWasListItem = true;
      continue;
    }

    // An indented line right after a list item continues that item (lazy continuation).
    if (lastWasListItem && paragraph.length === 0 && /^[ \t]+\S/.test(line) && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]} ${convertInline(line.trim())}`;
      continue;
    }

    lastWasListItem = false;
    paragraph.push(line);
  }
  flush();

  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters (a section block holds 3,000), preferring line
 * boundaries, never cutting inside an entity (`&amp;`) or a link (`<url|label>`), and closing and reopening
 * code blocks that straddle a cut.
 */
export function splitMrkdwn(text: string, limit = 3000): string[] {
  const fence = "```";
  // Room for a closing "\n```" on a piece that ends inside a code block.
  const budget = limit - fence.length - 1;
  if (budget < 16) throw new RangeError(`splitMrkdwn limit too small: ${limit}`);
  if (text.trim() === "") return [];
  if (text.length <= limit) return [text];

  const pieces: string[] = [];
  let current: string | null = null;
  let inCode = false;

  for (const rawLine of text.split("\n")) {
    // A reopened code block starts with "```\n", so lines must leave room for it.
    for (const line of cutLongLine(rawLine, budget - fence.length - 1)) {
      const candidate: string = current === null ? line : `${current}\n${line}`;
      if (candidate.length <= budget) {
        current = candidate;
      } else {
        if (current !== null && current.trim() !== "") pieces.push(inCode ? `${current}\n${fence}` : current);
        current = inCode ? `${fence}\n${line}` : line;
      }
    }
    // An odd number of fences on a line opens or closes a code block.
    if ((rawLine.split(fence).length - 1) % 2 === 1) inCode = !inCode;
  }
  if (current !== null && current.trim() !== "") pieces.push(current);
  // A cut right at a fence can leave a piece holding only an empty code block.
  return pieces.filter((piece) => piece.replace(/```/g, "").trim() !== "");
}

/** Cuts one over-long line at spaces where possible, never inside `&…;` or `<…>`. */
function cutLongLine(line: string, max: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf("&", cut - 1);
    if (amp !== -1 && cut - amp < 10 && !rest.slice(amp, cut).includes(";")) cut = amp;
    const open = rest.lastIndexOf("<", cut - 1);
    if (open > 0 && !rest.slice(open, cut).includes(">")) cut = open;
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts.filter((part, i) => part !== "" || i === 0);
}
