import { createAnswerService } from "./src/answer/index.js";
import { loadConfig } from "./src/config/config.js";
const config = loadConfig({ CORPUS_DIR: "corpus", INDEX_DIR: "/tmp/i14-index", LOG_LEVEL: "silent" }, process.cwd());
const s = await createAnswerService(config);
const seen = new Map<string, number>();
for (const c of s.retriever.chunks) { const k = c.meta.file + " :: " + c.meta.section; seen.set(k, (seen.get(k) ?? 0) + 1); }
for (const [k, n] of seen) console.log(n, k);
console.log(s.retriever.chunks.find(c => c.meta.section.includes("4.6"))?.text.slice(0, 400));
