import type { App } from "@slack/bolt";
import type { BotRuntime } from "../answer-flow.js";
import { renderNotice } from "../blocks.js";
import { assistantGreeting } from "./assistant.js";

// Slack shows at most four suggested prompts (manifest schema: agent_view.suggested_prompts maxItems 4).
const maxPrompts = 4;

/**
 * The Agent messaging experience: the app's Messages tab is where people talk to it. When someone opens it,
 * the suggested prompts are pinned there (assistant.threads.setSuggestedPrompts without a thread), and a
 * conversation with no messages yet gets the welcome. Questions there arrive as `message.im` (messages.ts).
 */
export function registerAppHome(app: App, runtime: BotRuntime): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "messages") return;
    const channel = event.channel;
    try {
      await client.assistant.threads.setSuggestedPrompts({
        channel_id: channel,
        title: "Try asking:",
        prompts: runtime.suggestedPrompts.slice(0, maxPrompts),
      });
    } catch (error) {
      runtime.logger.debug("Slack: could not pin suggested prompts in the Messages tab (ignored)", { channel, error });
    }
    try {
      // Welcome only an empty conversation: reading one message is cheaper than a store, and survives restarts.
      const history = await client.conversations.history({ channel, limit: 1 });
      if ((history.messages ?? []).length > 0) return;
      await client.chat.postMessage({ channel, ...renderNotice(assistantGreeting) });
    } catch (error) {
      runtime.logger.warn("Slack: could not welcome a user in the Messages tab", { channel, error });
    }
  });

  // The agent view says which channel the user is looking at. Answers come from the documents only, so the
  // context is noted in the log (for debugging), not used.
  app.event("app_context_changed", async ({ event }) => {
    runtime.logger.debug("Slack: app context changed", { channel: event.channel });
  });
}
