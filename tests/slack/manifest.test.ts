import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultSuggestedPrompts } from "../../src/slack/index.js";
import { manifestSchema } from "./manifest-schema.js";

const read = async () =>
  parse(await readFile(new URL("../../slack/manifest.yaml", import.meta.url), "utf8")) as Record<string, unknown>;

describe("slack/manifest.yaml", () => {
  it("validates against Slack's manifest schema, with agent_view", async () => {
    const manifest = manifestSchema.parse(await read());
    expect(manifest.features?.agent_view?.agent_description).toMatch(/ASEAN–China environmental cooperation documents/);
    // Slack is retiring assistant_view: new apps use the Agent messaging experience.
    expect(manifest.features?.assistant_view).toBeUndefined();
    expect(manifest.features?.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it("fails the schema on what Slack would refuse", async () => {
    const manifest = await read();
    const features = manifest.features as Record<string, Record<string, unknown>>;
    const tooMany = {
      ...manifest,
      features: {
        ...features,
        agent_view: { ...features.agent_view, suggested_prompts: Array(5).fill({ title: "t", message: "m" }) },
      },
    };
    expect(manifestSchema.safeParse(tooMany).success).toBe(false);
    const misspelt = { ...manifest, features: { ...features, agent_view: { agent_descripton: "x" } } };
    expect(manifestSchema.safeParse(misspelt).success).toBe(false);
  });

  it("subscribes to every event and grants every scope the bot uses", async () => {
    const manifest = manifestSchema.parse(await read());
    expect([...(manifest.settings?.event_subscriptions?.bot_events ?? [])].sort()).toEqual(
      [
        "app_context_changed",
        "app_home_opened",
        "app_mention",
        "assistant_thread_context_changed",
        "assistant_thread_started",
        "message.im",
      ].sort(),
    );
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual(
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
    expect(manifest.features?.slash_commands?.[0]?.command).toBe("/coopdocs");
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    // The manifest's prompts are the ones the bot pins in the Messages tab and new threads.
    expect(manifest.features?.agent_view?.suggested_prompts).toEqual(defaultSuggestedPrompts);
  });
});
