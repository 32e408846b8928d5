import { randomUUID } from "node:crypto";
import type { App } from "@slack/bolt";
import { isChannelAllowed, notAllowedText } from "../access.js";
import { apologyFor, runAnswerer, type BotRuntime } from "../answer-flow.js";
import { renderAnswerMessage, renderNotice, truncate } from "../blocks.js";
import { escapeMrkdwn } from "../mrkdwn.js";
import { helpText, parseQuestion } from "../question.js";

/** The immediate ack: the question echoed as plain text, so `*`, `_` or `~` in it cannot break the formatting. */
function searchingAck(question: string) {
  const echo = `Searching the documents for: ${truncate(question, 200)}`;
  return {
    response_type: "ephemeral" as const,
    text: escapeMrkdwn(echo),
    blocks: [
      { type: "context" as const, elements: [{ type: "plain_text" as const, text: `🔎 ${echo}`, emoji: true }] },
    ],
  };
}

/**
 * `/coopdocs <question>`: acknowledged at once with a "searching" line, which the private answer (ephemeral,
 * via response_url) then replaces, with a button to share the answer in the channel. `/coopdocs help` is help. Slash commands have no thread, so no
 * history.
 */
export function registerSlashCommand(app: App, runtime: BotRuntime, track: <T>(work: Promise<T>) => Promise<T>): void {
  app.command(runtime.slashCommand, async ({ command, ack, respond }) => {
    if (!isChannelAllowed(command.channel_id, runtime.slack.allowedChannels)) {
      await ack({ response_type: "ephemeral", text: notAllowedText });
      return;
    }
    const question = parseQuestion(command.text);
    if (question.kind === "help") {
      await ack({ response_type: "ephemeral", ...renderNotice(helpText) });
      return;
    }
    await ack(searchingAck(question.text));
    await track(
      (async () => {
        try {
          const answer = await runAnswerer(runtime, question, {});
          const answerId = randomUUID();
          await runtime.answers.put(answerId, {
            question: question.text,
            answer,
            surface: "slash",
            user: command.user_id,
            channel: command.channel_id,
          });
          const message = renderAnswerMessage(answer, { answerId, shareable: true }, runtime.blockLimits);
          // replace_original: the answer takes the place of the "Searching…" line.
          await respond({ response_type: "ephemeral", replace_original: true, ...message });
          runtime.logger.info("Slack: answered", { surface: "slash", channel: command.channel_id, mode: answer.mode });
        } catch (error) {
          runtime.logger.error("Slack: answering a slash command failed", { channel: command.channel_id, error });
          await respond({ response_type: "ephemeral", replace_original: true, ...apologyFor(error) }).catch(
            (postError: unknown) => runtime.logger.error("Slack: could not send the apology", { error: postError }),
          );
        }
      })(),
    );
  });
}
