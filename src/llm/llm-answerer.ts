import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatPromptTemplate } from "@langchain/core/prompts";
import type { LlmConfig } from "../config/config.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { Answer, AskOptions, Passage, QuestionAnswerer, Retriever } from "../core/types.js";
import { chatModelFromSettings } from "./chat-model.js";
import { CheckedStream, type CheckedReply } from "./checked-stream.js";
import { condenseQuestion } from "./condense-question.js";
import { generateReply, isCallerAbort, type ModelReply } from "./generate.js";
import { classifyLlmError } from "./llm-call-error.js";
import { resolveLlmSettings } from "./llm-settings.js";
import { defaultPromptsDir, formatPassages, loadPrompts, type Prompts } from "./prompts.js";
import { citationsFor } from "./quotes.js";
import { withSecrets } from "./secret-logger.js";

/** The offline answer from the same passages: the fallback whenever the LLM cannot be trusted. */
export type ExtractiveAnswerer = (question: string, passages: Passage[]) => Answer;

export interface LlmAnswererOptions {
  llm: LlmConfig;
  retriever: Retriever;
  extractive: ExtractiveAnswerer;
  /** Folder with system.txt, answer.txt, condense.txt and draft.txt; the project's prompts/ by default. */
  promptsDir?: string;
  logger?: Logger;
  /** Passages given to the model for an answer (default 6) when no `evidence` is given. */
  k?: number;
  /**
   * The core's evidence pool and not-found decision for a standalone question (the same the extractive
   * answer uses). When given, answers are written from these passages, and a question they do not
   * answer gets the extractive "not in the documents" answer without a model call.
   */
  evidence?: (question: string) => Promise<{ passages: Passage[]; found: boolean }>;
  /** Passages given to the model for a report draft (default 8). */
  draftK?: number;
  /** Another LangChain chat model instead of the one built from `llm` (the settings are still checked). */
  chatModel?: BaseChatModel;
  /** Where a missing key is looked up after `llm.apiKey` (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** A QuestionAnswerer that can also draft report text. */
export interface LlmAnswerer extends QuestionAnswerer {
  draft(topic: string, options?: AskOptions): Promise<Answer>;
}

/** Phrases closing a fallback note, by what was asked for. */
const fallbackTail = {
  answer: "so this is the extractive answer",
  draft: "so no draft was written; these are the relevant quotes from the documents",
} as const;

type Task = keyof typeof fallbackTail;

/** Passages shown as "closest" when the model says they do not hold the answer. */
const closestPassages = 3;
const notFoundText = "I could not find this in the documents.";

/**
 * Answers with a chat model, grounded in retrieved passages, and checks the result sentence by sentence
 * (checked-stream.ts): every citation form is read as [n] and renumbered 1..n in order of appearance; a
 * sentence citing only passages that were not given, or stating what its passages do not say, is
 * dropped; a refusal in the model's own words is the not-found answer; reasoning blocks are never
 * shown; a reply cut by the token limit keeps its complete sentences, with a note. When streaming,
 * onToken receives only checked sentences. A reply with no checked cited sentence, or any LLM fault
 * (down, slow, junk, empty, a tool call), gives the extractive answer with a one-line note instead.
 * Reads and checks the settings and prompt files once; throws CoopdocsError when they are unusable.
 */
export async function createLlmAnswerer(options: LlmAnswererOptions): Promise<LlmAnswerer> {
  const settings = resolveLlmSettings(options.llm, options.env);
  const logger = withSecrets(options.logger ?? silentLogger, [settings.apiKey]);
  const prompts: Prompts = await loadPrompts(options.promptsDir ?? defaultPromptsDir);
  const model = options.chatModel ?? chatModelFromSettings(settings);
  const { retriever, extractive } = options;
  // Passages in the prompt: more give the model more to cite, but a longer prompt (slower, and more room to
  // cite the wrong one). A draft covers a topic, so it gets more. Set by hand.
  const k = options.k ?? 6;
  const draftK = options.draftK ?? 8;
  logger.info("llm answers enabled", {
    provider: settings.provider,
    model: settings.model,
    baseUrl: settings.baseUrl ?? "(OpenAI)",
  });

  async function respond(task: Task, input: string, opts: AskOptions = {}): Promise<Answer> {
    const text = input.trim();
    if (text === "") {
      throw new CoopdocsError(
        ErrorCode.QuestionInvalid,
        task === "draft" ? "The draft topic is empty." : "The question is empty.",
      );
    }
    const started = Date.now();
    const condensed = await condenseQuestion(text, opts.history ?? [], {
      model,
      prompt: prompts.condense,
      timeoutMs: settings.timeoutMs,
      logger,
      signal: opts.signal,
    });
    const evidence = task === "answer" && options.evidence ? await options.evidence(condensed.query) : undefined;
    const passages = evidence?.passages ?? (await retriever.retrieve(condensed.query, task === "draft" ? draftK : k));
    // The extractive fallback answers what was searched: the standalone question, or (when the model
    // could not write one) the last question and the follow-up together, as the extractive mode does.
    const plainQuestion = condensed.query;
    const fallback = (reason: string): Answer => ({
      ...extractive(plainQuestion, passages),
      note: `${reason}, ${fallbackTail[task]}.`,
    });
    if (passages.length === 0 || evidence?.found === false) return extractive(plainQuestion, passages);
    // A model that just timed out or could not be reached will not answer now either: do not make
    // the user wait a second time.
    const condenseFailure = condensed.failure;
    if (condenseFailure && (condenseFailure.kind === "timeout" || condenseFailure.kind === "unreachable")) {
      return fallback(condenseFailure.reason);
    }

    const prompt: ChatPromptTemplate = task === "draft" ? prompts.draft : prompts.answer;
    const variables =
      task === "draft"
        ? { passages: formatPassages(passages), topic: condensed.query }
        : { passages: formatPassages(passages), question: condensed.query };
    const messages = await prompt.formatMessages(variables);

    // The reply is checked sentence by sentence (citation forms, claims, refusals, reasoning blocks);
    // when streaming, only checked sentences reach onToken, so nothing unchecked is ever shown.
    const checker = new CheckedStream(passages);
    const onToken = opts.onToken;
    const onText = onToken
      ? (piece: string) => {
          const checkedText = checker.push(piece);
          if (checkedText !== "") onToken(checkedText);
        }
      : undefined;

    let reply: ModelReply;
    try {
      reply = await generateReply(model, messages, { timeoutMs: settings.timeoutMs, signal: opts.signal, onText });
      if (!onToken) checker.push(reply.text);
    } catch (error) {
      if (isCallerAbort(opts.signal)) throw error;
      const failure = classifyLlmError(error, false);
      logger.warn("llm call failed; falling back to the extractive answer", {
        task,
        kind: failure.kind,
        status: failure.status,
        error: failure.message,
      });
      // Checked sentences already shown stay the answer; the note says it stopped midway.
      const { released: rest, reply: partial } = checker.end(true);
      if (onToken && partial.cited > 0 && !partial.restarted) {
        if (rest !== "") onToken(rest);
        const why = `${failure.reason.charAt(0).toLowerCase()}${failure.reason.slice(1)}`;
        return generated(partial, `The answer was interrupted (${why}); only its complete sentences are shown.`);
      }
      return fallback(failure.reason);
    }
    const cut = reply.finishReason === "length";
    const { released, reply: checked } = checker.end(cut);
    if (released !== "" && onToken) onToken(released);
    const elapsedMs = Date.now() - started;

    if (checked.cited === 0) {
      if (reply.toolCalls > 0 && !checked.hadText) {
        logger.warn("llm replied with a tool call instead of an answer; falling back", { task, elapsedMs });
        return fallback("The LLM asked to call a tool instead of answering");
      }
      if (!checked.hadText) {
        logger.warn("llm reply held no answer text; falling back", {
          task,
          reasoning: checked.hadReasoning,
          cut,
          elapsedMs,
        });
        return fallback(cut ? "The LLM reply was cut off before it answered" : "The LLM returned an empty reply");
      }
      if (checked.refusals > 0) {
        logger.info("llm found no answer in the passages", { task, elapsedMs });
        return {
          answer: `${notFoundText} The closest passages are listed below; they may not answer the question.`,
          mode: "llm",
          citations: [],
          found: false,
          passages: passages.slice(0, closestPassages),
        };
      }
      logger.warn("llm reply cited no given passage; falling back", { task, dropped: checked.dropped, cut, elapsedMs });
      return fallback(
        cut
          ? "The generated answer was cut off before a complete cited sentence"
          : "The generated answer cited none of the passages",
      );
    }
    logger.info("llm answered", {
      task,
      passages: passages.length,
      cited: checked.order.length,
      sentences: checked.cited,
      dropped: checked.dropped,
      truncated: checked.truncated,
      condensed: condensed.source,
      elapsedMs,
    });
    return generated(
      checked,
      checked.truncated
        ? "The generated answer was cut off at the length limit; only its complete sentences are shown."
        : undefined,
    );

    function generated(result: CheckedReply, note: string | undefined): Answer {
      const citations = citationsFor(result.text, result.order, passages);
      const cited = result.order.flatMap((n) => passages[n - 1] ?? []);
      return { answer: result.text, mode: "llm", citations, found: true, passages: cited, ...(note ? { note } : {}) };
    }
  }

  return {
    ask: (question, opts) => respond("answer", question, opts),
    draft: (topic, opts) => respond("draft", topic, opts),
  };
}
