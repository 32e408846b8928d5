import { citationOf } from "../core/citation.js";
import type { types } from "@slack/bolt";
import type { Answer, Citation } from "../core/types.js";
import { charLength, stripNumbering, truncate } from "../text/index.js";
import { neutraliseMentions, toSlackMarkdown } from "./markdown.js";
import { escapeMrkdwn } from "./mrkdwn.js";

export { truncate };

export type KnownBlock = types.KnownBlock;

/** Action ids of the controls the bot puts under an answer; the handlers in handlers/actions.ts match on them. */
export const ActionId = {
  /** The 👍/👎 `feedback_buttons`; values are `up:<answerId>` and `down:<answerId>`. */
  Feedback: "coopdocs_feedback",
  /** A reason button offered after 👎; values are `<reason>:<answerId>`. */
  FeedbackReason: "coopdocs_feedback_reason",
  Share: "coopdocs_share",
} as const;

/** Reasons offered after a 👎, as short button labels. */
export const feedbackReasons = {
  wrong: "Wrong answer",
  incomplete: "Incomplete",
  sources: "Sources don't support it",
  "not-asked": "Not what I asked",
} as const;
export type FeedbackReason = keyof typeof feedbackReasons;

/** What chat.postMessage / respond / chat.update receive. `text` is the notification and history fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's documented limits, and how much of a quote to show. */
export interface BlockLimits {
  /** Characters of all `markdown` blocks in one message together (Slack: 12,000). */
  markdownChars: number;
  /** Characters of one mrkdwn text in a context block (Slack: 3,000). */
  contextChars: number;
  /** Blocks in one message. */
  maxBlocks: number;
  /** Characters of a source's quote before it is shortened. */
  quoteChars: number;
  /** Characters of the top-level `text` (Slack advises at most 4,000). */
  textChars: number;
  /** Sources listed at most; the rest are counted. */
  maxSources: number;
}

export const defaultBlockLimits: BlockLimits = {
  markdownChars: 12_000,
  contextChars: 3000,
  maxBlocks: 50,
  quoteChars: 200,
  textChars: 3900,
  maxSources: 10,
};

/** The latest vote of each user on one message (see vote-store.ts). */
export type Votes = ReadonlyMap<string, "up" | "down">;

export interface AnswerView {
  /** Id carried by the feedback and share controls, to find the answer again when they are clicked. */
  answerId: string;
  /** Adds a "Share in channel" button (ephemeral slash-command answers). */
  shareable?: boolean;
  /** Shows who asked what above the answer (an answer shared into a channel). */
  askedBy?: { user: string; question: string };
  /** False drops the feedback buttons (e.g. the apology). */
  feedback?: boolean;
  /** The votes so far, shown under the buttons so each person sees the choice they made. */
  votes?: Votes;
  /** One short line above the sources, e.g. that the thread's earlier turns could not be read. */
  remark?: string;
}

const TRUNCATION_NOTE = "\n\n_… answer shortened to fit in a Slack message._";
// A short title is enough to recognise the document (64 keeps "… Strategy on Environmental Cooperation
// (2016-2020)" whole); the full title is one click away on the link.
const SHORT_TITLE_CHARS = 64;
// A section is shown by its number and first words ("4.1 Policy Dialogue and Exchange"); set by hand.
const SHORT_SECTION_CHARS = 40;

const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });
const plainContext = (text: string): KnownBlock => ({
  type: "context",
  elements: [{ type: "plain_text", text, emoji: true }],
});

/** "4. Areas › 4.6 Environmentally Sustainable Cities" → "§4.6"; a heading without a number → the heading, short. */
export function sectionLabel(section: string): string {
  const last = section.split(" › ").at(-1)?.trim() ?? "";
  if (last === "") return "";
  // "4.6 Cities", "6. Cities", "II. Plan": a number, or a roman numeral or letter with its dot.
  const number = /^(\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+\S/.exec(last)?.[1];
  return number ? `§${number.replace(/\.$/, "")}` : truncate(last, SHORT_SECTION_CHARS);
}

/** Text for comparing quotes with the answer: lower case, one space, no numbering or [n] markers. */
const comparable = (text: string) =>
  stripNumbering(text.replace(/\[\d+\]/g, " ").replace(/^[-•*]\s+/gm, ""))
    .toLowerCase()
    .replace(/[*_`>]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The parts of a citation's quote worth showing: those the answer does not already say word for word, and
 * not shown under an earlier source either.
 */
function addedQuote(citation: Citation, answerText: string, shown: Set<string>, quoteChars: number): string {
  const parts = citation.quote
    .split(/\s+…\s+/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => {
      const key = comparable(part);
      if (key === "" || shown.has(key) || answerText.includes(key.slice(0, 120))) return false;
      shown.add(key);
      return true;
    });
  return parts.length > 0 ? truncate(parts.map(stripNumbering).join(" … "), quoteChars) : "";
}

/** A title short enough for one line: the part before " and …" when that names the document, else cut. */
export function shortTitle(title: string): string {
  const flat = title.replace(/\s+/g, " ").trim();
  if (charLength(flat) <= SHORT_TITLE_CHARS) return flat;
  const head = flat.split(/\s+(?:and|&)\s+/)[0] ?? flat;
  return charLength(head) >= 24 && charLength(head) <= SHORT_TITLE_CHARS ? head : truncate(flat, SHORT_TITLE_CHARS);
}

/** One source line: `[1] <url|Short title> · §4.6 · p. 7 — “quote”`. Every field is escaped. */
export function renderCitation(citation: Citation, quote: string): string {
  const title = escapeMrkdwn(shortTitle(citation.title.trim() || citation.file));
  const linked = citation.url && /^https?:\/\/[^\s|<>]+$/.test(citation.url) ? `<${citation.url}|${title}>` : title;
  const where = [sectionLabel(citation.section), citation.page !== null ? `p. ${citation.page}` : ""]
    .filter((part) => part !== "")
    .map(escapeMrkdwn);
  const head = [`[${citation.n}] ${linked}`, ...where].join(" · ");
  return quote ? `${head} — “${escapeMrkdwn(quote)}”` : head;
}

/** The citations, or the closest passages when nothing was found, as one short line each. */
function sourceLines(answer: Answer, limits: BlockLimits): { heading: string; lines: string[]; hidden: number } {
  const answerText = comparable(answer.answer);
  const shown = new Set<string>();
  if (answer.citations.length > 0) {
    const listed = answer.citations.slice(0, limits.maxSources);
    return {
      heading: "*Sources*",
      lines: listed.map((c) => renderCitation(c, addedQuote(c, answerText, shown, limits.quoteChars))),
      hidden: answer.citations.length - listed.length,
    };
  }
  if (!answer.found && answer.passages.length > 0) {
    const lines = answer.passages.slice(0, 3).map((p, i) => {
      const citation = citationOf(p, i + 1, p.text);
      return renderCitation(citation, addedQuote(citation, "", shown, limits.quoteChars));
    });
    return { heading: "*Closest passages*", lines, hidden: 0 };
  }
  return { heading: "", lines: [], hidden: 0 };
}

/** The sources as context lines, packed into as few context blocks as fit (3,000 characters each). */
function sourceBlocks(answer: Answer, limits: BlockLimits): KnownBlock[] {
  const { heading, lines, hidden } = sourceLines(answer, limits);
  if (lines.length === 0) return [];
  const all = [...lines, ...(hidden > 0 ? [`_…and ${hidden} more._`] : [])];
  const blocks: KnownBlock[] = [];
  let current = heading;
  for (const line of all) {
    const candidate = `${current}\n${line}`;
    if (charLength(candidate) <= limits.contextChars) {
      current = candidate;
      continue;
    }
    blocks.push(context(current));
    current = truncate(line, limits.contextChars);
  }
  blocks.push(context(current));
  return blocks;
}

/** 👍/👎 as Slack's `feedback_buttons`, in a `context_actions` block. */
export function renderFeedback(view: AnswerView): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: "context_actions",
      block_id: "coopdocs_feedback",
      elements: [
        {
          type: "feedback_buttons",
          action_id: ActionId.Feedback,
          positive_button: {
            text: { type: "plain_text", text: "Helpful" },
            accessibility_label: "This answer was helpful",
            value: `up:${view.answerId}`,
          },
          negative_button: {
            text: { type: "plain_text", text: "Not helpful" },
            accessibility_label: "This answer was not helpful",
            value: `down:${view.answerId}`,
          },
        },
      ],
    },
  ];
  const votes = view.votes;
  if (votes && votes.size > 0) {
    const by = (rating: "up" | "down") =>
      [...votes].filter(([, r]) => r === rating).map(([user]) => `<@${user.replace(/[^A-Z0-9]/gi, "")}>`);
    const parts = [
      by("up").length > 0 ? `👍 ${by("up").join(" ")}` : "",
      by("down").length > 0 ? `👎 ${by("down").join(" ")}` : "",
    ].filter((p) => p !== "");
    blocks.push({
      type: "context",
      block_id: "coopdocs_votes",
      elements: [{ type: "mrkdwn", text: `Feedback: ${parts.join(" · ")}` }],
    });
  }
  return blocks;
}

function shareButton(view: AnswerView): KnownBlock {
  return {
    type: "actions",
    block_id: "coopdocs_share",
    elements: [
      {
        type: "button",
        action_id: ActionId.Share,
        text: { type: "plain_text", text: "Share in channel", emoji: true },
        value: view.answerId,
        style: "primary",
      },
    ],
  };
}

/** Everything that goes under the answer text: note, sources, feedback, share. Also what ends a streamed answer. */
export function renderTrailer(
  answer: Answer,
  view: AnswerView,
  limits: BlockLimits = defaultBlockLimits,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const remarks = [view.remark, answer.note].filter((r): r is string => typeof r === "string" && r.trim() !== "");
  for (const remark of remarks) blocks.push(plainContext(truncate(remark, 300)));
  blocks.push(...sourceBlocks(answer, limits));
  if (view.feedback !== false) blocks.push(...renderFeedback(view));
  if (view.shareable) blocks.push(shareButton(view));
  return blocks;
}

/** The answer as it goes into a `markdown` block or a stream: safe, tables as lists, within Slack's 12,000. */
export function answerMarkdown(answer: Answer, limits: BlockLimits = defaultBlockLimits): string {
  const markdown = toSlackMarkdown(answer.answer) || "_(no answer text)_";
  if (markdown.length <= limits.markdownChars) return markdown;
  // Counted in UTF-16 units (what JSON and Slack measure); truncate counts code points, so shrink until it fits.
  let room = limits.markdownChars - TRUNCATION_NOTE.length;
  let cut = truncate(markdown, room);
  while (cut.length + TRUNCATION_NOTE.length > limits.markdownChars && room > 0) {
    room -= cut.length + TRUNCATION_NOTE.length - limits.markdownChars;
    cut = truncate(markdown, room);
  }
  return `${cut}${TRUNCATION_NOTE}`;
}

/**
 * The whole answer message: the answer in one Block Kit `markdown` block, then the trailer; never more
 * than 50 blocks. `text` is the same answer for notifications and thread history.
 */
export function renderAnswerMessage(
  answer: Answer,
  view: AnswerView,
  limits: BlockLimits = defaultBlockLimits,
): SlackMessage {
  const markdown = answerMarkdown(answer, limits);
  const head: KnownBlock[] = view.askedBy
    ? [
        context(
          `<@${view.askedBy.user.replace(/[^A-Z0-9]/gi, "")}> asked: ${escapeMrkdwn(truncate(view.askedBy.question, 500))}`,
        ),
      ]
    : [];
  const trailer = renderTrailer(answer, view, limits).slice(0, limits.maxBlocks - head.length - 1);
  return {
    text: plainFallback(answer.answer, limits.textChars),
    blocks: [...head, { type: "markdown", text: markdown }, ...trailer],
  };
}

/** The top-level `text`: shown in notifications (as mrkdwn, so escaped) and read back as the thread's history. */
export function plainFallback(markdown: string, max: number): string {
  return escapeMrkdwn(truncate(markdown.replace(/\*\*/g, "").trim() || "(no answer text)", max));
}

/** A short message with no buttons: notices, help, the apology. Markdown; mentions are neutralised. */
export function renderNotice(markdown: string): SlackMessage {
  return {
    text: escapeMrkdwn(markdown.replace(/[*_]/g, "")),
    blocks: [{ type: "markdown", text: neutraliseMentions(markdown) }],
  };
}

export function renderApology(detail?: string): SlackMessage {
  const base = "Sorry, something went wrong while answering. Please try again in a moment.";
  return renderNotice(detail ? `${base}\n\n${truncate(detail, 300)}` : base);
}
