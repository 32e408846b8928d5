import { describe, expect, it } from "vitest";
import { createConsoleLogger } from "../core/logger.js";
import { withSecrets } from "./secret-logger.js";

describe("withSecrets", () => {
  it("removes the secret from messages, nested fields and errors", () => {
    const lines: string[] = [];
    const inner = createConsoleLogger({ level: "debug", write: (l) => lines.push(l) });
    const logger = withSecrets(inner, ["plain-key-abc123"]);
    logger.warn("failed with plain-key-abc123", {
      error: new Error("401 for plain-key-abc123"),
      nested: { list: ["x plain-key-abc123"] },
      count: 2,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("plain-key-abc123");
    expect(lines[0]).toContain('"count":2');
    expect(lines[0]).toContain("401 for [redacted]");
  });
});
