/** Where a chunk of text comes from: enough for a reader to find the passage in the original. */
export interface ChunkMetadata {
  /** Corpus file name, e.g. "caec-about-us.txt". */
  file: string;
  /** Document title from the corpus manifest (or the file's first heading). */
  title: string;
  /** Section path joined for display, e.g. "4. Areas of Cooperation › 4.1 Policy Dialogue and Exchange". */
  section: string;
  /** 1-based page number for PDFs; null for text and Markdown files. */
  page: number | null;
  /** Character offsets of the chunk in the cleaned document text. */
  start: number;
  end: number;
  /** Year of the document, from the corpus manifest, when known. */
  year: number | null;
  /** The text was read by OCR from a page image (it may hold misread characters). */
  ocr?: boolean;
}

/** One indexed unit of text. */
export interface Chunk {
  id: string;
  text: string;
  meta: ChunkMetadata;
}

/** A chunk returned by retrieval, with its fused relevance score (higher is better). */
export interface Passage extends Chunk {
  score: number;
  /** Cosine similarity of the passage to the query, from the dense index (-1..1). */
  similarity: number;
}

/** A numbered reference in an answer; `n` matches the [n] markers in the answer text. */
export interface Citation {
  n: number;
  file: string;
  title: string;
  section: string;
  page: number | null;
  quote: string;
  /** Link to the source view that opens the quote highlighted in its document; only when PUBLIC_URL is set. */
  url?: string;
}

export type AnswerMode = "extractive" | "llm";

export interface Answer {
  answer: string;
  mode: AnswerMode;
  citations: Citation[];
  /** False when the documents do not hold the answer ("not found"). */
  found: boolean;
  /** Passages shown as "closest passages" when nothing was found, or the ones the answer drew on. */
  passages: Passage[];
  /** One-line remark for the user, e.g. why the LLM answer fell back to the extractive one. */
  note?: string;
}

export interface ConversationTurn {
  role: "user" | "assistant";
  text: string;
  /**
   * Assistant turns only: ids of the passages the answer drew on, so a follow-up ("which of those…")
   * can narrow that evidence. Absent when the adapter could not keep them (then the core re-derives them).
   */
  passageIds?: string[];
  /** Assistant turns only: whether that answer was found in the documents. */
  found?: boolean;
}

export interface AskOptions {
  /** Earlier turns of the same conversation (thread), oldest first. */
  history?: ConversationTurn[];
  /** Called with each piece of generated text as it arrives (LLM mode only). */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

/** The one thing adapters (CLI, Slack) need from the core. */
export interface QuestionAnswerer {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** A background paragraph or two in report style on a topic, with citations (see issue "LLM answers"). */
  draft?(topic: string, options?: AskOptions): Promise<Answer>;
}

/** Finds the passages most relevant to a query. */
export interface Retriever {
  retrieve(query: string, k?: number): Promise<Passage[]>;
}
