/**
 * From Slack's message text to the question the core receives: Slack sends `&`, `<`, `>` escaped and wraps
 * mentions, channels and links in `<...>`; the core wants plain text.
 */

export interface ParsedQuestion {
  /** `draft` when the text starts with "draft:" (a background paragraph on a topic), `help` for "help", else `ask`. */
  kind: "ask" | "draft" | "help";
  /** The question, or the draft's topic, in plain text; empty when there is nothing to answer. */
  text: string;
}

/** Replaces Slack's `<...>` markup with readable text and unescapes entities. Mentions of `botUserId` vanish. */
export function slackTextToPlain(text: string, botUserId?: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = "", label] = inner.split("|", 2);
    if (target.startsWith("@"))
      return botUserId !== undefined && target.slice(1) === botUserId ? "" : `@${label ?? target.slice(1)}`;
    if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
    if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0] ?? ""}`;
    if (label !== undefined && label !== target) return `${label} (${target})`;
    return target.replace(/^mailto:/, "");
  });
  return plain
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}

const DRAFT = /^draft\s*:\s*/i;
const HELP = /^(?:help|\?|usage|what can you do\??|how does this work\??)[.!]?$/i;

/** Parses a message or slash-command text, dropping mentions of the bot. */
export function parseQuestion(text: string, botUserId?: string): ParsedQuestion {
  const plain = slackTextToPlain(text, botUserId);
  // "help", "?", or nothing at all: what the bot does, not a search of the documents for "help".
  if (plain === "" || HELP.test(plain)) return { kind: "help", text: "" };
  if (DRAFT.test(plain)) return { kind: "draft", text: plain.replace(DRAFT, "").trim() };
  return { kind: "ask", text: plain };
}

/** What the bot says for "help" or an empty message (Markdown). */
export const helpText = [
  "Ask me a question about the ASEAN–China environmental cooperation documents, e.g. _What are the 2016–2020 priority areas?_ I answer with numbered sources you can check.",
  "",
  "- **Follow-ups** in the same thread narrow the last answer: _and which of those is about cities?_",
  "- **Summaries**: _Summarise every area of cooperation in the 2016-2020 strategy_",
  "- **Drafts**: start with `draft:` for a background paragraph on a topic (needs an LLM; without one you get the relevant quotes).",
  "- `/coopdocs <question>` answers privately, with a button to share the answer.",
].join("\n");
