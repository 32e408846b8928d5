import type { Answer, Citation, Passage } from "../core/types.js";

function where(meta: { title: string; section: string; page: number | null; file: string }): string {
  const parts = [meta.title];
  if (meta.section) parts.push(meta.section);
  if (meta.page !== null) parts.push(`p. ${meta.page}`);
  return `${parts.join(" — ")} (${meta.file})`;
}

function shortQuote(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The answer as plain text for a terminal: the answer, then numbered sources with quotes. */
export function renderAnswer(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.note) lines.push("", `Note: ${answer.note}`);
  if (answer.citations.length > 0) {
    lines.push("", "Sources:");
    for (const c of answer.citations) lines.push(`[${c.n}] ${where(c)}`, `    “${shortQuote(c.quote)}”`);
  } else if (!answer.found && answer.passages.length > 0) {
    lines.push("", "Closest passages:");
    answer.passages.forEach((p: Passage, i) => lines.push(`(${i + 1}) ${where(p.meta)}`, `    “${shortQuote(p.text)}”`));
  }
  return lines.join("\n");
}

/** The `ask --json` contract: answer, mode, citations; plus `found` and `closest` (extensions). */
export function answerToJson(answer: Answer): {
  answer: string;
  mode: Answer["mode"];
  citations: Citation[];
  found: boolean;
  note?: string;
  closest: Omit<Citation, "n">[];
} {
  return {
    answer: answer.answer,
    mode: answer.mode,
    citations: answer.citations.map(({ n, file, title, section, page, quote }) => ({ n, file, title, section, page, quote })),
    found: answer.found,
    ...(answer.note ? { note: answer.note } : {}),
    closest: answer.found
      ? []
      : answer.passages.map((p) => ({
          file: p.meta.file,
          title: p.meta.title,
          section: p.meta.section,
          page: p.meta.page,
          quote: shortQuote(p.text, 400),
        })),
  };
}

/**
 * Prints an answer that may arrive as a stream of tokens (LLM mode): tokens as they come, then only
 * what is not on screen yet (note and sources) — or the whole answer when the final text differs
 * from what was streamed (a fallback to the extractive answer).
 */
export function createAnswerPrinter(write: (text: string) => void = (text) => process.stdout.write(text)): {
  onToken: (token: string) => void;
  finish: (answer: Answer) => void;
} {
  let streamed = "";
  return {
    onToken(token) {
      streamed += token;
      write(token);
    },
    finish(answer) {
      if (streamed !== "" && streamed.trim() === answer.answer.trim()) {
        const rest = renderAnswer({ ...answer, answer: "" }).replace(/^\n+/, "");
        write(rest === "" ? "\n" : `\n\n${rest}\n`);
        return;
      }
      if (streamed !== "") write("\n\n");
      write(`${renderAnswer(answer)}\n`);
    },
  };
}
