import type { Answer, Passage } from "../core/types.js";
import { composeAnswer } from "./compose-answer.js";
import { decideAnswer, defaultDecideOptions, type DecideContext, type DecideOptions } from "./decide-answer.js";

export { notFoundAnswer } from "./compose-answer.js";

export type ExtractiveContext = DecideContext;

export interface ExtractiveOptions extends DecideOptions {
  /** Passages listed as "closest" when nothing is found. */
  closestPassages: number;
}

export const defaultExtractiveOptions: ExtractiveOptions = { ...defaultDecideOptions, closestPassages: 3 };

/**
 * The default, offline answer: quotes the sentences or whole lists that answer each part of the
 * question, each cited as [n]. When the passages speak of the thing but never give what is asked,
 * says so and shows what they do say; when they do not speak of it, lists the closest passages.
 */
export function answerExtractively(
  question: string,
  passages: readonly Passage[],
  context: ExtractiveContext = {},
  options: ExtractiveOptions = defaultExtractiveOptions,
): Answer {
  return composeAnswer(decideAnswer(question, passages, context, options), options.closestPassages);
}
