import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AIMessage, AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { classifyLlmError, LlmCallError } from "./llm-call-error.js";

export interface CallOptions {
  /** Deadline for the whole call, streaming included. */
  timeoutMs: number;
  /** The caller's signal: when it aborts, the call is abandoned and its reason thrown. */
  signal?: AbortSignal;
  /** When set, the reply is streamed and each piece passed here as it arrives. */
  onText?: (text: string) => void;
}

/** The caller gave up (its signal aborted): not an LLM fault, so no fallback answer is due. */
export function isCallerAbort(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** A reply as the model gave it: the text, why it stopped, and whether it asked for a tool instead. */
export interface ModelReply {
  text: string;
  /** OpenAI's finish_reason: "stop", "length" (cut by the token limit), "tool_calls", … when the server sent one. */
  finishReason?: string;
  /** The reply asked to call a tool (no answer text is due). */
  toolCalls: number;
}

/** Reads finish_reason and tool calls from a LangChain message or stream chunk. */
function replyFacts(message: AIMessageChunk | AIMessage): { finishReason?: string; toolCalls: number } {
  const finish = message.response_metadata?.finish_reason;
  const calls =
    (message.tool_calls?.length ?? 0) + ("tool_call_chunks" in message ? (message.tool_call_chunks?.length ?? 0) : 0);
  return { finishReason: typeof finish === "string" ? finish : undefined, toolCalls: calls };
}

/**
 * Runs the chat model on the messages and returns its whole reply. Streams through `onText` when
 * given (LangChain `.stream()`), else one `.invoke()`. Any failure, including the deadline, becomes
 * an LlmCallError; a caller's abort is rethrown as is.
 */
export async function callChatModel(
  model: BaseChatModel,
  messages: BaseMessage[],
  options: CallOptions,
): Promise<string> {
  const reply = await generateReply(model, messages, options);
  if (reply.text.trim() === "") throw new LlmCallError("empty", "LLM returned no text");
  return reply.text;
}

/**
 * Same as callChatModel, with the finish reason and tool calls, and without the empty-reply error: the
 * caller decides what an empty, cut or tool-call reply means.
 */
export async function generateReply(
  model: BaseChatModel,
  messages: BaseMessage[],
  options: CallOptions,
): Promise<ModelReply> {
  const deadline = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      const error = new LlmCallError("timeout", `LLM call exceeded ${options.timeoutMs} ms`);
      deadline.abort(error);
      reject(error);
    }, options.timeoutMs);
  });
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (!options.signal) return;
    onAbort = () => reject(options.signal?.reason ?? new Error("aborted"));
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener("abort", onAbort, { once: true });
  });
  // The races make sure a client that ignores the signal cannot hold the caller past the deadline.
  expired.catch(() => undefined);
  aborted.catch(() => undefined);

  const run = async (): Promise<ModelReply> => {
    if (!options.onText) {
      const message = await model.invoke(messages, { signal });
      return { text: message.text, ...replyFacts(message) };
    }
    let text = "";
    let finishReason: string | undefined;
    let toolCalls = 0;
    const stream = await model.stream(messages, { signal });
    for await (const chunk of stream) {
      const facts = replyFacts(chunk);
      finishReason = facts.finishReason ?? finishReason;
      toolCalls += facts.toolCalls;
      const piece = chunk.text;
      if (piece === "") continue;
      if (timedOut || signal.aborted) break;
      text += piece;
      options.onText(piece);
    }
    return { text, finishReason, toolCalls };
  };

  try {
    const running = run();
    running.catch(() => undefined);
    const reply = await Promise.race([running, expired, aborted]);
    if (timedOut) throw new LlmCallError("timeout", `LLM call exceeded ${options.timeoutMs} ms`);
    return reply;
  } catch (error) {
    if (isCallerAbort(options.signal) && !timedOut) throw options.signal?.reason ?? error;
    throw classifyLlmError(error, timedOut);
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener("abort", onAbort);
    if (!deadline.signal.aborted) deadline.abort(new Error("call finished"));
  }
}
