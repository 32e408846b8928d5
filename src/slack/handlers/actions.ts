import type { App, BlockAction, ButtonAction, FeedbackButtonsAction, RespondFn, webApi } from "@slack/bolt";
import type { BotRuntime } from "../answer-flow.js";
import {
  ActionId,
  feedbackReasons,
  renderAnswerMessage,
  renderApology,
  renderFeedback,
  type FeedbackReason,
  type KnownBlock,
  type Votes,
} from "../blocks.js";
import type { FeedbackEntry } from "../feedback-log.js";
import type { Rating } from "../vote-store.js";

async function tell(runtime: BotRuntime, respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<void> {
  try {
    await respond(message);
  } catch (error) {
    runtime.logger.error("Slack: could not respond to a click", { error });
  }
}

/** The feedback entry for a click on an answer: question, answer and citations when the answer is still known. */
async function feedbackEntry(
  runtime: BotRuntime,
  answerId: string,
  fields: { rating: Rating; user: string; channel?: string; messageTs?: string; fallbackText?: string },
): Promise<FeedbackEntry> {
  const record = await runtime.answers.get(answerId);
  return {
    time: new Date().toISOString(),
    rating: fields.rating,
    user: fields.user,
    channel: fields.channel,
    messageTs: fields.messageTs,
    surface: record?.surface,
    question: record?.question ?? null,
    answer: record?.answer.answer ?? fields.fallbackText ?? "",
    mode: record?.answer.mode,
    found: record?.answer.found,
    citations: record?.answer.citations ?? [],
  };
}

/** The message's blocks with the vote line under the feedback buttons replaced by the current votes. */
function blocksWithVotes(blocks: readonly KnownBlock[], answerId: string, votes: Votes): KnownBlock[] | undefined {
  const at = blocks.findIndex((b) => b.block_id === "coopdocs_feedback");
  if (at < 0) return undefined;
  const rest = blocks.filter((b, i) => i !== at && b.block_id !== "coopdocs_votes");
  rest.splice(at, 0, ...renderFeedback({ answerId, votes }));
  return rest;
}

/** The short choice of reasons a 👎 offers, privately to the person who clicked. */
function reasonPrompt(answerId: string, messageTs: string): { text: string; blocks: KnownBlock[] } {
  const text = "Sorry this did not help. What was wrong? (optional)";
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        block_id: "coopdocs_feedback_reasons",
        elements: (Object.keys(feedbackReasons) as FeedbackReason[]).map((reason) => ({
          type: "button" as const,
          action_id: `${ActionId.FeedbackReason}_${reason}`,
          text: { type: "plain_text" as const, text: feedbackReasons[reason] },
          value: `${reason}|${answerId}|${messageTs}`,
        })),
      },
    ],
  };
}

/**
 * 👍/👎 (`feedback_buttons`): one vote per user per message, the last one counting. Each change is one JSON line
 * in the feedback log (saying which vote it replaces); the message then shows who chose what under the
 * buttons, and a 👎 offers a short choice of reasons.
 */
function registerFeedback(app: App, runtime: BotRuntime): void {
  app.action<BlockAction<FeedbackButtonsAction>>(ActionId.Feedback, async ({ ack, body, action, respond, client }) => {
    await ack();
    const [ratingText, answerId = ""] = (action.value ?? "").split(":", 2);
    const rating: Rating = ratingText === "down" ? "down" : "up";
    const channel = body.channel?.id ?? body.container.channel_id;
    const messageTs = body.message?.ts ?? body.container.message_ts;
    const user = body.user.id;
    const replaced = runtime.votes.cast(`${channel}:${messageTs}`, user, rating);
    try {
      if (replaced !== rating) {
        const entry = await feedbackEntry(runtime, answerId, {
          rating,
          user,
          channel,
          messageTs,
          fallbackText: body.message?.text,
        });
        await runtime.feedbackLog.append({ ...entry, ...(replaced ? { replaces: replaced } : {}) });
        runtime.logger.info("Slack: feedback", { rating, replaces: replaced, channel });
      }
    } catch (error) {
      runtime.logger.error("Slack: could not save feedback", { error });
      await tell(runtime, respond, { response_type: "ephemeral", replace_original: false, ...renderApology() });
      return;
    }
    await showVotes(runtime, { client, respond, body, answerId, channel, messageTs });
    if (rating === "down" && replaced !== "down" && messageTs) {
      await tell(runtime, respond, {
        response_type: "ephemeral",
        replace_original: false,
        ...reasonPrompt(answerId, messageTs),
      });
    } else if (rating === "up" && replaced !== "up") {
      await tell(runtime, respond, {
        response_type: "ephemeral",
        replace_original: false,
        text: "Thanks for your feedback!",
      });
    }
  });
}

/** Shows the current votes on the answer: chat.update for a posted message, respond for an ephemeral one. */
async function showVotes(
  runtime: BotRuntime,
  click: {
    client: webApi.WebClient;
    respond: RespondFn;
    body: BlockAction;
    answerId: string;
    channel?: string;
    messageTs?: string;
  },
): Promise<void> {
  const { body, answerId, channel, messageTs } = click;
  const votes = runtime.votes.votes(`${channel}:${messageTs}`);
  try {
    const current = body.message?.blocks as KnownBlock[] | undefined;
    // Only a message whose answer is in our own markdown block can be edited block by block: a streamed
    // one holds its text outside the blocks we sent, and editing those would drop it.
    const editable = current?.some((b) => b.type === "markdown") ? current : undefined;
    const updated = editable ? blocksWithVotes(editable, answerId, votes) : undefined;
    const ephemeral = body.container.is_ephemeral === true;
    if (updated && channel && messageTs && !ephemeral) {
      await click.client.chat.update({ channel, ts: messageTs, text: body.message?.text ?? "", blocks: updated });
      return;
    }
    // Otherwise the whole answer again, from the answer store, with the votes.
    const record = await runtime.answers.get(answerId);
    if (!record) return;
    const message = renderAnswerMessage(
      record.answer,
      { answerId, votes, shareable: ephemeral && record.surface === "slash" },
      runtime.blockLimits,
    );
    if (ephemeral || !channel || !messageTs) await click.respond({ replace_original: true, ...message });
    else await click.client.chat.update({ channel, ts: messageTs, ...message });
  } catch (error) {
    runtime.logger.warn("Slack: could not show the vote on the answer", { error });
  }
}

/** A reason after 👎: one more line in the feedback log, and the choice replaced by a thank-you. */
function registerFeedbackReason(app: App, runtime: BotRuntime): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ActionId.FeedbackReason}_`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const [reason = "", answerId = "", messageTs] = (action.value ?? "").split("|");
      const label = feedbackReasons[reason as FeedbackReason];
      if (!label) return;
      try {
        const entry = await feedbackEntry(runtime, answerId, {
          rating: "down",
          user: body.user.id,
          channel: body.channel?.id,
          messageTs,
        });
        await runtime.feedbackLog.append({ ...entry, reason });
        await tell(runtime, respond, { replace_original: true, text: `Thanks, noted: ${label}.` });
      } catch (error) {
        runtime.logger.error("Slack: could not save the feedback reason", { error });
        await tell(runtime, respond, { response_type: "ephemeral", replace_original: false, ...renderApology() });
      }
    },
  );
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
  registerFeedback(app, runtime);
  registerFeedbackReason(app, runtime);
  registerShare(app, runtime);
}
