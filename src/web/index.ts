export { createWebApp, defaultAskRateLimit, defaultMaxBodyBytes, type WebAppOptions } from "./app.js";
export { startWebServer, type RunningWebServer } from "./server.js";
export { createIndexSourcesProvider, type SourceEntry, type SourcesProvider } from "./sources-provider.js";
export { openApiDocument } from "./openapi.js";
export { findCitedPassage, matchKey } from "./cited-passage.js";
