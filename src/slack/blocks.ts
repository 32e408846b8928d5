import type { types } from "@slack/bolt";
import type { Answer, Citation } from "../core/types.js";
import { truncate } from "../text/index.js";
import { escapeMrkdwn, markdownToMrkdwn, splitMrkdwn } from "./mrkdwn.js";

export { truncate };

export type KnownBlock = types.KnownBlock;

/** Action ids of the buttons the bot puts under an answer; the handlers in actions.ts match on them. */
export const ActionId = {
  FeedbackUp: "coopdocs_feedback_up",
  FeedbackDown: "coopdocs_feedback_down",
  Share: "coopdocs_share",
} as const;

/** What chat.postMessage / respond / chat.stopStream receive. `text` is the notification and history fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's documented limits, and how much of a quote to show. */
export interface BlockLimits {
  /** Characters of text in one section block. */
  sectionChars: number;
  /** Blocks in one message. */
  maxBlocks: number;
  /** Characters of a source's quote before it is shortened. */
  quoteChars: number;
  /** Characters of the top-level `text` (Slack advises at most 4,000). */
  textChars: number;
  /** Section blocks given to the sources at most. */
  maxSourceSections: number;
}

export const defaultBlockLimits: BlockLimits = {
  sectionChars: 3000,
  maxBlocks: 50,
  quoteChars: 200,
  textChars: 3900,
  maxSourceSections: 5,
};

export interface AnswerView {
  /** Id carried by the feedback and share buttons, to find the answer again when they are clicked. */
  answerId: string;
  /** Adds a "Share in channel" button (ephemeral slash-command answers). */
  shareable?: boolean;
  /** Shows who asked what above the answer (an answer shared into a channel). */
  askedBy?: { user: string; question: string };
  /** False drops the feedback buttons (e.g. the apology). */
  feedback?: boolean;
}

const TRUNCATION_NOTE = "\n\n_… answer shortened to fit in a Slack message._";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

/** One source line: `*[1]* Title — Section · p. 4` and the quote under it. Every field is escaped. */
export function renderCitation(citation: Citation, quoteChars: number): string {
  const where = [citation.section.trim() ? truncate(citation.section.trim(), 150) : ""]
    .concat(citation.page !== null ? [`p. ${citation.page}`] : [])
    .filter((part) => part !== "")
    .join(" · ");
  const title = truncate(citation.title.trim() || citation.file, 150);
  const head = `*[${citation.n}]* ${escapeMrkdwn(title)}${where ? ` — ${escapeMrkdwn(where)}` : ""}${citation.url ? ` · <${citation.url}|open passage>` : ""}`;
  const quote = truncate(citation.quote.replace(/\s+/g, " ").trim(), quoteChars);
  return quote ? `${head}\n> “${escapeMrkdwn(quote)}”` : head;
}

/** The citations, or the closest passages when nothing was found, as numbered entries. */
function sourceEntries(answer: Answer, quoteChars: number): { heading: string; entries: string[] } {
  if (answer.citations.length > 0) {
    return { heading: "*Sources*", entries: answer.citations.map((c) => renderCitation(c, quoteChars)) };
  }
  if (!answer.found && answer.passages.length > 0) {
    const entries = answer.passages.slice(0, 3).map((p, i) =>
      renderCitation(
        { n: i + 1, file: p.meta.file, title: p.meta.title, section: p.meta.section, page: p.meta.page, quote: p.text },
        quoteChars,
      ),
    );
    return { heading: "*Closest passages*", entries };
  }
  return { heading: "", entries: [] };
}

/** Packs entries into as few sections as fit, at most `maxSections`; says how many were left out. */
function packSources(heading: string, entries: string[], limits: BlockLimits, maxSections: number): KnownBlock[] {
  if (entries.length === 0 || maxSections <= 0) return [];
  const texts: string[] = [];
  let current = heading;
  let used = 0;
  for (const entry of entries) {
    const candidate = current === "" ? entry : `${current}\n${entry}`;
    if (candidate.length <= limits.sectionChars - 80) {
      current = candidate;
      used++;
      continue;
    }
    if (texts.length + 1 >= maxSections) break;
    texts.push(current);
    current = entry;
    used++;
  }
  if (used < entries.length) current += `\n_…and ${entries.length - used} more._`;
  texts.push(current);
  return texts.map(section);
}

/** The feedback buttons (and, for ephemeral answers, the share button). */
export function renderActions(view: AnswerView): KnownBlock {
  const button = (actionId: string, label: string, style?: "primary") => ({
    type: "button" as const,
    action_id: actionId,
    text: { type: "plain_text" as const, text: label, emoji: true },
    value: view.answerId,
    ...(style ? { style } : {}),
  });
  const elements = [button(ActionId.FeedbackUp, "👍 Helpful"), button(ActionId.FeedbackDown, "👎 Not helpful")];
  if (view.shareable) elements.push(button(ActionId.Share, "Share in channel", "primary"));
  return { type: "actions", block_id: "coopdocs_answer_actions", elements };
}

/** Everything that goes under the answer text: note, sources, buttons. Also what ends a streamed answer. */
export function renderTrailer(answer: Answer, view: AnswerView, limits: BlockLimits = defaultBlockLimits): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (answer.note) blocks.push(context(escapeMrkdwn(truncate(answer.note, 1000))));
  const { heading, entries } = sourceEntries(answer, limits.quoteChars);
  if (entries.length > 0) {
    blocks.push({ type: "divider" });
    blocks.push(...packSources(heading, entries, limits, limits.maxSourceSections));
  }
  if (view.feedback !== false) blocks.push(renderActions(view));
  return blocks;
}

/**
 * The whole answer message: the answer in mrkdwn split over sections of at most 3,000 characters, then the
 * trailer; never more than 50 blocks (a very long answer is shortened, with a note saying so).
 */
export function renderAnswerMessage(
  answer: Answer,
  view: AnswerView,
  limits: BlockLimits = defaultBlockLimits,
): SlackMessage {
  const mrkdwn = markdownToMrkdwn(answer.answer) || "_(no answer text)_";
  const head: KnownBlock[] = view.askedBy
    ? [context(`<@${view.askedBy.user}> asked: ${escapeMrkdwn(truncate(view.askedBy.question, 500))}`)]
    : [];
  const trailer = renderTrailer(answer, view, limits);
  const room = Math.max(1, limits.maxBlocks - head.length - trailer.length);
  let pieces = splitMrkdwn(mrkdwn, limits.sectionChars - TRUNCATION_NOTE.length);
  if (pieces.length > room) {
    pieces = pieces.slice(0, room);
    pieces[room - 1] = `${pieces[room - 1] ?? ""}${TRUNCATION_NOTE}`;
  }
  return {
    text: plainFallback(mrkdwn, limits.textChars),
    blocks: [...head, ...pieces.map(section), ...trailer],
  };
}

/** The top-level `text`: shown in notifications and read back as the thread's history. */
function plainFallback(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  const [first] = splitMrkdwn(mrkdwn, max - 1);
  return `${first ?? ""}…`;
}

/** A short message with no buttons: notices, help, the apology. `mrkdwn` must already be escaped. */
export function renderNotice(mrkdwn: string): SlackMessage {
  return { text: mrkdwn, blocks: [section(mrkdwn)] };
}

export function renderApology(detail?: string): SlackMessage {
  const base = "Sorry, something went wrong while answering. Please try again in a moment.";
  return renderNotice(detail ? `${base}\n_${escapeMrkdwn(truncate(detail, 300))}_` : base);
}
