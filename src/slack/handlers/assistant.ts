import { Assistant } from "@slack/bolt";
import type { BotRuntime } from "../answer-flow.js";
import { renderNotice } from "../blocks.js";
import { handleIncoming, readMessage } from "./incoming.js";

export const assistantGreeting =
  "Hi! I answer questions about the ASEAN–China environmental cooperation documents, with numbered sources you can check. " +
  "Pick a suggestion or ask your own question; follow-ups in the thread narrow my last answer. Say `help` for more.";

/**
 * Assistant threads (the split-view panel of workspaces on `assistant_view`, and threads in the agent view):
 * greeting and suggested prompts when a thread opens, then every message in the thread answered with the
 * thread's history, a "searching the documents…" status and a thread title. Bolt keeps the thread context
 * (`assistant_thread_context_changed`) itself.
 */
export function createAssistant(runtime: BotRuntime, track: <T>(work: Promise<T>) => Promise<T>): Assistant {
  return new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts }) => {
      try {
        await say(renderNotice(assistantGreeting));
        await setSuggestedPrompts({ title: "Try asking:", prompts: runtime.suggestedPrompts.slice(0, 4) });
      } catch (error) {
        runtime.logger.error("Slack: could not greet a new assistant thread", { error });
      }
    },
    userMessage: async ({ message: event, client, context }) => {
      const message = readMessage(event);
      if (message) await track(handleIncoming(runtime, "assistant", message, client, context));
    },
  });
}
