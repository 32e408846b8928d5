/**
 * Starts the real Bolt app in HTTP mode against the fake Slack, with a fake QuestionAnswerer: the Slack adapter
 * is tested on its own, the core is not involved.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "../../src/core/logger.js";
import type { Answer, AskOptions, Citation, QuestionAnswerer } from "../../src/core/types.js";
import { createSlackBot, type SlackBot, type SlackBotOptions } from "../../src/slack/index.js";
import { FakeSlack, fakeSlackConfig } from "./fake-slack.js";

export interface AnswererCall {
  kind: "ask" | "draft";
  question: string;
  options: AskOptions;
}

type Behaviour = (question: string, options: AskOptions, kind: "ask" | "draft") => Promise<Answer>;

/** Citations whose fields carry characters Slack must not read as markup. */
export function citationsFor(question: string): Citation[] {
  return [
    {
      n: 1,
      file: "framework-2016-2020.pdf",
      title: "ASEAN–China Environmental Cooperation Strategy 2016–2020",
      section: "3. Priority Areas",
      page: 7,
      quote: `Policy dialogue & exchange <!channel> on: ${question}`,
    },
    {
      n: 2,
      file: "caec-about-us.txt",
      title: "About CAEC",
      section: "Mandate",
      page: null,
      quote: "Biodiversity and ecosystem conservation.",
    },
  ];
}

/** The answer a fake answerer gives: computed from the question, Markdown with [n] markers. */
export function answerFor(question: string, kind: "ask" | "draft" = "ask"): Answer {
  return {
    answer: `**${kind === "draft" ? "Draft" : "Answer"}** to _${question}_: policy dialogue [1] and biodiversity [2].`,
    mode: "extractive",
    citations: citationsFor(question),
    found: true,
    passages: [],
  };
}

export class FakeAnswerer implements QuestionAnswerer {
  readonly calls: AnswererCall[] = [];
  behaviour: Behaviour = async (question, _options, kind) => answerFor(question, kind);
  draftSupported = true;

  ask(question: string, options: AskOptions = {}): Promise<Answer> {
    this.calls.push({ kind: "ask", question, options });
    return this.behaviour(question, options, "ask");
  }

  draft(topic: string, options: AskOptions = {}): Promise<Answer> {
    if (!this.draftSupported) return this.ask(topic, options);
    this.calls.push({ kind: "draft", question: topic, options });
    return this.behaviour(topic, options, "draft");
  }
}

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  fields?: Record<string, unknown>;
}

export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine["level"]) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}

export interface Harness {
  fake: FakeSlack;
  bot: SlackBot;
  answerer: FakeAnswerer;
  eventsUrl: string;
  baseUrl: string;
  dataDir: string;
  logs: LogLine[];
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<SlackBotOptions> & { allowedChannels?: string[] } = {},
): Promise<Harness> {
  const fake = await FakeSlack.start();
  const dataDir = await mkdtemp(path.join(tmpdir(), "coopdocs-slack-"));
  const answerer = new FakeAnswerer();
  const { logger, lines } = captureLogger();
  const { allowedChannels, ...rest } = overrides;
  const bot = createSlackBot({
    slack: fakeSlackConfig(`${fake.url}/api`, { allowedChannels: allowedChannels ?? [] }),
    dataDir,
    answerer,
    logger,
    // Fast retries keep 5xx/429 tests short; Retry-After is still honoured in full.
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
    answerTimeoutMs: 5000,
    shutdownGraceMs: 2000,
    ...rest,
  });
  const { port } = await bot.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    fake,
    bot,
    answerer,
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    dataDir,
    logs: lines,
    async close() {
      await bot.stop();
      await fake.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** All text of a message's blocks (markdown, sections and context), joined. */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return "";
  const texts: string[] = [];
  for (const block of blocks as { text?: string | { text?: string }; elements?: { text?: unknown }[] }[]) {
    if (typeof block.text === "string") texts.push(block.text);
    else if (typeof block.text?.text === "string") texts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === "string") texts.push(element.text);
    }
  }
  return texts.join("\n");
}

/** The action ids of the controls (buttons, feedback buttons) in a message's blocks. */
export function buttonIds(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as { type?: string; elements?: { action_id?: string }[] }[])
    .filter((block) => block.type === "actions" || block.type === "context_actions")
    .flatMap((block) => (block.elements ?? []).map((e) => e.action_id ?? ""));
}

interface ControlElement {
  action_id?: string;
  value?: string;
  positive_button?: { value?: string };
  negative_button?: { value?: string };
}

/** The value of a button; for feedback buttons, `which` picks the positive or negative one. */
export function buttonValue(blocks: unknown, actionId: string, which: "positive" | "negative" = "positive"): string {
  for (const block of (Array.isArray(blocks) ? blocks : []) as { elements?: ControlElement[] }[]) {
    for (const element of block.elements ?? []) {
      if (element.action_id !== actionId) continue;
      const value =
        element.value ?? (which === "positive" ? element.positive_button?.value : element.negative_button?.value);
      if (value) return value;
    }
  }
  throw new Error(`no button ${actionId}`);
}

/** The one markdown block of an answer message. */
export function markdownText(blocks: unknown): string {
  const block = (Array.isArray(blocks) ? blocks : []).find((b: { type?: string }) => b.type === "markdown") as
    | { text?: string }
    | undefined;
  return block?.text ?? "";
}

/** What a thread shows as the bot's answer: the stored message after posts, streams and updates. */
export function botReplies(fake: FakeSlack, threadTs: string) {
  return fake.messages.filter((m) => m.bot_id !== undefined && m.thread_ts === threadTs);
}
