import { describe, expect, it } from "vitest";
import type { LlmConfig } from "../config/config.js";
import { CoopdocsError } from "../core/coopdocs-error.js";
import { resolveLlmSettings } from "./llm-settings.js";

const base: LlmConfig = { provider: "openai", timeoutMs: 5_000 };

function failure(run: () => unknown): CoopdocsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CoopdocsError) return error;
    throw error;
  }
  throw new Error("expected a CoopdocsError");
}

describe("resolveLlmSettings", () => {
  it("uses the explicit key first, then OPENAI_API_KEY", () => {
    expect(resolveLlmSettings({ ...base, apiKey: "explicit-key" }, { OPENAI_API_KEY: "env-key" }).apiKey).toBe(
      "explicit-key",
    );
    const fromEnv = resolveLlmSettings(base, { OPENAI_API_KEY: "env-key" });
    expect(fromEnv).toEqual({
      provider: "openai",
      baseUrl: undefined,
      apiKey: "env-key",
      model: "gpt-4o-mini",
      timeoutMs: 5_000,
    });
  });

  it("is a config error for OpenAI without a key and without a base URL", () => {
    const error = failure(() => resolveLlmSettings(base, {}));
    expect(error.code).toBe("llm_unavailable");
    expect(error.message).toMatch(/needs an API key/);
    expect(error.hint).toMatch(/LLM_API_KEY/);
  });

  it("needs no key for a self-hosted OpenAI-compatible server, but needs its model name", () => {
    const settings = resolveLlmSettings({ ...base, baseUrl: "http://127.0.0.1:8000/v1/", model: "qwen2.5-7b" }, {});
    expect(settings.baseUrl).toBe("http://127.0.0.1:8000/v1");
    expect(settings.apiKey).toBe("not-needed");
    const error = failure(() => resolveLlmSettings({ ...base, baseUrl: "http://127.0.0.1:8000/v1" }, {}));
    expect(error.code).toBe("llm_unavailable");
    expect(error.message).toMatch(/LLM_MODEL/);
  });

  it("defaults Ollama to localhost:11434/v1, no key, llama3.2", () => {
    expect(resolveLlmSettings({ provider: "ollama", timeoutMs: 1_000 }, {})).toEqual({
      provider: "ollama",
      baseUrl: "http://localhost:11434/v1",
      apiKey: "not-needed",
      model: "llama3.2",
      timeoutMs: 1_000,
    });
    expect(
      resolveLlmSettings(
        { provider: "ollama", baseUrl: "http://gpu-box:11434/v1", model: "qwen3:8b", timeoutMs: 1 },
        {},
      ).baseUrl,
    ).toBe("http://gpu-box:11434/v1");
  });

  it("refuses provider none", () => {
    expect(failure(() => resolveLlmSettings({ provider: "none", timeoutMs: 1 }, {})).code).toBe("llm_unavailable");
  });

  it("never puts the key in an error", () => {
    const error = failure(() =>
      resolveLlmSettings({ ...base, apiKey: "sekrit-value-123", baseUrl: "http://x.test/v1" }, {}),
    );
    expect(`${error.message} ${error.hint ?? ""}`).not.toContain("sekrit-value-123");
  });
});
