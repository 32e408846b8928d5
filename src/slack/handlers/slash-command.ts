import { randomUUID } from "node:crypto";
import type { App } from "@slack/bolt";
import { isChannelAllowed, notAllowedText } from "../access.js";
import { apologyFor, runAnswerer, type BotRuntime } from "../answer-flow.js";
import { renderAnswerMessage, truncate } from "../blocks.js";
import { escapeMrkdwn } from "../mrkdwn.js";
import { helpText, parseQuestion } from "../question.js";

/**
 * `/coopdocs <question>`: acknowledged at once with a "searching" line, then answered privately (ephemeral,
 * via response_url) with a button to share the answer in the channel. Slash commands have no thread, so no
 * history.
 */
export function registerSlashCommand(app: App, runtime: BotRuntime, track: <T>(work: Promise<T>) => Promise<T>): void {
  app.command(runtime.slashCommand, async ({ command, ack, respond }) => {
    if (!isChannelAllowed(command.channel_id, runtime.slack.allowedChannels)) {
      await ack({ response_type: "ephemeral", text: notAllowedText });
      return;
    }
    const question = parseQuestion(command.text);
    if (question.text === "") {
      await ack({ response_type: "ephemeral", text: helpText });
      return;
    }
    await ack({
      response_type: "ephemeral",
      text: `:mag: Searching the documents for: _${escapeMrkdwn(truncate(question.text, 200))}_`,
    });
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
          await respond({ response_type: "ephemeral", replace_original: false, ...message });
          runtime.logger.info("Slack: answered", { surface: "slash", channel: command.channel_id, mode: answer.mode });
        } catch (error) {
          runtime.logger.error("Slack: answering a slash command failed", { channel: command.channel_id, error });
          await respond({ response_type: "ephemeral", replace_original: false, ...apologyFor(error) }).catch(
            (postError: unknown) => runtime.logger.error("Slack: could not send the apology", { error: postError }),
          );
        }
      })(),
    );
  });
}
