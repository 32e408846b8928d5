export { createAnswerService, contextualQuery, validateQuestion, maxQuestionChars } from "./answer-service.js";
export type { AnswerService, AnswerServiceOptions } from "./answer-service.js";
export { answerExtractively, notFoundAnswer, defaultExtractiveOptions } from "./extractive.js";
export type { ExtractiveContext, ExtractiveOptions } from "./extractive.js";
export { ensureIndex, type EnsuredIndex, type EnsureIndexOptions } from "./ensure-index.js";
export { LiveIndex, type LiveIndexOptions } from "./live-index.js";
export { addSourceLinks, linkQuoteChars, sourceViewUrl, withSourceLinks, type SourceRef } from "./source-link.js";
export { answerToJson, type AnswerJson, type ClosestPassage } from "./answer-json.js";
