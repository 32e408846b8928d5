import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { BotRuntime } from "../answer-flow.js";
import { ActionId, renderAnswerMessage, renderApology } from "../blocks.js";
import type { FeedbackEntry } from "../feedback-log.js";

const thanks = { response_type: "ephemeral" as const, replace_original: false, text: "Thanks for your feedback!" };

async function tell(runtime: BotRuntime, respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<void> {
  try {
    await respond(message);
  } catch (error) {
    runtime.logger.error("Slack: could not respond to a button click", { error });
  }
}

/**
 * 👍/👎: one JSON line in the feedback log with the question, answer and citations. When the answer is no longer
 * in the answer store (a restart), the line still records the rating and the message's own text.
 */
function registerFeedback(app: App, runtime: BotRuntime, rating: FeedbackEntry["rating"], actionId: string): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }) => {
    await ack();
    const record = await runtime.answers.get(action.value ?? "");
    const entry: FeedbackEntry = {
      time: new Date().toISOString(),
      rating,
      user: body.user.id,
      channel: body.channel?.id,
      messageTs: body.message?.ts ?? body.container.message_ts,
      surface: record?.surface,
      question: record?.question ?? null,
      answer: record?.answer.answer ?? body.message?.text ?? "",
      mode: record?.answer.mode,
      found: record?.answer.found,
      citations: record?.answer.citations ?? [],
    };
    try {
      await runtime.feedbackLog.append(entry);
      runtime.logger.info("Slack: feedback", { rating, channel: entry.channel, known: record !== undefined });
      await tell(runtime, respond, thanks);
    } catch (error) {
      runtime.logger.error("Slack: could not save feedback", { error });
      await tell(runtime, respond, { response_type: "ephemeral", replace_original: false, ...renderApology() });
    }
  });
}

/** "Share in channel" on an ephemeral slash-command answer: post it for everyone, then remove the private copy. */
function registerShare(app: App, runtime: BotRuntime): void {
  app.action<BlockAction<ButtonAction>>(ActionId.Share, async ({ ack, body, action, respond }) => {
    await ack();
    const answerId = action.value ?? "";
    const record = await runtime.answers.get(answerId);
    if (!record) {
      await tell(runtime, respond, {
        response_type: "ephemeral",
        replace_original: false,
        text: "This answer is no longer available to share. Please ask again.",
      });
      return;
    }
    try {
      const message = renderAnswerMessage(
        record.answer,
        { answerId, askedBy: { user: body.user.id, question: record.question } },
        runtime.blockLimits,
      );
      await respond({ response_type: "in_channel", replace_original: false, ...message });
      await respond({ delete_original: true });
    } catch (error) {
      runtime.logger.error("Slack: sharing an answer failed", { error });
      await tell(runtime, respond, { response_type: "ephemeral", replace_original: false, ...renderApology() });
    }
  });
}

export function registerActions(app: App, runtime: BotRuntime): void {
  registerFeedback(app, runtime, "up", ActionId.FeedbackUp);
  registerFeedback(app, runtime, "down", ActionId.FeedbackDown);
  registerShare(app, runtime);
}
