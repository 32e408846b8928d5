export { createAnswerService, contextualQuery, validateQuestion, maxQuestionChars } from "./answer-service.js";
export type { AnswerService, AnswerServiceOptions } from "./answer-service.js";
export { answerExtractively, notFoundAnswer, defaultExtractiveOptions } from "./extractive.js";
export type { ExtractiveContext, ExtractiveOptions } from "./extractive.js";
export { ensureIndex } from "./ensure-index.js";
