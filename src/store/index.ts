export { LexicalIndex, lexicalTerm } from "./lexical-index.js";
export { indexFormatVersion, type IndexManifest } from "./index-manifest.js";
export {
  createGeneration,
  currentGenerationDir,
  indexFiles,
  readIndexManifest,
  readStoredIndex,
  readUsableIndex,
  requiredFiles,
  writeGenerationFiles,
  type StoredIndex,
  type UsableIndex,
} from "./index-store.js";
export { acquireIngestLock, isIngestLocked, waitForIngestUnlock, type IngestLock } from "./ingest-lock.js";
export { checkHnswIndexFile } from "./hnsw-file-check.js";
export { explainDiskFull } from "./disk-full.js";
