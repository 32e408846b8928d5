import { randomUUID } from "node:crypto";
import type { webApi } from "@slack/bolt";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { Answer, AskOptions, ConversationTurn } from "../core/types.js";
import type { Surface } from "./answer-store.js";
import {
  answerMarkdown,
  renderAnswerMessage,
  renderApology,
  renderNotice,
  renderTrailer,
  truncate,
  type SlackMessage,
} from "./blocks.js";
import type { ResolvedOptions } from "./options.js";
import { helpText, parseQuestion, type ParsedQuestion } from "./question.js";
import { createAnswerStream, type AnswerMetadata } from "./stream.js";
import { answerMetadataType } from "./thread-history.js";
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

/** Said under an answer to "draft:" when no LLM is configured: what drafting needs and what is shown instead. */
export const draftNeedsLlm =
  "Drafting needs an LLM (set LLM_PROVIDER, see the README); without one, here are the passages on this topic instead.";

/** Said when the thread's earlier messages could not be read. */
export const lostContextRemark =
  "I could not read this thread's earlier messages, so this answer does not take them into account.";

/** Calls `draft` for "draft:" messages when the answerer has it, `ask` otherwise; bounded by a timeout. */
export async function runAnswerer(
  runtime: BotRuntime,
  question: ParsedQuestion,
  options: Omit<AskOptions, "signal">,
): Promise<Answer> {
  const signal = AbortSignal.any([runtime.shutdown, AbortSignal.timeout(runtime.answerTimeoutMs)]);
  const answerer = runtime.answerer;
  if (question.kind === "draft" && !answerer.draft) {
    const answer = await raceAbort(answerer.ask(question.text, { ...options, signal }), signal);
    return { ...answer, note: [draftNeedsLlm, answer.note].filter(Boolean).join(" ") };
  }
  const call =
    question.kind === "draft" && answerer.draft
      ? answerer.draft(question.text, { ...options, signal })
      : answerer.ask(question.text, { ...options, signal });
  return raceAbort(call, signal);
}

/**
 * What the user is told when answering failed. A question the core refused (empty, too long) is told why
 * and what to do, not asked to "try again"; other errors get the apology without their internals.
 */
export function apologyFor(error: unknown): SlackMessage {
  if (CoopdocsError.is(error, ErrorCode.QuestionInvalid)) {
    return renderNotice([error.message, error.hint].filter(Boolean).join(" "));
  }
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

async function loadHistory(
  runtime: BotRuntime,
  q: ThreadQuestion,
): Promise<{ history: ConversationTurn[]; lost: boolean }> {
  if (q.threadTs === q.messageTs) return { history: [], lost: false };
  try {
    const history = await runtime.history.load({
      client: q.client,
      channel: q.channel,
      threadTs: q.threadTs,
      beforeTs: q.messageTs,
      bot: q.bot,
    });
    return { history, lost: false };
  } catch (error) {
    // Without history the question is still answered, only without the thread's context — and the user is told.
    runtime.logger.warn("Slack: could not read the thread's earlier turns", { channel: q.channel, error });
    return { history: [], lost: true };
  }
}

/** Message metadata carrying the answer's id and evidence, so a follow-up in the thread can narrow it. */
export function answerMetadata(answerId: string, answer: Answer): AnswerMetadata {
  return {
    event_type: answerMetadataType,
    event_payload: {
      answer_id: answerId,
      found: answer.found,
      // A JSON list in a string (metadata values are scalars); 40 ids keep the payload small.
      passage_ids: JSON.stringify(answer.passages.slice(0, 40).map((p) => p.id)),
    },
  };
}

/**
 * Answers one question in its thread: status (with rotating loading messages), history, the answer streamed
 * (or posted where streaming is unavailable) in a markdown block with compact sources and feedback buttons.
 * Any failure is logged and answered with a short message; the status is cleared on every path.
 */
export async function answerInThread(runtime: BotRuntime, q: ThreadQuestion): Promise<void> {
  const { client, channel, threadTs } = q;
  const post = (message: SlackMessage) =>
    client.chat.postMessage({ channel, thread_ts: threadTs, ...message, unfurl_links: false, unfurl_media: false });

  const question = parseQuestion(q.text, q.bot.botUserId);
  if (question.kind === "help") {
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
  let delivered = false;
  try {
    await bestEffort(runtime, "setStatus", () =>
      client.assistant.threads.setStatus({
        channel_id: channel,
        thread_ts: threadTs,
        status: runtime.statusText,
        loading_messages: runtime.loadingMessages,
      }),
    );
    const { history, lost } = await loadHistory(runtime, q);
    // The first question names the assistant thread.
    if (q.surface === "assistant" && history.length === 0) {
      await bestEffort(runtime, "setTitle", () =>
        client.assistant.threads.setTitle({
          channel_id: channel,
          thread_ts: threadTs,
          title: truncate(question.text, 80),
        }),
      );
    }

    const answer = await runAnswerer(runtime, question, { history, onToken: (token) => stream.onToken(token) });
    const answerId = randomUUID();
    await runtime.answers.put(answerId, {
      question: question.text,
      answer,
      surface: q.surface,
      user: q.user,
      channel,
      threadTs,
    });

    const view = { answerId, remark: lost ? lostContextRemark : undefined };
    const message = renderAnswerMessage(answer, view, runtime.blockLimits);
    const delivery = await stream.deliver({
      markdown: answerMarkdown(answer, runtime.blockLimits),
      trailer: renderTrailer(answer, view, runtime.blockLimits),
      message,
      metadata: answerMetadata(answerId, answer),
    });
    delivered = true;
    runtime.logger.info("Slack: answered", {
      surface: q.surface,
      channel,
      mode: answer.mode,
      found: answer.found,
      citations: answer.citations.length,
      followUp: history.length > 0,
      delivered: delivery.by,
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
  } finally {
    // A reply clears the status in Slack; when none could be posted, it would stay on "searching…" until Slack times it out.
    if (!delivered) {
      await bestEffort(runtime, "clear status", () =>
        client.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status: "" }),
      );
    }
  }
}
