/**
 * The optional allow-list (SLACK_ALLOWED_CHANNELS). Empty means everywhere. Direct messages and the assistant
 * panel (channel ids starting with D) are always allowed: they are private to the person asking.
 */
export function isChannelAllowed(channel: string, allowedChannels: readonly string[]): boolean {
  if (allowedChannels.length === 0) return true;
  if (channel.startsWith("D")) return true;
  return allowedChannels.includes(channel);
}

export const notAllowedText =
  "I am not enabled in this channel. Ask me in a direct message, or ask a workspace admin to add this channel to my allow-list.";
