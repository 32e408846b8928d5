import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI } from "@langchain/openai";
import type { LlmConfig } from "../config/config.js";
import { resolveLlmSettings, type LlmSettings } from "./llm-settings.js";

export interface ChatModelOptions {
  /** Retries of a failed request (not of a stream already under way). Default 1. */
  maxRetries?: number;
  /** Longest reply, in tokens. Default 1024. */
  maxTokens?: number;
  /** Default 0: grounded answers should not be creative. */
  temperature?: number;
}

/**
 * A LangChain chat model for the configured provider. Both providers go through ChatOpenAI's chat
 * completions client: "openai" against api.openai.com or LLM_BASE_URL (vLLM, LM Studio, llama.cpp
 * server, ...), "ollama" against Ollama's OpenAI-compatible endpoint at <base>/v1.
 * Throws CoopdocsError `llm_unavailable` when the configuration is incomplete.
 */
export function createChatModel(llm: LlmConfig, options: ChatModelOptions = {}): BaseChatModel {
  return chatModelFromSettings(resolveLlmSettings(llm), options);
}

/**
 * OpenAI reasoning models (o1, o3, o4-mini, gpt-5) accept only the default temperature, and spend
 * part of the token budget on hidden reasoning.
 */
function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith("gpt-5") && !model.startsWith("gpt-5-chat"));
}

/** Same as createChatModel, from settings already resolved. */
export function chatModelFromSettings(settings: LlmSettings, options: ChatModelOptions = {}): BaseChatModel {
  const reasoning = isReasoningModel(settings.model);
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey,
    configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : {},
    timeout: settings.timeoutMs,
    maxRetries: options.maxRetries ?? 1,
    // 1024 tokens hold a cited answer of a few paragraphs; a reasoning model writes its thinking first, so
    // 8192. A cut reply loses only its unfinished sentence (CheckedStream). Set by hand.
    maxTokens: options.maxTokens ?? (reasoning ? 8192 : 1024),
    ...(reasoning ? {} : { temperature: options.temperature ?? 0 }),
    // Usage chunks are not needed, and some OpenAI-compatible servers reject stream_options.
    streamUsage: false,
  });
}
