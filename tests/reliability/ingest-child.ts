// An ingest with the fast test embedder in a child process (tests that kill it midway):
// node --import tsx ingest-child.ts <corpusDir> <indexDir>
import { ingestCorpus } from "../../src/ingest/ingest.js";
import { createHashEmbedder } from "../helpers/tiny-corpus.js";

const [corpusDir = "", indexDir = ""] = process.argv.slice(2);
process.stdout.write("started\n");
try {
  const report = await ingestCorpus({ corpusDir, indexDir, embedder: createHashEmbedder(), force: process.env.FORCE === "1" });
  process.stdout.write(`${report.upToDate ? "up-to-date" : "wrote"} ${report.embeddedChunks}\n`);
} catch (error) {
  process.stdout.write(`failed ${(error as { code?: string }).code ?? String(error)}\n`);
  process.exitCode = 2;
}
