import type { LlmConfig } from "../config/config.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";

/** Everything needed to talk to a chat model, resolved once from the configuration. */
export interface LlmSettings {
  provider: "openai" | "ollama";
  /** OpenAI-compatible API root (ending in /v1 for Ollama); undefined means api.openai.com. */
  baseUrl?: string;
  /** Secret: pass it to loggers as one, never print it. */
  apiKey: string;
  model: string;
  timeoutMs: number;
}

export const defaultOpenAiModel = "gpt-4o-mini";
export const defaultOllamaModel = "llama3.2";
export const defaultOllamaBaseUrl = "http://localhost:11434";

/** Placeholder sent to servers that need no key (Ollama, a local vLLM or llama.cpp server). */
export const noKeyPlaceholder = "not-needed";

/**
 * Like vercel/ai's loadApiKey: the explicit value, then the environment variable, else a descriptive
 * error. `undefined` when no key was found and none is required.
 */
function loadApiKey(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
  variable: string,
  required: { provider: string } | false,
): string | undefined {
  if (explicit !== undefined && explicit.trim() !== "") return explicit.trim();
  const fromEnv = env[variable]?.trim();
  if (fromEnv) return fromEnv;
  if (!required) return undefined;
  throw new CoopdocsError(
    ErrorCode.LlmUnavailable,
    `LLM_PROVIDER=${required.provider} needs an API key, and none is set.`,
    `Set LLM_API_KEY (or ${variable}), or point LLM_BASE_URL at an OpenAI-compatible server that needs no key, or set LLM_PROVIDER=none for extractive answers.`,
  );
}

/** Ollama serves its OpenAI-compatible API under /v1. */
function ollamaApiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, "");
  return /\/v1$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

/**
 * Checks an LLM configuration and fills in defaults. Throws CoopdocsError `llm_unavailable` when the
 * provider is "none" or a required setting is missing; the message never contains the key.
 */
export function resolveLlmSettings(llm: LlmConfig, env: NodeJS.ProcessEnv = process.env): LlmSettings {
  // 30 s (as LLM_TIMEOUT_MS): room for a slow local model, while the extractive fallback still comes while the
  // asker waits. Set by hand.
  const timeoutMs = llm.timeoutMs > 0 ? llm.timeoutMs : 30_000;
  switch (llm.provider) {
    case "none":
      throw new CoopdocsError(
        ErrorCode.LlmUnavailable,
        "No LLM is configured (LLM_PROVIDER=none).",
        "Set LLM_PROVIDER=openai or LLM_PROVIDER=ollama to get generated answers (see README › Generated answers with an LLM).",
      );
    case "openai": {
      const baseUrl = llm.baseUrl?.replace(/\/+$/, "");
      // api.openai.com needs a key; a self-hosted OpenAI-compatible server usually does not.
      const apiKey = loadApiKey(llm.apiKey, env, "OPENAI_API_KEY", baseUrl ? false : { provider: "openai" });
      const model = llm.model ?? (baseUrl ? undefined : defaultOpenAiModel);
      if (!model) {
        throw new CoopdocsError(
          ErrorCode.LlmUnavailable,
          `LLM_BASE_URL is set (${baseUrl ?? ""}) but LLM_MODEL is not: there is no default model for a custom server.`,
          "Set LLM_MODEL to a model name your server serves (e.g. the name shown by its /v1/models).",
        );
      }
      return { provider: "openai", baseUrl, apiKey: apiKey ?? noKeyPlaceholder, model, timeoutMs };
    }
    case "ollama": {
      const apiKey = loadApiKey(llm.apiKey, env, "OLLAMA_API_KEY", false);
      return {
        provider: "ollama",
        baseUrl: ollamaApiRoot(llm.baseUrl ?? defaultOllamaBaseUrl),
        apiKey: apiKey ?? noKeyPlaceholder,
        model: llm.model ?? defaultOllamaModel,
        timeoutMs,
      };
    }
  }
}
