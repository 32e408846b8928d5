import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createEmbedder } from "../src/embeddings/index.js";
import { ingestCorpus } from "../src/ingest/index.js";
import { realCorpusDir } from "./helpers/test-corpus.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** An index of the real corpus built once for the read-only suites (answers, CLI, eval). */
    sharedIndexDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), "coopdocs-shared-index-"));
  const indexDir = path.join(dir, "index");
  await ingestCorpus({ corpusDir: realCorpusDir, indexDir, embedder: await createEmbedder({ provider: "use" }) });
  project.provide("sharedIndexDir", indexDir);
  return () => rm(dir, { recursive: true, force: true });
}
