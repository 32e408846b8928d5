import type { App } from "@slack/bolt";
import type { BotRuntime } from "../answer-flow.js";
import { handleIncoming, readMessage } from "./incoming.js";

/** @-mentions in channels: the answer goes in the thread of the mention. */
export function registerMentionHandler(
  app: App,
  runtime: BotRuntime,
  track: <T>(work: Promise<T>) => Promise<T>,
): void {
  app.event("app_mention", async ({ event, client, context }) => {
    const message = readMessage(event);
    if (message) await track(handleIncoming(runtime, "mention", message, client, context));
  });
}

/**
 * Top-level direct messages. Replies go in a thread of the message, so follow-ups there carry the history;
 * messages inside DM threads reach the Assistant's userMessage (Bolt routes every IM thread message there).
 * Channel messages are ignored even if message.channels is subscribed: in channels the bot answers mentions only.
 */
export function registerDirectMessageHandler(
  app: App,
  runtime: BotRuntime,
  track: <T>(work: Promise<T>) => Promise<T>,
): void {
  app.message(async ({ message: event, client, context }) => {
    const message = readMessage(event);
    if (message?.channelType !== "im") return;
    await track(handleIncoming(runtime, "dm", message, client, context));
  });
}
