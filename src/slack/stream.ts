import type { webApi } from "@slack/bolt";
import type { Logger } from "../core/logger.js";
import type { KnownBlock, SlackMessage } from "./blocks.js";
import { createStreamSanitiser } from "./markdown.js";

type ChatStreamer = ReturnType<webApi.WebClient["chatStream"]>;

/** Slack message metadata: the answer's id and evidence travel with the message (see thread-history.ts). */
export interface AnswerMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

export interface AnswerStreamTarget {
  client: webApi.WebClient;
  channel: string;
  threadTs: string;
  /** Needed by chat.startStream outside direct messages. */
  teamId?: string;
  userId?: string;
  bufferSize: number;
  logger: Logger;
}

/** The finished answer, in the three shapes the ways of delivering it need. */
export interface FinalAnswer {
  /** The answer's Markdown as the markdown block holds it (already safe for Slack). */
  markdown: string;
  /** Sources, feedback and share controls: what ends the stream. */
  trailer: KnownBlock[];
  /** The whole message (markdown block + trailer), for chat.update and chat.postMessage. */
  message: SlackMessage;
  metadata?: AnswerMetadata;
}

/** How the answer reached the thread: streamed, streamed then replaced (chat.update), or posted at once. */
export type DeliveredBy = "stream" | "update" | "post";

/**
 * Every answer goes out as a Slack stream (chat.startStream / appendStream / stopStream through the WebClient's
 * chatStream helper): LLM tokens as they come, an extractive answer as one chunk, so a long answer appears at
 * once rather than after a long post. The stream ends with the sources and feedback buttons.
 *
 * Streaming is an improvement, never a requirement: where it is unavailable (no chatStream, startStream
 * refused) the whole message is posted; when a started stream cannot be ended (it expired:
 * `message_not_in_streaming_state`) or the final answer differs from what was streamed (the LLM answer fell
 * back to the extractive one, a table became a list), the streamed message is replaced with chat.update.
 */
export interface AnswerStream {
  /** Give to the answerer as `onToken`. Never throws. */
  onToken(token: string): void;
  /** Delivers the final answer; throws only when no way of delivering it worked. */
  deliver(final: FinalAnswer): Promise<{ by: DeliveredBy; ts?: string }>;
  /** Closes a started stream after an error, so the half message does not stay "typing". Never throws. */
  abandon(): Promise<void>;
}

export function createAnswerStream(target: AnswerStreamTarget): AnswerStream {
  const { client, channel, threadTs, logger } = target;
  let streamer: ChatStreamer | null = null;
  let failed = false;
  let stopped = false;
  let streamed = "";
  let pending: Promise<void> = Promise.resolve();
  const sanitiser = createStreamSanitiser();

  const fail = (error: unknown) => {
    failed = true;
    logger.warn("Slack: streaming failed; the answer is posted or updated instead", { channel, error });
  };

  /** The streamer, started lazily; null where the WebClient has no chatStream. */
  const open = (): ChatStreamer | null => {
    if (streamer !== null) return streamer;
    if (typeof client.chatStream !== "function") {
      failed = true;
      return null;
    }
    try {
      streamer = client.chatStream({
        channel,
        thread_ts: threadTs,
        recipient_team_id: target.teamId,
        recipient_user_id: target.userId,
        buffer_size: target.bufferSize,
      });
      return streamer;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const post = async (final: FinalAnswer) => {
    const result = await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      ...final.message,
      ...(final.metadata ? { metadata: final.metadata } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    return { by: "post" as const, ts: result.ts };
  };

  const update = async (ts: string, final: FinalAnswer) => {
    await client.chat.update({
      channel,
      ts,
      ...final.message,
      ...(final.metadata ? { metadata: final.metadata } : {}),
    });
    return { by: "update" as const, ts };
  };

  return {
    onToken(token) {
      if (failed || stopped || token === "") return;
      const active = open();
      if (active === null) return;
      const text = sanitiser.push(token);
      if (text === "") return;
      streamed += text;
      pending = pending.then(async () => {
        if (failed) return;
        try {
          await active.append({ markdown_text: text });
        } catch (error) {
          fail(error);
        }
      });
    },

    async deliver(final) {
      await pending;
      const held = sanitiser.flush();
      streamed += held;
      const active = failed ? streamer : open();
      if (active === null) return post(final);
      if (failed) {
        // The stream broke part way: replace what reached Slack, or post if nothing did.
        await this.abandon();
        return active.ts ? update(active.ts, final) : post(final);
      }
      stopped = true;
      const same = streamed === "" || streamed.trim() === final.markdown.trim();
      try {
        await active.stop({
          ...(streamed === "" ? { markdown_text: final.markdown } : held ? { markdown_text: held } : {}),
          ...(same ? { blocks: final.trailer } : {}),
          ...(same && final.metadata ? { metadata: final.metadata } : {}),
        });
        if (same) return { by: "stream", ts: active.ts };
      } catch (error) {
        // An expired stream (message_not_in_streaming_state), or one Slack would not start.
        fail(error);
      }
      return active.ts ? update(active.ts, final) : post(final);
    },

    async abandon() {
      await pending;
      // Nothing reached Slack yet (still buffered): there is no message to close.
      if (streamer === null || streamer.ts === undefined || stopped) return;
      stopped = true;
      try {
        await streamer.stop({ markdown_text: "\n\n_(interrupted)_" });
      } catch (error) {
        logger.debug("Slack: could not close an interrupted stream", { error });
      }
    },
  };
}
