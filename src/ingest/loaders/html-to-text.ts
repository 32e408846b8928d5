import { parseHTML } from "linkedom";

/** Minimal DOM node view (linkedom implements the standard DOM). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const blockTags = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "BLOCKQUOTE",
  "FIGURE",
  "FIGCAPTION",
  "PRE",
  "DD",
  "DT",
  "ADDRESS",
]);
const skipTags = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "NAV",
  "FOOTER",
  "ASIDE",
  "BUTTON",
  "FORM",
]);

function inlineText(node: DomNode): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (node.nodeType !== 1 || skipTags.has(node.nodeName)) return "";
  if (node.nodeName === "BR") return "\n";
  if (node.nodeName === "SUP" && /^\s*\[?\d{1,3}\]?\s*$/.test(node.textContent ?? "")) return ""; // footnote reference
  return Array.from(node.childNodes).map(inlineText).join("");
}

const clean = (text: string) =>
  text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();

/**
 * Turns HTML into the text ingest parses: headings as Markdown `#` lines (h1 → #, h2 → ##, …), one
 * paragraph per block separated by blank lines, list items as "• …", table rows as cells joined by " | ".
 * `headingShift` moves every heading down (a Word title is h1, its first-level headings h2).
 */
export function htmlToText(
  html: string,
  options: { footnoteIds?: RegExp } = {},
): { text: string; footnotes: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  const footnotes: string[] = [];
  const emit = (line: string) => {
    const text = clean(line);
    if (text !== "") out.push(text);
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType !== 1) {
      if (node.nodeType === 3) emit(node.textContent ?? "");
      return;
    }
    const tag = node.nodeName;
    if (skipTags.has(tag)) return;
    const heading = /^H([1-6])$/.exec(tag);
    if (heading?.[1]) {
      emit(`${"#".repeat(Number(heading[1]))} ${inlineText(node).replace(/\s+/g, " ")}`);
      return;
    }
    if (tag === "LI") {
      const id = node.getAttribute?.("id") ?? "";
      if (options.footnoteIds?.test(id)) {
        footnotes.push(clean(inlineText(node).replace(/\s*↑\s*$/, "")));
        return;
      }
      emit(`• ${inlineText(node).replace(/\s+/g, " ")}`);
      return;
    }
    if (tag === "TR") {
      const cells = Array.from(node.childNodes)
        .filter((c) => c.nodeName === "TD" || c.nodeName === "TH")
        .map((c) => clean(inlineText(c)).replace(/\n+/g, " "))
        .filter((c) => c !== "");
      if (cells.length > 0) emit(cells.join(" | "));
      return;
    }
    if (tag === "P" || (blockTags.has(tag) && !hasBlockChild(node))) {
      emit(inlineText(node));
      return;
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  for (const child of Array.from(document.body.childNodes as ArrayLike<DomNode>)) walk(child);
  return { text: out.join("\n\n"), footnotes };
}

function hasBlockChild(node: DomNode): boolean {
  return Array.from(node.childNodes).some(
    (c) => c.nodeType === 1 && (blockTags.has(c.nodeName) || /^(H[1-6]|UL|OL|LI|TABLE|P)$/.test(c.nodeName)),
  );
}
