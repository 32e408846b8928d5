export { loadConfig, missingSlackSettings } from "./config.js";
export type { Config, SlackConfig, LlmConfig, EmbeddingsConfig } from "./config.js";
