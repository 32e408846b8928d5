/**
 * Reasoning blocks that local reasoning models (Qwen3, DeepSeek-R1, QwQ, … served by Ollama, llama.cpp or
 * vLLM without a reasoning parser) write into the reply text. They are never shown, streamed or searched
 * for citations: a "[2]" inside the model's thinking cites nothing.
 */

// The tag names seen in the wild: <think> (Qwen3, DeepSeek-R1, QwQ), <thinking> and <reasoning> (prompted
// or fine-tuned models), <reflection> (Reflection-style fine-tunes).
const tagNames = ["think", "thinking", "reasoning", "reflection"] as const;
const openTag = new RegExp(String.raw`<(${tagNames.join("|")})>`, "i");
const closeTag = new RegExp(String.raw`</(${tagNames.join("|")})>`, "i");
/** Longest tag, so a "<" at the end of a chunk is held only while it can still become one. */
const maxTagLength = Math.max(...tagNames.map((name) => name.length)) + 3;

/** Could `tail` (starting with "<") still grow into an open or close tag? */
function couldBeTag(tail: string): boolean {
  const lower = tail.toLowerCase();
  return tagNames.some((name) => `<${name}>`.startsWith(lower) || `</${name}>`.startsWith(lower));
}

/**
 * Removes reasoning blocks from a reply as it streams. Text outside the blocks passes through; an
 * unclosed block hides the rest of the reply (the model was cut off while thinking). A close tag with
 * no open tag (DeepSeek-R1's chat template writes the "<think>" into the prompt) means everything
 * before it was thinking: `restarted` turns true and the visible text starts again after it.
 */
export class ReasoningFilter {
  private pending = "";
  private inside = false;
  /** Visible text so far (after the last orphan close tag). */
  visible = "";
  /** True once an orphan close tag discarded text that had looked visible. */
  restarted = false;
  /** True when reasoning was seen at all (for the log). */
  sawReasoning = false;
  /** True when the reply ended inside a block: it held only thinking from there on. */
  endedInside = false;

  /** Feeds raw reply text; returns the visible text released by this piece. */
  push(chunk: string): string {
    this.pending += chunk;
    let out = "";
    for (;;) {
      if (this.inside) {
        const close = closeTag.exec(this.pending);
        if (!close) {
          // Keep only what could be the start of the close tag.
          const lt = this.pending.lastIndexOf("<");
          this.pending = lt >= 0 && couldBeTag(this.pending.slice(lt)) ? this.pending.slice(lt) : "";
          return this.append(out);
        }
        this.pending = this.pending.slice(close.index + close[0].length);
        this.inside = false;
        continue;
      }
      const open = openTag.exec(this.pending);
      const close = closeTag.exec(this.pending);
      if (close && (!open || close.index < open.index)) {
        // Orphan close tag: what came before it was thinking.
        this.sawReasoning = true;
        this.restarted = this.restarted || this.visible.trim() !== "" || out.trim() !== "";
        this.visible = "";
        out = "";
        this.pending = this.pending.slice(close.index + close[0].length);
        continue;
      }
      if (open) {
        out += this.pending.slice(0, open.index);
        this.pending = this.pending.slice(open.index + open[0].length);
        this.inside = true;
        this.sawReasoning = true;
        continue;
      }
      const lt = this.pending.lastIndexOf("<");
      if (lt >= 0 && this.pending.length - lt <= maxTagLength && couldBeTag(this.pending.slice(lt))) {
        out += this.pending.slice(0, lt);
        this.pending = this.pending.slice(lt);
      } else {
        out += this.pending;
        this.pending = "";
      }
      return this.append(out);
    }
  }

  /** End of the reply: releases a held "<" that never became a tag. */
  end(): string {
    if (this.inside) {
      this.endedInside = true;
      this.pending = "";
      return "";
    }
    const out = this.pending;
    this.pending = "";
    return this.append(out);
  }

  private append(out: string): string {
    this.visible += out;
    return out;
  }
}

/** The visible text of a whole reply (reasoning blocks removed). */
export function stripReasoning(text: string): string {
  const filter = new ReasoningFilter();
  filter.push(text);
  filter.end();
  return filter.visible;
}
