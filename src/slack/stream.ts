import type { webApi } from "@slack/bolt";
import type { Logger } from "../core/logger.js";
import type { KnownBlock } from "./blocks.js";

type ChatStreamer = ReturnType<webApi.WebClient["chatStream"]>;

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

/**
 * Streams an LLM answer into the thread as it is generated (chat.startStream / appendStream / stopStream via
 * the WebClient's chatStream helper), and ends it with the sources and feedback buttons.
 *
 * Streaming is an improvement, never a requirement: with no tokens (extractive answers), no chatStream in the
 * WebClient, or any streaming error, `finish` returns false and the caller posts the one final message.
 */
export interface AnswerStream {
  /** Give to the answerer as `onToken`. Never throws. */
  onToken(token: string): void;
  /**
   * Ends the stream. Returns true when the streamed message now is the complete answer with `trailer` under
   * it; false when the caller must post the final message (nothing streamed, streaming failed, or the final
   * answer differs from what was streamed, e.g. the LLM answer fell back to the extractive one).
   */
  finish(finalMarkdown: string, trailer: KnownBlock[]): Promise<boolean>;
  /** Closes a started stream after an error, so the half message does not stay "typing". Never throws. */
  abandon(): Promise<void>;
}

/** Streamed text is Markdown that Slack renders; `<` is neutralised so no `<!channel>` or `<@U…>` gets through. */
function sanitiseToken(token: string): string {
  return token.replace(/</g, "&lt;");
}

export function createAnswerStream(target: AnswerStreamTarget): AnswerStream {
  let streamer: ChatStreamer | null = null;
  let failed = false;
  let stopped = false;
  let streamedText = "";
  let pending: Promise<void> = Promise.resolve();

  const fail = (error: unknown) => {
    failed = true;
    target.logger.warn("Streaming to Slack failed; posting the answer as one message instead", {
      channel: target.channel,
      error,
    });
  };

  return {
    onToken(token) {
      if (failed || stopped || token === "") return;
      streamedText += token;
      if (streamer === null) {
        if (typeof target.client.chatStream !== "function") {
          failed = true;
          return;
        }
        try {
          streamer = target.client.chatStream({
            channel: target.channel,
            thread_ts: target.threadTs,
            recipient_team_id: target.teamId,
            recipient_user_id: target.userId,
            buffer_size: target.bufferSize,
          });
        } catch (error) {
          fail(error);
          return;
        }
      }
      const active = streamer;
      const text = sanitiseToken(token);
      pending = pending.then(async () => {
        if (failed) return;
        try {
          await active.append({ markdown_text: text });
        } catch (error) {
          fail(error);
        }
      });
    },

    async finish(finalMarkdown, trailer) {
      await pending;
      if (streamer === null) return false;
      const sameText = streamedText.trim() === finalMarkdown.trim();
      if (failed) {
        await this.abandon();
        return false;
      }
      try {
        stopped = true;
        if (sameText) {
          await streamer.stop({ blocks: trailer });
          return true;
        }
        await streamer.stop({ markdown_text: "\n\n_(The final answer is below.)_" });
        return false;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    async abandon() {
      await pending;
      // Nothing reached Slack yet (still buffered): there is no message to close.
      if (streamer === null || streamer.ts === undefined || stopped) return;
      stopped = true;
      try {
        await streamer.stop({ markdown_text: "\n\n_(interrupted)_" });
      } catch (error) {
        target.logger.debug("Could not close an interrupted stream", { error });
      }
    },
  };
}
