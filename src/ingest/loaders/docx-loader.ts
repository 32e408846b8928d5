import mammoth from "mammoth";
import type { DocumentLoader, LoadedDocument } from "./document-loader.js";
import { htmlToText } from "./html-to-text.js";
import { unreadable } from "./unreadable.js";

// Word's Title style is the document's name, above its Heading 1 sections; mammoth would drop it.
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
];

/** A Word document through mammoth: headings become sections, footnotes a footnotes section, tables rows of cells. */
export const docxLoader: DocumentLoader = {
  format: "docx",
  extensions: [".docx"],
  async load(file, bytes): Promise<LoadedDocument> {
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap })).value;
    } catch (error) {
      throw unreadable(
        file,
        `the Word file could not be read (${error instanceof Error ? error.message : String(error)}).`,
        error,
      );
    }
    const { text, footnotes } = htmlToText(html, { footnoteIds: /^(foot|end)note-/ });
    if (text.trim() === "") throw unreadable(file, "the Word file holds no text.");
    const title = /^# (.+)$/m.exec(text)?.[1]?.trim();
    return { file, format: "docx", pages: [{ page: null, text, footnotes }], prepared: true, title };
  },
};
