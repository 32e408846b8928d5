// An ingest with the fast test embedder in a child process (tests that kill it midway or race two of them):
// node --import tsx ingest-child.ts <corpusDir> <indexDir>. With WAIT_FOR_GO=1 it starts on a "go" line on stdin.
import { once } from "node:events";
import { ingestCorpus } from "../../src/ingest/ingest.js";
import { createHashEmbedder } from "../helpers/tiny-corpus.js";

const [corpusDir = "", indexDir = ""] = process.argv.slice(2);
process.stdout.write("ready\n");
if (process.env.WAIT_FOR_GO === "1") {
  await once(process.stdin, "data");
  process.stdin.destroy(); // an open stdin would keep the process alive
}
try {
  const report = await ingestCorpus({
    corpusDir,
    indexDir,
    embedder: createHashEmbedder(),
    force: process.env.FORCE === "1",
  });
  process.stdout.write(`${report.upToDate ? "up-to-date" : "wrote"} ${report.embeddedChunks}\n`);
} catch (error) {
  process.stdout.write(`failed ${(error as { code?: string }).code ?? String(error)}\n`);
  process.exitCode = 2;
}
