import type { Answer, QuestionAnswerer } from "../core/types.js";
import { truncate } from "../text/index.js";

/** Characters of the quote carried in a link: enough to find the sentence, short enough for any URL limit. */
export const linkQuoteChars = 300;

export interface SourceRef {
  file: string;
  page: number | null;
  quote: string;
}

/**
 * The source-view link of a cited passage: `<PUBLIC_URL>/sources/<file>?page=N&q=<quote>`. The web page
 * opens that document (at that page for a PDF) with the quote highlighted and scrolled into view.
 */
export function sourceViewUrl(publicUrl: string, ref: SourceRef): string {
  const base = publicUrl.replace(/\/+$/, "");
  const params = new URLSearchParams();
  if (ref.page !== null) params.set("page", String(ref.page));
  // truncate() marks a cut with "…", which is not in the document: drop it so the prefix still matches.
  const quote = truncate(ref.quote.replace(/\s+/g, " ").trim(), linkQuoteChars).replace(/…$/, "").trim();
  if (quote !== "") params.set("q", quote);
  const query = params.toString();
  return `${base}/sources/${encodeURIComponent(ref.file)}${query ? `?${query}` : ""}`;
}

/** The same answer with a source-view `url` on every citation. */
export function addSourceLinks(answer: Answer, publicUrl: string): Answer {
  return { ...answer, citations: answer.citations.map((c) => ({ ...c, url: sourceViewUrl(publicUrl, c) })) };
}

/**
 * Wraps an answerer so that every citation it returns carries its source-view link; with no
 * PUBLIC_URL the answerer is returned as it is (no links: nobody could open them).
 */
export function withSourceLinks<T extends QuestionAnswerer>(answerer: T, publicUrl: string | undefined): T {
  if (!publicUrl) return answerer;
  const linked: QuestionAnswerer = {
    ask: async (question, options) => addSourceLinks(await answerer.ask(question, options), publicUrl),
  };
  if (answerer.draft) {
    const draft = answerer.draft.bind(answerer);
    linked.draft = async (topic, options) => addSourceLinks(await draft(topic, options), publicUrl);
  }
  return Object.assign(Object.create(answerer) as T, linked);
}
