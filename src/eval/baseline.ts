import { citationOf } from "../core/citation.js";
import type { Document } from "@langchain/core/documents";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import path from "node:path";
import type { Answer, Passage } from "../core/types.js";
import type { Embedder } from "../embeddings/create-embeddings.js";
import { readCorpusManifest } from "../ingest/corpus-manifest.js";
import { scanCorpus } from "../ingest/ingest.js";
import { loadDocument } from "../ingest/load-document.js";

export interface EvalTarget {
  label: string;
  ask(question: string): Promise<Answer>;
  retrieve(question: string, k: number): Promise<Passage[]>;
  /** The passages the answerer draws on, best first (for fact recall@k); the top 12 retrieved by default. */
  evidence?(question: string): Promise<Passage[]>;
}

/**
 * The plain LangChain recipe, for comparison: RecursiveCharacterTextSplitter (1000/200) on the raw
 * text, dense-only search with the same embedder, and the top 4 passages as the answer.
 */
export async function createBaseline(corpusDir: string, embedder: Embedder): Promise<EvalTarget> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const info = await readCorpusManifest(corpusDir);
  const { files } = await scanCorpus(corpusDir);
  const documents: Document[] = [];
  for (const file of files) {
    const loaded = await loadDocument(file.path, file.bytes).catch(() => undefined);
    if (!loaded) continue;
    for (const page of loaded.pages) {
      const metadata = { file: file.file, title: info.get(file.file)?.title ?? file.file, page: page.page };
      documents.push(...(await splitter.createDocuments([page.text], [metadata])));
    }
  }
  const store = new HNSWLib(embedder.embeddings, { space: "cosine" });
  await store.addDocuments(documents);

  const retrieve = async (question: string, k: number): Promise<Passage[]> => {
    const hits = await store.similaritySearchWithScore(question, k);
    return hits.map(([doc, distance], i) => ({
      id: `baseline-${i}`,
      text: doc.pageContent,
      meta: {
        file: String(doc.metadata.file),
        title: String(doc.metadata.title),
        section: "",
        page: typeof doc.metadata.page === "number" ? doc.metadata.page : null,
        start: 0,
        end: doc.pageContent.length,
        year: null,
      },
      score: 1 - distance,
      similarity: 1 - distance,
    }));
  };

  return {
    label: `baseline (${path.basename(corpusDir)}: recursive 1000/200, dense top-4)`,
    retrieve,
    async ask(question) {
      const passages = await retrieve(question, 4);
      return {
        answer: passages.map((p, i) => `${p.text} [${i + 1}]`).join("\n\n"),
        mode: "extractive",
        citations: passages.map((p, i) => citationOf(p, i + 1, p.text)),
        found: passages.length > 0,
        passages,
      };
    },
  };
}
