import { describe, expect, it } from "vitest";
import { CoopdocsError } from "../core/coopdocs-error.js";
import { loadConfig, missingSlackSettings } from "./config.js";

describe("loadConfig", () => {
  it("applies defaults and resolves folders against cwd", () => {
    const config = loadConfig({}, "/srv/coopdocs");
    expect(config.corpusDir).toBe("/srv/coopdocs/corpus");
    expect(config.indexDir).toBe("/srv/coopdocs/index");
    expect(config.slack.mode).toBe("socket");
    expect(config.llm.provider).toBe("none");
    expect(config.embeddings.provider).toBe("use");
  });

  it("rejects bad values with a message naming the variable", () => {
    let error: unknown;
    try {
      loadConfig({ SLACK_MODE: "websocket", PORT: "abc" }, "/x");
    } catch (caught) {
      error = caught;
    }
    expect(CoopdocsError.is(error, "config_invalid")).toBe(true);
    expect((error as Error).message).toContain("SLACK_MODE");
    expect((error as Error).message).toContain("PORT");
  });

  it("refuses a vector store that is not built in, naming the variable", () => {
    expect(() => loadConfig({ VECTOR_STORE: "qdrant" }, "/x")).toThrow(/VECTOR_STORE/);
    expect(loadConfig({ HNSW_EF_SEARCH: "64" }, "/x").retrieval).toEqual({ vectorStore: "hnswlib", hnswEfSearch: 64 });
  });

  it("treats empty strings as unset and parses the channel allow-list", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "", SLACK_ALLOWED_CHANNELS: "C1, C2,," }, "/x");
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.allowedChannels).toEqual(["C1", "C2"]);
  });

  it("reads the shutdown grace period (10 s by default) and refuses one that is not a whole number of ms", () => {
    expect(loadConfig({}, "/x").slack.shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SLACK_SHUTDOWN_GRACE_MS: "2500" }, "/x").slack.shutdownGraceMs).toBe(2500);
    expect(() => loadConfig({ SLACK_SHUTDOWN_GRACE_MS: "soon" }, "/x")).toThrow(/SLACK_SHUTDOWN_GRACE_MS/);
  });

  it("lists the Slack settings each mode needs", () => {
    expect(missingSlackSettings(loadConfig({}, "/x").slack)).toEqual(["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"]);
    const http = loadConfig({ SLACK_MODE: "http", SLACK_BOT_TOKEN: "xoxb-1" }, "/x").slack;
    expect(missingSlackSettings(http)).toEqual(["SLACK_SIGNING_SECRET"]);
  });
});
