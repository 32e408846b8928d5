/** What the prompts tell the model to reply, alone, when the passages do not hold the answer. */
export const notFoundSentinel = "NOT_FOUND";

/** True when a reply is (or starts with) the not-found sentinel, or is only the sentinel in other words. */
export function isNotFoundReply(text: string): boolean {
  const start = text.trimStart().replace(/^[*_`"'\s]+/, "");
  return start.toUpperCase().startsWith(notFoundSentinel) || /^NOT FOUND\b/i.test(start);
}

const thinkOpen = "<think>";
const thinkClose = "</think>";

/**
 * Drops a leading <think>…</think> block, which some local reasoning models (served by Ollama,
 * llama.cpp or vLLM) put in the reply; an unclosed one means the reply is only thinking.
 */
export function stripThinking(text: string): string {
  const start = text.trimStart();
  if (!start.startsWith(thinkOpen)) return text;
  const end = start.indexOf(thinkClose);
  return end < 0 ? "" : start.slice(end + thinkClose.length).trimStart();
}

/**
 * Holds back the start of a streamed reply until it is clear it is not the not-found sentinel, so
 * that "NOT_FOUND" never flashes on the user's screen, and drops a leading <think> block. After
 * that, text passes through unchanged.
 */
export class NotFoundGate {
  private held = "";
  private state: "undecided" | "open" | "not-found" = "undecided";

  get notFound(): boolean {
    return this.state === "not-found";
  }

  push(chunk: string): string {
    if (this.state === "open") return chunk;
    if (this.state === "not-found") return "";
    this.held += chunk;
    const head = this.held.trimStart();
    if (head.startsWith(thinkOpen)) {
      if (!head.includes(thinkClose)) return "";
      this.held = stripThinking(this.held);
    } else if (head !== "" && thinkOpen.startsWith(head)) {
      return "";
    }
    const start = this.held.trimStart().replace(/^[*_`"'\s]+/, "").toUpperCase();
    const couldBeSentinel = notFoundSentinel.startsWith(start) || "NOT FOUND".startsWith(start);
    if (isNotFoundReply(this.held)) {
      this.state = "not-found";
      return "";
    }
    if (start === "" || couldBeSentinel) return "";
    this.state = "open";
    const out = this.held;
    this.held = "";
    return out;
  }

  /** End of stream: releases text still held (a reply shorter than the sentinel). */
  flush(): string {
    if (this.state !== "undecided") return "";
    this.state = "open";
    const out = stripThinking(this.held);
    this.held = "";
    return out;
  }
}
