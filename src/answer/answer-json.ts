import type { Answer, Citation } from "../core/types.js";
import { truncate } from "../text/index.js";
import { sourceViewUrl } from "./source-link.js";

/** Characters of a closest passage shown in the JSON (the whole chunk would drown the answer). */
const closestQuoteChars = 400;

/** One of the closest passages shown when the documents do not hold the answer. */
export type ClosestPassage = Omit<Citation, "n">;

/** The `ask --json` and `POST /api/ask` object. */
export interface AnswerJson {
  answer: string;
  mode: Answer["mode"];
  citations: Citation[];
  found: boolean;
  note?: string;
  closest: ClosestPassage[];
  /** Ids of the passages the answer drew on: sent back with a follow-up so "which of those…" can narrow them. */
  passageIds: string[];
}

/**
 * The `ask --json` contract: answer, mode, citations; plus `found`, `closest` and, with a public URL,
 * each citation's (and closest passage's) source-view `url` ("" gives links relative to the web server). The JSON API returns the same object.
 */
export function answerToJson(answer: Answer, publicUrl?: string): AnswerJson {
  const link = (ref: { file: string; page: number | null; quote: string }) =>
    publicUrl !== undefined ? { url: sourceViewUrl(publicUrl, ref) } : {};
  return {
    answer: answer.answer,
    mode: answer.mode,
    citations: answer.citations.map(({ n, file, title, section, page, quote }) => ({
      n,
      file,
      title,
      section,
      page,
      quote,
      ...link({ file, page, quote }),
    })),
    found: answer.found,
    ...(answer.note ? { note: answer.note } : {}),
    closest: answer.found
      ? []
      : answer.passages.map((p) => {
          const quote = truncate(p.text.replace(/\s+/g, " ").trim(), closestQuoteChars);
          return {
            file: p.meta.file,
            title: p.meta.title,
            section: p.meta.section,
            page: p.meta.page,
            quote,
            ...link({ file: p.meta.file, page: p.meta.page, quote: p.text }),
          };
        }),
    passageIds: answer.found ? answer.passages.map((p) => p.id) : [],
  };
}
