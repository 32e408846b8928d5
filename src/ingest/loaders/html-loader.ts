import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DocumentLoader, LoadedDocument } from "./document-loader.js";
import { htmlToText } from "./html-to-text.js";
import { decodeText } from "./text-loader.js";
import { unreadable } from "./unreadable.js";

/**
 * A saved web page: Readability keeps the article and drops navigation, cookie banners, sidebars, share
 * links and footers; its headings become sections.
 */
export const htmlLoader: DocumentLoader = {
  format: "html",
  extensions: [".html", ".htm", ".xhtml"],
  async load(file, bytes): Promise<LoadedDocument> {
    const { text: html, encoding } = decodeText(file, bytes);
    const { document } = parseHTML(html);
    const pageTitle = document.querySelector("title")?.textContent?.trim() || undefined;
    // Readability reads the document it is given destructively; it gets its own parse.
    const article = new Readability(
      parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0],
      { keepClasses: false },
    ).parse();
    const content = article?.content ?? document.querySelector("article, main, body")?.innerHTML ?? "";
    const { text } = htmlToText(content);
    const title = article?.title?.trim() || pageTitle;
    if (text.trim() === "") throw unreadable(file, "the web page has no readable text.");
    const heading = title && !text.startsWith("# ") ? `# ${title}\n\n` : "";
    return { file, format: "html", pages: [{ page: null, text: heading + text }], prepared: true, title, encoding };
  },
};
