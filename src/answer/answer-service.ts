import type { Config } from "../config/config.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { Answer, AskOptions, ConversationTurn, Passage, QuestionAnswerer } from "../core/types.js";
import { createEmbedder } from "../embeddings/create-embeddings.js";
import { ensureIndex, type EnsureIndexOptions } from "./ensure-index.js";
import { answerExtractively } from "./extractive.js";
import { splitQuestion, stripPreamble } from "./question-analysis.js";
import { answerKind } from "./answer-kind.js";
import { gatherCandidates, neighbourMap, poolSize } from "./evidence-pool.js";
import { rankEvidence } from "./decide-answer.js";
import { HybridRetriever } from "../retrieve/hybrid-retriever.js";
import { chineseGlossaryExpander } from "../retrieve/chinese-glossary.js";
import { createLlmAnswerer, defaultPromptsDir, resolveLlmSettings } from "../llm/index.js";

export const maxQuestionChars = 2000;

/** Rejects questions no one could answer: empty, or longer than a page. */
export function validateQuestion(question: string): string {
  const trimmed = question.trim();
  if (trimmed === "") {
    throw new CoopdocsError(ErrorCode.QuestionInvalid, "The question is empty.", 'Ask something, e.g. "What are the 2016-2020 priority areas?"');
  }
  if (trimmed.length > maxQuestionChars) {
    throw new CoopdocsError(
      ErrorCode.QuestionInvalid,
      `The question is ${trimmed.length} characters long; the limit is ${maxQuestionChars}.`,
      "Ask one shorter question at a time.",
    );
  }
  return trimmed;
}

const followUpCue = /^(and|also|what about|how about|which of|of those|and what)\b|\b(those|these|them|they|it|its|that one|this one)\b/i;

/**
 * A follow-up ("and which of those concern biodiversity?") is searched together with the previous
 * question, so retrieval sees what "those" refers to.
 */
export function contextualQuery(question: string, history: readonly ConversationTurn[] = []): string {
  const previous = [...history].reverse().find((turn) => turn.role === "user")?.text;
  // Only questions that point back ("those", "it", "and what about…") are joined: a new question in the
  // same thread ("What is GEP?") is searched on its own.
  return previous && followUpCue.test(question) ? `${previous} ${question}` : question;
}

export interface AnswerServiceOptions extends Pick<EnsureIndexOptions, "onProgress"> {
  logger?: Logger;
  /** Passages given to the LLM for a draft (answers use the evidence pool). */
  k?: number;
}

/** The core's one entry point for adapters: builds or refreshes the index, then answers questions. */
export interface AnswerService extends QuestionAnswerer {
  retriever: HybridRetriever;
  /** The passages an answer to this question draws on, best first (what `eval` measures fact recall on). */
  evidence(question: string, options?: AskOptions): Promise<Passage[]>;
}

export async function createAnswerService(config: Config, options: AnswerServiceOptions = {}): Promise<AnswerService> {
  const logger = options.logger ?? silentLogger;
  // A bad LLM configuration is reported before the (slower) index work, not after it.
  if (config.llm.provider !== "none") resolveLlmSettings(config.llm);
  const embedder = await createEmbedder(config.embeddings);
  await ensureIndex({ corpusDir: config.corpusDir, indexDir: config.indexDir, embedder, logger, onProgress: options.onProgress });
  const retriever = await HybridRetriever.open(
    config.indexDir,
    embedder,
    { vectorStore: config.retrieval.vectorStore, hnswEfSearch: config.retrieval.hnswEfSearch },
    [chineseGlossaryExpander],
  );
  await retriever.warmUp();
  const neighbours = neighbourMap(retriever.chunks);

  const decideContext = (question: string) => ({
    searchQuery: retriever.searchQuery(question),
    expand: (text: string) => retriever.searchQuery(text),
    idf: retriever.idf,
  });
  const answerFromPassages = (question: string, passages: Passage[]): Answer =>
    answerExtractively(question, passages, decideContext(question));
  // The one evidence pool both composers draw on: per-part retrieval, neighbours, sized by kind.
  const poolFor = async (query: string): Promise<Passage[]> => {
    const parts = splitQuestion(query);
    const candidates = await gatherCandidates(retriever, neighbours, query, parts);
    return rankEvidence(query, candidates, poolSize(answerKind(query), parts.length), decideContext(query));
  };
  const evidence = (question: string, askOptions: AskOptions = {}): Promise<Passage[]> =>
    poolFor(contextualQuery(stripPreamble(validateQuestion(question)), askOptions.history));
  const extractive = async (question: string, askOptions: AskOptions = {}): Promise<Answer> => {
    const query = contextualQuery(stripPreamble(validateQuestion(question)), askOptions.history);
    return answerFromPassages(query, await poolFor(query));
  };

  if (config.llm.provider !== "none") {
    // Generated answers (README › Generated answers with an LLM); the extractive answer stays the fallback for every LLM fault.
    const llm = await createLlmAnswerer({
      llm: config.llm,
      retriever,
      extractive: answerFromPassages,
      promptsDir: defaultPromptsDir,
      // The same pool and the same "is it in the documents?" decision as the extractive answer.
      evidence: async (query) => {
        const passages = await poolFor(query);
        return { passages, found: answerFromPassages(query, passages).found };
      },
      logger,
      k: options.k,
    });
    return {
      retriever,
      evidence,
      ask: (question, askOptions) => llm.ask(stripPreamble(validateQuestion(question)), askOptions),
      draft: (topic, askOptions) => llm.draft(stripPreamble(validateQuestion(topic)), askOptions),
    };
  }

  return { retriever, evidence, ask: extractive };
}
