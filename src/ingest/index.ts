export { ingestCorpus, checkIndex, compareWithCorpus, scanCorpus, embeddingText } from "./ingest.js";
export { walkCorpus, type CorpusFile, type SkippedCorpusEntry } from "./corpus-files.js";
export type { IngestOptions, IngestProgress, IngestReport, IndexState } from "./ingest.js";
export { defaultChunking, chunkBlocks } from "./chunk-blocks.js";
export type { ChunkingOptions, TextChunk } from "./chunk-blocks.js";
export { cleanText } from "./clean-text.js";
export { parseBlocks } from "./parse-blocks.js";
export { loadDocument, documentFormat } from "./load-document.js";
export { cleanDocument, chunkDocument } from "./chunk-document.js";
