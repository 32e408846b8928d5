import type { Config } from "../config/config.js";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import { silentLogger, type Logger } from "../core/logger.js";
import type { Answer, AskOptions, ConversationTurn, Passage, QuestionAnswerer } from "../core/types.js";
import { createEmbedder } from "../embeddings/create-embeddings.js";
import type { EnsureIndexOptions } from "./ensure-index.js";
import { LiveIndex } from "./live-index.js";
import { answerInConversation } from "./conversation-answer.js";
import type { StoredIndex } from "../store/index-store.js";
import { charLength } from "../text/index.js";
import { answerExtractively } from "./extractive.js";
import { splitQuestion, stripPreamble } from "./question-analysis.js";
import { answerKind, countedPhrase } from "./answer-kind.js";
import { defaultPoolOptions, gatherCandidates, neighbourMap, poolSize } from "./evidence-pool.js";
import { rankEvidence } from "./decide-answer.js";
import { documentsOf, inNamedPart, namedDocuments, withoutDocumentNames } from "./document-scope.js";
import { HybridRetriever } from "../retrieve/hybrid-retriever.js";
import { chineseQueryExpander, hasChinese } from "../retrieve/chinese-query.js";
import { createLlmAnswerer, defaultPromptsDir, resolveLlmSettings } from "../llm/index.js";

// A question longer than about a page is pasted text, not a question; the cap bounds retrieval work per request.
export const maxQuestionChars = 2000;

// How much of a rarest term's weight a question word the corpus never uses counts against coverage.
// 0.5 on the public and tune sets: 1 drops paraphrased questions whose wording the corpus lacks.
const unknownTermShare = 0.5;

/** Rejects questions no one could answer: empty, or longer than a page. */
export function validateQuestion(question: string): string {
  const trimmed = question.trim();
  if (trimmed === "") {
    throw new CoopdocsError(
      ErrorCode.QuestionInvalid,
      "The question is empty.",
      'Ask something, e.g. "What are the 2016-2020 priority areas?"',
    );
  }
  // Characters as people count them (code points): an emoji is one, not two UTF-16 units.
  const length = charLength(trimmed);
  if (length > maxQuestionChars) {
    throw new CoopdocsError(
      ErrorCode.QuestionInvalid,
      `The question is ${length} characters long; the limit is ${maxQuestionChars}.`,
      "Ask one shorter question at a time.",
    );
  }
  return trimmed;
}

const followUpCue =
  /^(and|also|what about|how about|which of|of those|and what)\b|\b(those|these|them|they|it|its|that one|this one)\b/i;

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

/** What `build` makes of a generation's chunks, built once per generation and dropped with it. */
function perGeneration<T>(build: (chunks: HybridRetriever["chunks"]) => T): (retriever: HybridRetriever) => T {
  const built = new WeakMap<HybridRetriever, T>();
  return (retriever) => {
    const known = built.get(retriever);
    if (known !== undefined) return known;
    const value = build(retriever.chunks);
    built.set(retriever, value);
    return value;
  };
}

export interface AnswerServiceOptions extends Pick<EnsureIndexOptions, "onProgress"> {
  logger?: Logger;
  /**
   * Long-running services (slack, web, chat) pass `config.corpusWatch`: the corpus is watched, a change is
   * ingested in the background and answers switch to the new index once it is complete.
   */
  watchCorpus?: boolean;
  /** Passages given to the LLM for a draft (answers use the evidence pool). */
  k?: number;
}

/** The core's one entry point for adapters: builds or refreshes the index, then answers questions. */
export interface AnswerService extends QuestionAnswerer {
  /** The retriever of the generation answers come from now (it changes when a live index switches). */
  readonly retriever: HybridRetriever;
  /** The passages an answer to this question draws on, best first (what `eval` measures fact recall on). */
  evidence(question: string, options?: AskOptions): Promise<Passage[]>;
  /** Brings the index up to date now (as a corpus change would) and switches to it. */
  refresh(): Promise<void>;
  /** Stops watching the corpus (and waits for an ingest it started). */
  close(): Promise<void>;
}

export async function createAnswerService(config: Config, options: AnswerServiceOptions = {}): Promise<AnswerService> {
  const logger = options.logger ?? silentLogger;
  // A bad LLM configuration is reported before the (slower) index work, not after it.
  if (config.llm.provider !== "none") resolveLlmSettings(config.llm);
  const embedder = await createEmbedder(config.embeddings);
  const openRetriever = async (stored: StoredIndex) => {
    const opened = await HybridRetriever.fromStored(
      stored,
      config.indexDir,
      embedder,
      { vectorStore: config.retrieval.vectorStore, hnswEfSearch: config.retrieval.hnswEfSearch },
      [chineseQueryExpander],
    );
    await opened.warmUp();
    return opened;
  };
  const live = await LiveIndex.open({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embedder,
    logger,
    onProgress: options.onProgress,
    openRetriever,
    watch: options.watchCorpus ?? false,
  });
  // Each question reads the retriever once, so it is answered wholly from one generation.
  const retrieverNow = () => live.retriever;
  const lifecycle = { refresh: () => live.refresh(), close: () => live.close() };
  // Neighbouring chunks and the documents a question may name, per generation (computed once, when a
  // generation is first asked).
  const neighbours = perGeneration((chunks) => neighbourMap(chunks));
  const documents = perGeneration((chunks) => documentsOf(chunks));
  const decideContext = (question: string, retriever: HybridRetriever) => {
    // A Chinese question names a document in Chinese ("《…战略（2009-2015）》"): read its translation.
    const scopeOf = (text: string) =>
      namedDocuments(hasChinese(text) ? retriever.searchQuery(text) : text, documents(retriever));
    return {
      searchQuery: retriever.searchQuery(question),
      scope: scopeOf(question),
      scopeOf,
      expand: (text: string) => retriever.searchQuery(text),
      expandAcronyms: (text: string) => retriever.expandAcronyms(text),
      idf: retriever.idf,
      unknownTermWeight: Math.log(1 + retriever.chunks.length) * unknownTermShare,
    };
  };
  const answerFromPassages = (
    question: string,
    passages: Passage[],
    retriever: HybridRetriever = retrieverNow(),
  ): Answer => answerExtractively(question, passages, decideContext(question, retriever));
  // The one evidence pool both composers draw on: per-part retrieval, neighbours, sized by kind.
  const poolFor = async (query: string, retriever: HybridRetriever = retrieverNow()): Promise<Passage[]> => {
    const parts = splitQuestion(query);
    const context = decideContext(query, retriever);
    const candidates = await gatherCandidates(
      retriever,
      neighbours(retriever),
      query,
      parts,
      defaultPoolOptions,
      context.scope.files,
      (passage) => inNamedPart(context.scope, passage.meta),
      withoutDocumentNames(query, context.scope),
      countedPhrase(query),
    );
    return rankEvidence(query, candidates, poolSize(answerKind(query), parts.length), context);
  };
  const evidence = (question: string, askOptions: AskOptions = {}): Promise<Passage[]> =>
    poolFor(contextualQuery(stripPreamble(validateQuestion(question)), askOptions.history));
  // Follow-ups, narrowing and summary requests are read in the conversation (src/answer/conversation.ts).
  // Each question reads the retriever once, so it is answered wholly from one generation.
  const extractive = async (question: string, askOptions: AskOptions = {}): Promise<Answer> => {
    const retriever = retrieverNow();
    return answerInConversation(stripPreamble(validateQuestion(question)), askOptions.history ?? [], {
      retrieve: (query) => poolFor(query, retriever),
      answer: (query, passages) => answerFromPassages(query, passages, retriever),
      chunks: retriever.chunks,
      idf: retriever.idf,
      expand: (text) => retriever.searchQuery(text),
    });
  };

  if (config.llm.provider !== "none") {
    // Generated answers (README › Generated answers with an LLM); the extractive answer stays the fallback for every LLM fault.
    const llm = await createLlmAnswerer({
      llm: config.llm,
      retriever: { retrieve: (query, count) => retrieverNow().retrieve(query, count) },
      extractive: (question, passages) => answerFromPassages(question, passages),
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
      get retriever() {
        return retrieverNow();
      },
      ...lifecycle,
      evidence,
      ask: (question, askOptions) => llm.ask(stripPreamble(validateQuestion(question)), askOptions),
      draft: (topic, askOptions) => llm.draft(stripPreamble(validateQuestion(topic)), askOptions),
    };
  }

  return {
    get retriever() {
      return retrieverNow();
    },
    ...lifecycle,
    evidence,
    ask: extractive,
  };
}
