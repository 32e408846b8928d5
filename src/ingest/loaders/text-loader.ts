import chardet from "chardet";
import iconv from "iconv-lite";
import type { DocumentLoader, LoadedDocument } from "./document-loader.js";
import { unreadable } from "./unreadable.js";

// A text file has at most this share of control characters (other than tab, CR, LF, FF); binary data has
// far more (NUL bytes in particular), and text in a wrongly guessed encoding still has almost none.
const maxControlShare = 0.01;

const boms: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text in UTF-16 without a BOM: every other byte is NUL on ASCII text. */
function utf16WithoutBom(bytes: Buffer): string | undefined {
  // 4 KB decide; NULs on more than 60 % of one parity and under 5 % of the other: UTF-16 text, not a binary
  // file (which has NULs on both). Set by hand.
  const sample = bytes.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = sample.length / 2;
  if (oddNul > half * 0.6 && evenNul < half * 0.05) return "utf-16le";
  if (evenNul > half * 0.6 && oddNul < half * 0.05) return "utf-16be";
  return undefined;
}

/**
 * Finds how a text file is encoded: a BOM first, then valid UTF-8, then chardet's guess. ISO-8859-1 is
 * read as Windows-1252, as browsers do (the same bytes, plus the curly quotes and dashes in 0x80-0x9F).
 */
export function detectEncoding(bytes: Buffer): { encoding: string; offset: number } {
  for (const bom of boms) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, offset: bom.bytes.length };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, offset: 0 };
  if (isUtf8(bytes)) return { encoding: "utf-8", offset: 0 };
  const guess = (chardet.detect(bytes) ?? "windows-1252").toLowerCase();
  const encoding = /^(iso-8859-1|ascii|us-ascii)$/.test(guess) ? "windows-1252" : guess;
  return { encoding: iconv.encodingExists(encoding) ? encoding : "windows-1252", offset: 0 };
}

function controlShare(text: string): number {
  let control = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) control++;
  }
  return control / Math.max(1, text.length);
}

/** Decodes text in any common encoding; refuses binary data that only has a text file's name. */
export function decodeText(file: string, bytes: Buffer): { text: string; encoding: string } {
  const { encoding, offset } = detectEncoding(bytes);
  const text = iconv.decode(bytes.subarray(offset), encoding);
  if (controlShare(text) > maxControlShare) {
    throw unreadable(file, "binary data, not text (it holds NUL or other control bytes); not indexed.");
  }
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
}

function textLoader(format: "txt" | "md", extensions: string[]): DocumentLoader {
  return {
    format,
    extensions,
    async load(file, bytes): Promise<LoadedDocument> {
      const { text, encoding } = decodeText(file, bytes);
      return { file, format, pages: [{ page: null, text }], encoding };
    },
  };
}

export const plainTextLoader = textLoader("txt", [".txt"]);
export const markdownLoader = textLoader("md", [".md", ".markdown"]);
