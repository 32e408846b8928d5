import type { webApi } from "@slack/bolt";
import type { SlackConfig } from "../config/config.js";
import { silentLogger, type Logger, type LogLevel } from "../core/logger.js";
import type { QuestionAnswerer } from "../core/types.js";
import { MemoryAnswerStore, type AnswerStore } from "./answer-store.js";
import { defaultBlockLimits, type BlockLimits } from "./blocks.js";
import { MemoryDedupeStore, type DedupeStore } from "./dedupe.js";
import { createJsonlFeedbackLog, feedbackLogPath, type FeedbackLog } from "./feedback-log.js";
import { createRepliesHistory, type ThreadHistory } from "./thread-history.js";
import { createMemoryVoteStore, type VoteStore } from "./vote-store.js";

export interface SuggestedPrompt {
  title: string;
  message: string;
}

/** Everything `createSlackBot` accepts. Only `slack`, `dataDir` and `answerer` are required. */
export interface SlackBotOptions {
  slack: SlackConfig;
  /** Folder of local data; feedback goes to `<dataDir>/feedback.jsonl`. */
  dataDir: string;
  answerer: QuestionAnswerer;
  logger?: Logger;
  /** Level given to Bolt's own logging (our logger filters too). Default "info". */
  logLevel?: LogLevel;
  /** Shared de-duplication for several replicas; in-memory by default. */
  dedupe?: DedupeStore;
  /** Where follow-up questions get earlier turns; conversations.replies by default. */
  history?: ThreadHistory;
  /** Where answers wait for clicks on their buttons; in-memory by default. */
  answers?: AnswerStore;
  feedbackLog?: FeedbackLog;
  /** The latest 👍/👎 of each user on each answer; in-memory by default. */
  votes?: VoteStore;
  /** The bot's ids when known in advance: Bolt then skips `auth.test` at start. */
  botId?: string;
  botUserId?: string;
  /** WebClient retries for network errors, 5xx and 429 (each 429 first waits its Retry-After). */
  retryConfig?: webApi.RetryOptions;
  /** Timeout of one Web API request, ms. Default 30 s. */
  requestTimeoutMs?: number;
  /** Longest wait for the answerer before apologising, ms. Default 120 s. */
  answerTimeoutMs?: number;
  /** Characters buffered before each streamed update (chat.appendStream). Default 200. */
  streamBufferSize?: number;
  /** Slash command name, as in the manifest. Default "/coopdocs". */
  slashCommand?: string;
  suggestedPrompts?: SuggestedPrompt[];
  /** Assistant status while answering, after the app's name: "coopdocs is searching the documents…". */
  statusText?: string;
  /** Lines Slack rotates under the status while the answer is prepared (`loading_messages`). */
  loadingMessages?: string[];
  blockLimits?: Partial<BlockLimits>;
  /** How long stop() waits for answers in progress, ms. Default: `slack.shutdownGraceMs`, else 10 s. */
  shutdownGraceMs?: number;
}

export const defaultSuggestedPrompts: SuggestedPrompt[] = [
  { title: "Priority areas 2016–2020", message: "What are the 2016–2020 priority areas?" },
  { title: "Biodiversity", message: "Which cooperation activities concern biodiversity?" },
  { title: "Who is involved", message: "Which institutions carry out the ASEAN–China environmental cooperation?" },
  {
    title: "Draft a background paragraph",
    message: "draft: ASEAN–China cooperation on environmental policy dialogue",
  },
];

export const defaultLoadingMessages = [
  "Searching the cooperation documents…",
  "Reading the closest passages…",
  "Checking the sources…",
];

/** Retries that end within about a minute: an answer later than that is no use in a chat. */
export const defaultRetryConfig: webApi.RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 8000,
  randomize: true,
};

/** The options with every default filled in: the one place defaults live. */
export interface ResolvedOptions {
  slack: SlackConfig;
  answerer: QuestionAnswerer;
  logger: Logger;
  logLevel: LogLevel;
  dedupe: DedupeStore;
  history: ThreadHistory;
  answers: AnswerStore;
  feedbackLog: FeedbackLog;
  votes: VoteStore;
  botId?: string;
  botUserId?: string;
  retryConfig: webApi.RetryOptions;
  requestTimeoutMs: number;
  answerTimeoutMs: number;
  streamBufferSize: number;
  slashCommand: string;
  suggestedPrompts: SuggestedPrompt[];
  statusText: string;
  loadingMessages: string[];
  blockLimits: BlockLimits;
  shutdownGraceMs: number;
}

export function resolveOptions(options: SlackBotOptions): ResolvedOptions {
  return {
    slack: options.slack,
    answerer: options.answerer,
    logger: options.logger ?? silentLogger,
    logLevel: options.logLevel ?? "info",
    dedupe: options.dedupe ?? new MemoryDedupeStore(),
    history: options.history ?? createRepliesHistory(),
    answers: options.answers ?? new MemoryAnswerStore(),
    feedbackLog: options.feedbackLog ?? createJsonlFeedbackLog(feedbackLogPath(options.dataDir)),
    votes: options.votes ?? createMemoryVoteStore(),
    botId: options.botId,
    botUserId: options.botUserId,
    retryConfig: options.retryConfig ?? defaultRetryConfig,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    answerTimeoutMs: options.answerTimeoutMs ?? 120_000,
    streamBufferSize: options.streamBufferSize ?? 200,
    slashCommand: options.slashCommand ?? "/coopdocs",
    suggestedPrompts: options.suggestedPrompts ?? defaultSuggestedPrompts,
    statusText: options.statusText ?? "is searching the documents…",
    loadingMessages: options.loadingMessages ?? defaultLoadingMessages,
    blockLimits: { ...defaultBlockLimits, ...options.blockLimits },
    shutdownGraceMs: options.shutdownGraceMs ?? options.slack.shutdownGraceMs ?? 10_000,
  };
}

/** Web API base URL with the trailing slash the WebClient needs ("…/api/"). */
export function normaliseApiUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return url.endsWith("/") ? url : `${url}/`;
}
