import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Logger } from "../core/logger.js";
import type { ConversationTurn } from "../core/types.js";
import { callChatModel, isCallerAbort } from "./generate.js";
import { classifyLlmError, LlmCallError } from "./llm-call-error.js";
import { notFoundSentinel } from "./not-found-sentinel.js";
import { stripReasoning } from "./reasoning.js";
import { formatHistory } from "./prompts.js";

/** Turns of the thread shown to the model: the latest ones are what a follow-up refers to. */
const maxTurns = 8;
// A condensed question longer than this is the model rambling, not a question: the original is used instead.
const maxQuestionChars = 500;

export interface CondensedQuestion {
  /** What to search with (and what the answer prompt is asked). */
  query: string;
  /** How it was made: by the model, or by joining the last question and the follow-up when the model failed. */
  source: "none" | "llm" | "fallback";
  /** Why the model's rewrite was not used (source "fallback"). */
  failure?: LlmCallError;
}

/** The model's reply as one clean question, or undefined when it is not one. */
export function cleanStandalone(reply: string): string | undefined {
  const line = reply
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "");
  if (!line) return undefined;
  const text = line
    .replace(/^(?:standalone question|question|rewritten question)\s*:\s*/i, "")
    .replace(/^["'“”«»`]+|["'“”«»`]+$/g, "")
    .trim();
  if (text === "" || text.length > maxQuestionChars || text.toUpperCase().includes(notFoundSentinel)) return undefined;
  return text;
}

/**
 * Rewrites a follow-up as a standalone question from the thread history, before retrieval. Without
 * history the question is returned as is. When the model fails, the last user question and the
 * follow-up are searched together, which keeps the topic for retrieval.
 */
export async function condenseQuestion(
  question: string,
  history: readonly ConversationTurn[],
  deps: { model: BaseChatModel; prompt: ChatPromptTemplate; timeoutMs: number; logger: Logger; signal?: AbortSignal },
): Promise<CondensedQuestion> {
  const turns = history.filter((t) => t.text.trim() !== "").slice(-maxTurns);
  if (turns.length === 0) return { query: question, source: "none" };
  try {
    const messages = await deps.prompt.formatMessages({ history: formatHistory(turns), question });
    const reply = await callChatModel(deps.model, messages, { timeoutMs: deps.timeoutMs, signal: deps.signal });
    const standalone = cleanStandalone(stripReasoning(reply));
    if (standalone === undefined) throw new LlmCallError("invalid", "condensation reply is not one question");
    deps.logger.debug("llm condensed follow-up", { question, standalone });
    return { query: standalone, source: "llm" };
  } catch (error) {
    if (isCallerAbort(deps.signal)) throw error;
    deps.logger.warn("llm condensation failed; searching with the last question and the follow-up", { error });
    const lastUser = [...turns]
      .reverse()
      .find((t) => t.role === "user")
      ?.text.trim();
    return {
      query: lastUser ? `${lastUser} ${question}` : question,
      source: "fallback",
      failure: classifyLlmError(error, false),
    };
  }
}
