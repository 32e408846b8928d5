import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createConsoleLogger } from "../core/logger.js";
import { toBoltLogger } from "./bolt-logger.js";

describe("toBoltLogger", () => {
  it("sends Bolt's lines through our logger, tokens redacted", () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({ level: "debug", secrets: ["s3cret-signing"], write: (l) => lines.push(l) });
    const bolt = toBoltLogger(logger, "debug");
    bolt.setName("web-api");
    bolt.debug("headers", { authorization: "Bearer xoxb-1234567890-abcdef" }, "s3cret-signing");
    bolt.error(new Error("boom"));
    expect(lines[0]).toContain("[web-api] headers");
    expect(lines.join("\n")).not.toContain("xoxb-1234567890");
    expect(lines.join("\n")).not.toContain("s3cret-signing");
    expect(lines[1]).toContain("boom");
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
  });
});
