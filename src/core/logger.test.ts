import { describe, expect, it } from "vitest";
import { createConsoleLogger, redact } from "./logger.js";

describe("redact", () => {
  it("removes configured secrets and token-shaped strings", () => {
    const text = redact("token xoxb-1234-5678-abcdef key sk-abcdefghijk my-own-secret-value Bearer abc.def.ghi123", [
      "my-own-secret-value",
    ]);
    expect(text).not.toMatch(/xoxb-1234|sk-abcdef|my-own-secret|abc\.def/);
    expect(text).toContain("Bearer [redacted]");
  });
});

describe("createConsoleLogger", () => {
  it("filters by level and redacts fields", () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({ level: "warn", secrets: ["s3cr3t-token"], write: (l) => lines.push(l) });
    logger.info("hidden");
    logger.error("failed", { error: new Error("bad s3cr3t-token") });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("failed");
    expect(lines[0]).not.toContain("s3cr3t-token");
  });
});
