import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );

/** Every setting coopdocs reads from the environment, with its default. Documented in .env.example. */
const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_MODE: z.enum(["socket", "http"]).default("socket"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_API_URL: optionalString.pipe(z.string().url().optional()),
  SLACK_ALLOWED_CHANNELS: commaList,
  // 10 s fits inside the usual 30 s a platform waits after SIGTERM (Kubernetes, Heroku); at most 10 minutes.
  SLACK_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LLM_PROVIDER: z.enum(["none", "openai", "ollama"]).default("none"),
  LLM_BASE_URL: optionalString.pipe(z.string().url().optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  EMBEDDINGS_PROVIDER: z.enum(["use", "transformers"]).default("use"),
  VECTOR_STORE: z.enum(["hnswlib"]).default("hnswlib"),
  HNSW_EF_SEARCH: z.coerce.number().int().min(1).max(100_000).default(200),
  EMBEDDINGS_MODEL: optionalString,
  EMBED_WORKERS: optionalString.pipe(z.coerce.number().int().min(1).max(64).optional()),
  CORPUS_DIR: z.string().default("corpus"),
  INDEX_DIR: z.string().default("index"),
  DATA_DIR: z.string().default("data"),
  CORPUS_WATCH: z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .default("true")
    .transform((v) => !["false", "0", "no"].includes(v)),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  WEB_HOST: z.string().trim().min(1).default("127.0.0.1"),
  PUBLIC_URL: optionalString.pipe(z.string().url().optional()),
});

export type Env = z.infer<typeof envSchema>;

export interface SlackConfig {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  mode: "socket" | "http";
  port: number;
  apiUrl?: string;
  allowedChannels: string[];
  /** How long SIGTERM lets answers in progress finish before the bot closes, ms (SLACK_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
}

export interface LlmConfig {
  provider: "none" | "openai" | "ollama";
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  timeoutMs: number;
}

export interface EmbeddingsConfig {
  provider: "use" | "transformers";
  model?: string;
  /** Threads that embed during ingest, each with its own model (EMBED_WORKERS; default: the number of cores). */
  workers?: number;
}

export interface RetrievalConfig {
  /** Where the vectors live; only the local hnswlib index is built in (README › Beyond one machine). */
  vectorStore: "hnswlib";
  /** Breadth of the HNSW search (hnswlib's ef): recall against speed. */
  hnswEfSearch: number;
}

export interface WebConfig {
  port: number;
  /** Interface the web page listens on; 127.0.0.1 keeps it on this machine (README › The web page). */
  host: string;
  /** Address readers reach the web page at, for the source-view links in answers; unset: no links. */
  publicUrl?: string;
}

export interface Config {
  corpusDir: string;
  indexDir: string;
  dataDir: string;
  /** Long-running services (slack, web, chat) watch the corpus and re-ingest on a change (CORPUS_WATCH). */
  corpusWatch: boolean;
  logLevel: Env["LOG_LEVEL"];
  slack: SlackConfig;
  llm: LlmConfig;
  embeddings: EmbeddingsConfig;
  retrieval: RetrievalConfig;
  web: WebConfig;
}

/**
 * Reads and validates the configuration once, at start. Relative folders resolve against `cwd`.
 * Throws a CoopdocsError naming every bad variable, never a zod stack.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new CoopdocsError(
      ErrorCode.ConfigInvalid,
      `Invalid configuration: ${problems}`,
      "Fix these variables in your environment or .env file (see .env.example).",
    );
  }
  const e = parsed.data;
  return {
    corpusDir: path.resolve(cwd, e.CORPUS_DIR),
    indexDir: path.resolve(cwd, e.INDEX_DIR),
    dataDir: path.resolve(cwd, e.DATA_DIR),
    corpusWatch: e.CORPUS_WATCH,
    logLevel: e.LOG_LEVEL,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      mode: e.SLACK_MODE,
      port: e.PORT,
      apiUrl: e.SLACK_API_URL,
      allowedChannels: e.SLACK_ALLOWED_CHANNELS,
      shutdownGraceMs: e.SLACK_SHUTDOWN_GRACE_MS,
    },
    llm: {
      provider: e.LLM_PROVIDER,
      baseUrl: e.LLM_BASE_URL,
      apiKey: e.LLM_API_KEY,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
    },
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      model: e.EMBEDDINGS_MODEL,
      workers: e.EMBED_WORKERS ?? os.availableParallelism(),
    },
    retrieval: { vectorStore: e.VECTOR_STORE, hnswEfSearch: e.HNSW_EF_SEARCH },
    web: { port: e.WEB_PORT, host: e.WEB_HOST, publicUrl: e.PUBLIC_URL },
  };
}

/** The Slack variables a mode needs that are not set; empty when the bot can start. */
export function missingSlackSettings(slack: SlackConfig): string[] {
  const missing: string[] = [];
  if (!slack.botToken) missing.push("SLACK_BOT_TOKEN");
  if (slack.mode === "socket" && !slack.appToken) missing.push("SLACK_APP_TOKEN");
  if (slack.mode === "http" && !slack.signingSecret) missing.push("SLACK_SIGNING_SECRET");
  return missing;
}
