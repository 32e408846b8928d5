export { LexicalIndex, lexicalTerm } from "./lexical-index.js";
export { indexFormatVersion, type IndexManifest } from "./index-manifest.js";
export {
  acquireIngestLock,
  createGeneration,
  currentGenerationDir,
  indexFiles,
  readIndexManifest,
  readStoredIndex,
  writeGenerationFiles,
  type StoredIndex,
} from "./index-store.js";
