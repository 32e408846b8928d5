import { randomUUID } from "node:crypto";
import type { webApi } from "@slack/bolt";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { Answer, AskOptions, ConversationTurn } from "../core/types.js";
import type { Surface } from "./answer-store.js";
import { renderAnswerMessage, renderApology, renderNotice, renderTrailer, truncate, type SlackMessage } from "./blocks.js";
import type { ResolvedOptions } from "./options.js";
import { helpText, parseQuestion, type ParsedQuestion } from "./question.js";
import { createAnswerStream } from "./stream.js";
import type { BotIdentity } from "./thread-history.js";

/** What the bot needs at run time: resolved options plus the signal that stop() aborts. */
export interface BotRuntime extends ResolvedOptions {
  shutdown: AbortSignal;
}

/** A question asked in a thread (channel mention, direct message or assistant panel). */
export interface ThreadQuestion {
  client: webApi.WebClient;
  surface: Exclude<Surface, "slash">;
  channel: string;
  /** The thread the reply goes to (the message's own ts for a new thread). */
  threadTs: string;
  /** The user's message being answered. */
  messageTs: string;
  user: string;
  teamId?: string;
  text: string;
  bot: BotIdentity;
}

/** Rejects when `signal` aborts, so a stuck answerer can never leave the user without a reply. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error("Answer aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Calls `draft` for "draft:" messages when the answerer has it, `ask` otherwise; bounded by a timeout. */
export function runAnswerer(
  runtime: BotRuntime,
  question: ParsedQuestion,
  options: Omit<AskOptions, "signal">,
): Promise<Answer> {
  const signal = AbortSignal.any([runtime.shutdown, AbortSignal.timeout(runtime.answerTimeoutMs)]);
  const answerer = runtime.answerer;
  const call =
    question.kind === "draft" && answerer.draft
      ? answerer.draft(question.text, { ...options, signal })
      : answerer.ask(question.text, { ...options, signal });
  return raceAbort(call, signal);
}

/** The apology, with the error's own words only when they were written for the user. */
export function apologyFor(error: unknown): SlackMessage {
  if (CoopdocsError.is(error, ErrorCode.QuestionInvalid)) return renderApology(error.message);
  if (error instanceof Error && error.name === "TimeoutError") return renderApology("The answer took too long.");
  return renderApology();
}

async function bestEffort(runtime: BotRuntime, what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    runtime.logger.debug(`Slack: ${what} failed (ignored)`, { error });
  }
}

async function loadHistory(runtime: BotRuntime, q: ThreadQuestion): Promise<ConversationTurn[]> {
  if (q.threadTs === q.messageTs) return [];
  try {
    return await runtime.history.load({
      client: q.client,
      channel: q.channel,
      threadTs: q.threadTs,
      beforeTs: q.messageTs,
      bot: q.bot,
    });
  } catch (error) {
    // Without history the question is still answered, only without the thread's context.
    runtime.logger.warn("Slack: could not read the thread's earlier turns", { channel: q.channel, error });
    return [];
  }
}

/**
 * Answers one question in its thread: status, history, answer (streamed when the answerer streams), Block Kit
 * reply with sources and feedback buttons. Any failure is logged and answered with a short apology.
 */
export async function answerInThread(runtime: BotRuntime, q: ThreadQuestion): Promise<void> {
  const { client, channel, threadTs } = q;
  const post = (message: SlackMessage) =>
    client.chat.postMessage({ channel, thread_ts: threadTs, ...message, unfurl_links: false, unfurl_media: false });

  const question = parseQuestion(q.text, q.bot.botUserId);
  if (question.text === "") {
    await post(renderNotice(helpText)).catch((error: unknown) =>
      runtime.logger.error("Slack: could not post the help text", { channel, error }),
    );
    return;
  }

  const stream = createAnswerStream({
    client,
    channel,
    threadTs,
    teamId: q.teamId,
    userId: q.user,
    bufferSize: runtime.streamBufferSize,
    logger: runtime.logger,
  });
  const started = Date.now();
  try {
    await bestEffort(runtime, "setStatus", () =>
      client.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status: runtime.statusText }),
    );
    const history = await loadHistory(runtime, q);
    // The first question names the assistant thread.
    if (q.surface === "assistant" && history.length === 0) {
      await bestEffort(runtime, "setTitle", () =>
        client.assistant.threads.setTitle({ channel_id: channel, thread_ts: threadTs, title: truncate(question.text, 80) }),
      );
    }

    const answer = await runAnswerer(runtime, question, { history, onToken: (token) => stream.onToken(token) });
    const answerId = randomUUID();
    await runtime.answers.put(answerId, { question: question.text, answer, surface: q.surface, user: q.user, channel, threadTs });

    const trailer = renderTrailer(answer, { answerId }, runtime.blockLimits);
    const streamed = await stream.finish(answer.answer, trailer);
    if (!streamed) await post(renderAnswerMessage(answer, { answerId }, runtime.blockLimits));
    runtime.logger.info("Slack: answered", {
      surface: q.surface,
      channel,
      mode: answer.mode,
      found: answer.found,
      citations: answer.citations.length,
      followUp: history.length > 0,
      streamed,
      ms: Date.now() - started,
    });
  } catch (error) {
    runtime.logger.error("Slack: answering failed", { surface: q.surface, channel, error });
    await stream.abandon();
    try {
      await post(apologyFor(error));
    } catch (postError) {
      runtime.logger.error("Slack: could not post the apology either", { channel, error: postError });
    }
  }
}
