import { createAnswerService } from "./src/answer/index.js";
import { loadConfig } from "./src/config/config.js";
const config = loadConfig({ CORPUS_DIR: "corpus", INDEX_DIR: "/tmp/i14-index", LOG_LEVEL: "silent" }, process.cwd());
const service = await createAnswerService(config);
const history: any[] = [];
for (const q of process.argv.slice(2)) {
  if (q === "--") { history.length = 0; continue; }
  const a = await service.ask(q, { history });
  console.log("Q:", q, "\nfound:", a.found, "\n" + a.answer.slice(0, 800), "\n", a.citations.map(c => `[${c.n}] ${c.title} | ${c.section} | ${c.page} | ${c.quote.slice(0,100)}`).join("\n "), "\n---");
  history.push({ role: "user", text: q }, { role: "assistant", text: a.answer, passageIds: a.passages.map(p => p.id), found: a.found });
}
