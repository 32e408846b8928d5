import type { Answer, Passage } from "../core/types.js";
import { truncate } from "../text/index.js";

function where(meta: { title: string; section: string; page: number | null; file: string }): string {
  const parts = [meta.title];
  if (meta.section) parts.push(meta.section);
  if (meta.page !== null) parts.push(`p. ${meta.page}`);
  return `${parts.join(" — ")} (${meta.file})`;
}

// 240 characters: about three terminal lines per closest passage, enough to judge whether it is relevant.
function shortQuote(text: string, max = 240): string {
  return truncate(text.replace(/\s+/g, " ").trim(), max);
}

/** The answer as plain text for a terminal: the answer, then numbered sources with quotes. */
export function renderAnswer(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.note) lines.push("", `Note: ${answer.note}`);
  if (answer.citations.length > 0) {
    lines.push("", "Sources:");
    for (const c of answer.citations) {
      lines.push(`[${c.n}] ${where(c)}`, `    “${shortQuote(c.quote)}”`);
      if (c.url) lines.push(`    ${c.url}`);
    }
  } else if (!answer.found && answer.passages.length > 0) {
    lines.push("", "Closest passages:");
    answer.passages.forEach((p: Passage, i) =>
      lines.push(`(${i + 1}) ${where(p.meta)}`, `    “${shortQuote(p.text)}”`),
    );
  }
  return lines.join("\n");
}

/** The `ask --json` object lives in the core, shared with the JSON API. */
export { answerToJson } from "../answer/answer-json.js";

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
