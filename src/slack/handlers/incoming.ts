import type { Context, webApi } from "@slack/bolt";
import { isChannelAllowed, notAllowedText } from "../access.js";
import { answerInThread, type BotRuntime } from "../answer-flow.js";
import type { Surface } from "../answer-store.js";
import { messageKey } from "../dedupe.js";

/** The fields of a `message` or `app_mention` event the bot uses, read without trusting the payload's shape. */
export interface IncomingMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user?: string;
  text: string;
  botId?: string;
  subtype?: string;
  channelType?: string;
  team?: string;
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function readMessage(event: object): IncomingMessage | null {
  const e = event as Record<string, unknown>;
  const channel = str(e.channel);
  const ts = str(e.ts);
  if (channel === undefined || ts === undefined) return null;
  return {
    channel,
    ts,
    threadTs: str(e.thread_ts),
    user: str(e.user),
    text: str(e.text) ?? "",
    botId: str(e.bot_id),
    subtype: str(e.subtype),
    channelType: str(e.channel_type),
    team: str(e.team),
  };
}

/** Messages never answered: from bots (this one included), edits, joins and other subtypes, or with no author. */
export function isFromPerson(message: IncomingMessage, context: Context): boolean {
  if (message.botId !== undefined || message.subtype !== undefined) return false;
  if (message.user === undefined || message.user === context.botUserId) return false;
  return true;
}

/**
 * The shared path of mentions, direct messages and assistant-panel messages: filter, allow-list, de-duplicate
 * (Slack retries, and `message` + `app_mention` for one post), then answer in the thread.
 */
export async function handleIncoming(
  runtime: BotRuntime,
  surface: Exclude<Surface, "slash">,
  message: IncomingMessage,
  client: webApi.WebClient,
  context: Context,
): Promise<void> {
  if (!isFromPerson(message, context)) return;
  const user = message.user as string;
  if (!isChannelAllowed(message.channel, runtime.slack.allowedChannels)) {
    runtime.logger.info("Slack: question in a channel outside the allow-list", { channel: message.channel });
    await client.chat
      .postEphemeral({ channel: message.channel, user, text: notAllowedText, thread_ts: message.threadTs })
      .catch((error: unknown) => runtime.logger.warn("Slack: could not post the allow-list notice", { error }));
    return;
  }
  const teamId = context.teamId ?? message.team;
  let first = true;
  try {
    first = await runtime.dedupe.claim(messageKey(teamId, message.channel, message.ts));
  } catch (error) {
    // A broken shared store must not silence the bot: answering twice is the lesser harm.
    runtime.logger.warn("Slack: dedupe store failed; answering anyway", { error });
  }
  if (!first) {
    runtime.logger.debug("Slack: duplicate delivery ignored", { channel: message.channel, ts: message.ts, surface });
    return;
  }
  await answerInThread(runtime, {
    client,
    surface,
    channel: message.channel,
    threadTs: message.threadTs ?? message.ts,
    messageTs: message.ts,
    user,
    teamId,
    text: message.text,
    bot: { botUserId: context.botUserId, botId: context.botId },
  });
}
