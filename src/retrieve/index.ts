export { HybridRetriever, defaultRetrieverOptions } from "./hybrid-retriever.js";
export type { HybridRetrieverOptions, QueryExpander } from "./hybrid-retriever.js";
export { expandQuery, normalizeText } from "./normalize-query.js";
export { findAcronymDefinitions } from "./acronyms.js";
export { collapseNearDuplicates, overlap } from "./near-duplicates.js";
