/**
 * The Slack adapter: a Bolt 5 app answering mentions, direct messages, the agent view (Messages tab, assistant
 * threads) and /coopdocs with a QuestionAnswerer from the core. The core knows nothing of Slack; this folder
 * knows the core only through src/core/types.ts.
 */
export { createSlackBot, type SlackBot } from "./app.js";
export {
  defaultRetryConfig,
  defaultSuggestedPrompts,
  type SlackBotOptions,
  type SuggestedPrompt,
} from "./options.js";
export { escapeMrkdwn } from "./mrkdwn.js";
export { toSlackMarkdown, neutraliseMentions, tablesToLists } from "./markdown.js";
export { createMemoryVoteStore, type VoteStore, type Rating } from "./vote-store.js";
export {
  ActionId,
  feedbackReasons,
  defaultBlockLimits,
  renderAnswerMessage,
  type AnswerView,
  type BlockLimits,
  type KnownBlock,
  type SlackMessage,
} from "./blocks.js";
export { MemoryDedupeStore, messageKey, type DedupeStore, type MemoryDedupeStoreOptions } from "./dedupe.js";
export { MemoryAnswerStore, type AnswerStore, type AnsweredQuestion, type Surface } from "./answer-store.js";
export { createJsonlFeedbackLog, feedbackLogPath, type FeedbackEntry, type FeedbackLog } from "./feedback-log.js";
export {
  createRepliesHistory,
  type ThreadHistory,
  type ThreadHistoryRequest,
  type BotIdentity,
} from "./thread-history.js";
export { eventsPath, healthPath } from "./receiver.js";
