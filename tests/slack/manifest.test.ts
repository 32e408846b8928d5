import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { defaultSuggestedPrompts } from "../../src/slack/index.js";

/** The manifest's list items under a key (e.g. `bot_events:`), read without a YAML dependency. */
function listUnder(manifest: string, key: string): string[] {
  const lines = manifest.split("\n");
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start === -1) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith("#") || line.trim() === "") continue;
    const item = /^\s*-\s+(\S+)\s*$/.exec(line);
    if (!item) break;
    items.push(item[1] as string);
  }
  return items;
}

describe("slack/manifest.yaml", () => {
  it("subscribes to every event and grants every scope the bot uses", async () => {
    const manifest = await readFile(new URL("../../slack/manifest.yaml", import.meta.url), "utf8");
    expect(listUnder(manifest, "bot_events").sort()).toEqual(
      ["app_mention", "assistant_thread_context_changed", "assistant_thread_started", "message.im"].sort(),
    );
    expect(listUnder(manifest, "bot").sort()).toEqual(
      [
        "app_mentions:read",
        "assistant:write",
        "channels:history",
        "chat:write",
        "commands",
        "groups:history",
        "im:history",
        "mpim:history",
      ].sort(),
    );
    expect(manifest).toMatch(/^\s+- command: \/coopdocs$/m);
    expect(manifest).toMatch(/^\s+is_enabled: true$/m);
    expect(manifest).toMatch(/^\s+messages_tab_enabled: true$/m);
    // The panel's first prompt is the one the bot also suggests in a new assistant thread.
    expect(manifest).toContain(`message: ${defaultSuggestedPrompts[0]?.message}`);
  });
});
