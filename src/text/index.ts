// Text helpers written once: sentence splitting, truncation, numbering strip, normalisation, regexp escape.
export { sentenceSpans, splitSentences, splitTextSentences, type SentenceSpan } from "./sentences.js";
export { truncate, charLength } from "./truncate.js";
export { stripNumbering } from "./numbering.js";
export { normalizeText } from "./normalize.js";
export { escapeRegExp } from "./regexp.js";
