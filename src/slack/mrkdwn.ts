/**
 * Slack's mrkdwn, used only where Block Kit has no `markdown` block: context lines (sources, votes), the
 * notification `text` fallback and legacy surfaces. Answers themselves go in `markdown` blocks (markdown.ts).
 */

/** Escapes the three characters Slack treats as control characters in mrkdwn, so `<!channel>` is never live. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
