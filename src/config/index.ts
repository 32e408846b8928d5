export { loadConfig, missingSlackSettings } from "./config.js";
export type { Config, SlackConfig, LlmConfig, EmbeddingsConfig, RetrievalConfig } from "./config.js";
