import type { webApi } from "@slack/bolt";
import type { ConversationTurn } from "../core/types.js";
import { slackTextToPlain } from "./question.js";

/** Who the bot is in this workspace, to tell its own turns from the user's. */
export interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

export interface ThreadHistoryRequest {
  client: webApi.WebClient;
  channel: string;
  threadTs: string;
  /** The message being answered: it and anything after it are not history. */
  beforeTs: string;
  bot: BotIdentity;
}

/** The earlier turns of a thread, oldest first, for follow-up questions. */
export interface ThreadHistory {
  load(request: ThreadHistoryRequest): Promise<ConversationTurn[]>;
}

export interface RepliesHistoryOptions {
  /** Most recent turns kept. Default 10. */
  maxTurns?: number;
  /** Characters kept of each turn. Default 4,000. */
  maxCharsPerTurn?: number;
}

interface ReplyMessage {
  ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  metadata?: { event_type?: string; event_payload?: { passage_ids?: unknown; found?: unknown } };
}

/** The `event_type` of the message metadata the bot puts on its answers (answer id, evidence ids). */
export const answerMetadataType = "coopdocs_answer";

/** The passage ids, stored as a JSON list in a string (metadata values are scalars). */
function parseIds(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The evidence an answer message carries in its metadata, as the assistant turn's optional fields. */
function evidenceOf(message: ReplyMessage): Pick<ConversationTurn, "passageIds" | "found"> {
  const metadata = message.metadata;
  if (metadata?.event_type !== answerMetadataType) return {};
  const ids = parseIds(metadata.event_payload?.passage_ids);
  const found = metadata.event_payload?.found;
  return {
    ...(Array.isArray(ids) ? { passageIds: ids.filter((id): id is string => typeof id === "string") } : {}),
    ...(typeof found === "boolean" ? { found } : {}),
  };
}

/**
 * Reads the thread with conversations.replies. Slack is the source of truth, so history survives restarts and
 * is the same on every replica, with no store of our own. Needs the *:history scopes (see the manifest).
 * The bot's own messages become assistant turns (their `text` is the answer, their metadata its evidence); other bots are skipped,
 * and so are the bot's messages before the first question (the assistant panel's greeting).
 */
export function createRepliesHistory(options: RepliesHistoryOptions = {}): ThreadHistory {
  const maxTurns = options.maxTurns ?? 10;
  const maxChars = options.maxCharsPerTurn ?? 4000;
  return {
    async load({ client, channel, threadTs, beforeTs, bot }) {
      // include_all_metadata: the bot's answers carry their evidence ids, which a follow-up narrows.
      const result = await client.conversations.replies({
        channel,
        ts: threadTs,
        limit: 200,
        include_all_metadata: true,
      });
      const messages = (result.messages ?? []) as ReplyMessage[];
      const turns: ConversationTurn[] = [];
      for (const message of messages) {
        if (!message.ts || Number(message.ts) >= Number(beforeTs)) continue;
        const own =
          (bot.botId !== undefined && message.bot_id === bot.botId) ||
          (bot.botUserId !== undefined && message.user === bot.botUserId);
        if (!own && (message.bot_id !== undefined || message.subtype === "bot_message")) continue;
        if (
          message.subtype !== undefined &&
          message.subtype !== "bot_message" &&
          message.subtype !== "thread_broadcast"
        )
          continue;
        const text = own ? (message.text ?? "").trim() : slackTextToPlain(message.text ?? "", bot.botUserId);
        if (text === "") continue;
        turns.push(
          own
            ? { role: "assistant", text: text.slice(0, maxChars), ...evidenceOf(message) }
            : { role: "user", text: text.slice(0, maxChars) },
        );
      }
      // Bot messages before the first question (the assistant panel's greeting) are not conversation.
      const firstQuestion = turns.findIndex((turn) => turn.role === "user");
      return firstQuestion === -1 ? [] : turns.slice(firstQuestion).slice(-maxTurns);
    },
  };
}
