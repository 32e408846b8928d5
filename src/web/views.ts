import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Chunk } from "../core/types.js";
import type { SourceEntry } from "./sources-provider.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// Every value interpolated into `html` is escaped by Hono: document text and questions show as text.

function layout(title: string, body: Html, options: { script?: string; current?: "ask" | "sources" } = {}): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · coopdocs</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/style.css">
${options.script ? html`<script type="module" src="${options.script}"></script>` : ""}
</head>
<body>
<header class="site">
  <a class="brand" href="/">coopdocs</a>
  <nav>
    <a href="/"${options.current === "ask" ? html` aria-current="page"` : ""}>Ask</a>
    <a href="/sources"${options.current === "sources" ? html` aria-current="page"` : ""}>Documents</a>
  </nav>
</header>
${body}
</body>
</html>`;
}

/** `/`: the question box; ask.js streams the answer in and keeps the conversation. */
export function askPage(): Html {
  return layout(
    "Ask",
    html`<main class="ask">
  <h1>Ask the cooperation documents</h1>
  <p class="lead">Answers come only from the indexed documents, each statement with a numbered citation that opens the passage.</p>
  <div id="conversation" aria-live="polite"></div>
  <form id="ask-form" method="get" action="/">
    <label for="question">Your question</label>
    <textarea id="question" name="q" rows="3" maxlength="2000" required placeholder="e.g. What are the priority areas of the 2016-2020 strategy?"></textarea>
    <div class="actions">
      <button type="submit" id="ask-button">Ask</button>
      <button type="button" id="new-conversation" class="secondary">New conversation</button>
      <button type="button" id="copy-markdown" class="secondary" disabled>Copy as Markdown</button>
    </div>
    <p id="status" class="status" role="status"></p>
  </form>
  <noscript><p class="warning">The ask page needs JavaScript; the JSON API (POST /api/ask) works without it.</p></noscript>
</main>`,
    { script: "/assets/ask.js", current: "ask" },
  );
}

/** `/sources`: what is indexed, skipped and why. */
export function sourcesPage(entries: SourceEntry[]): Html {
  const indexed = entries.filter((e) => e.status === "indexed").length;
  return layout(
    "Documents",
    html`<main class="sources">
  <h1>Documents</h1>
  <p class="lead">${indexed} indexed, ${entries.length - indexed} not indexed.</p>
  <div class="table-wrap"><table>
    <thead><tr><th>Document</th><th>Year</th><th>Format</th><th>Pages</th><th>Passages</th><th>Status</th></tr></thead>
    <tbody>
    ${entries.map(
      (e) => html`<tr class="${e.status}">
      <td>${e.status === "indexed" ? html`<a href="${sourceHref(e.file)}">${e.title ?? e.file}</a>` : (e.title ?? e.file)}<div class="file">${e.file}</div></td>
      <td>${e.year ?? ""}</td><td>${e.format}${e.ocr ? " (OCR)" : ""}</td><td>${e.pages ?? ""}</td><td>${e.chunks}</td>
      <td>${e.status}${e.reason ? html`<div class="reason">${e.reason}</div>` : ""}</td>
    </tr>`,
    )}
    </tbody>
  </table></div>
</main>`,
    { current: "sources" },
  );
}

export function sourceHref(file: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `/sources/${encodeURIComponent(file)}${query ? `?${query}` : ""}`;
}

export const originalHref = (file: string) => `/files/${encodeURIComponent(file)}`;

function sourceHeader(entry: SourceEntry, section: string | undefined, extra: Html | string = ""): Html {
  return html`<header class="source-head">
  <h1>${entry.title ?? entry.file}</h1>
  <p class="meta">${entry.year ? html`<span>${entry.year}</span> · ` : ""}<a href="${originalHref(entry.file)}">${entry.file}</a> (original file)</p>
  ${section ? html`<p class="section-path" id="section-path">${section}</p>` : ""}
  ${extra}
  <p id="quote-status" class="status" role="status"></p>
</header>`;
}

/** A text, Markdown, Word or web document: the whole text by section, the cited passage marked. */
export function textSourcePage(entry: SourceEntry, passages: Chunk[], quote: string, cited: Chunk | undefined): Html {
  const sections: { section: string; chunks: Chunk[] }[] = [];
  for (const chunk of passages) {
    const last = sections.at(-1);
    if (last && last.section === chunk.meta.section) last.chunks.push(chunk);
    else sections.push({ section: chunk.meta.section, chunks: [chunk] });
  }
  return layout(
    entry.title ?? entry.file,
    html`<main class="source text-source" id="source" data-quote="${quote}">
  ${sourceHeader(entry, cited?.meta.section)}
  <article id="document">
  ${sections.map(
    (s) => html`<section>
    ${s.section ? html`<h2>${s.section}</h2>` : ""}
    ${s.chunks.map(
      (c) =>
        html`<div class="passage${c === cited ? " cited" : ""}"${c === cited ? html` id="cited"` : ""}>${c.text
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => html`<p>${line}</p>`)}</div>`,
    )}
  </section>`,
  )}
  </article>
</main>`,
    { script: "/assets/source-text.js" },
  );
}

/** A PDF: the cited page rendered by pdf.js with the quote highlighted, and page navigation. */
export function pdfSourcePage(
  entry: SourceEntry,
  page: number,
  quote: string,
  cited: Chunk | undefined,
  pageText: Chunk[],
): Html {
  // The page count comes from pdf.js in the browser when the index does not know it.
  const last = entry.pages ?? Number.POSITIVE_INFINITY;
  const nav = html`<nav class="pages" aria-label="Pages">
  ${page > 1 ? html`<a id="prev-page" href="${sourceHref(entry.file, { page: String(page - 1) })}">← Page ${page - 1}</a>` : html`<span></span>`}
  <span>Page <span id="shown-page">${page}</span><span id="page-count"></span></span>
  <a id="next-page" href="${sourceHref(entry.file, { page: String(page + 1) })}"${page >= last ? html` hidden` : ""}>Page ${page + 1} →</a>
</nav>`;
  return layout(
    `${entry.title ?? entry.file}, page ${page}`,
    html`<main class="source pdf-source" id="source" data-quote="${quote}" data-pdf="${originalHref(entry.file)}" data-page="${page}">
  ${sourceHeader(entry, cited?.meta.section, nav)}
  <div id="pdf-page" class="pdf-page" aria-label="Page ${page} of the PDF"></div>
  ${
    pageText.length > 0
      ? html`<details class="page-text"><summary>Text of this page as indexed</summary>${pageText.map((c) => html`<p>${c.text}</p>`)}</details>`
      : ""
  }
</main>`,
    { script: "/assets/source-pdf.js" },
  );
}

export function notFoundPage(message: string): Html {
  return layout(
    "Not found",
    html`<main class="not-found"><h1>Not found</h1><p id="not-found-message">${message}</p><p><a href="/sources">See the indexed documents</a></p></main>`,
  );
}

export function errorPage(): Html {
  return layout(
    "Error",
    html`<main class="not-found"><h1>Something went wrong</h1><p>The server could not show this page. Try again.</p></main>`,
  );
}
