/**
 * A real index of the real corpus in a temporary folder, one per test file (beforeAll): the corpus and the
 * index the global setup built from it are copied, so tests may change or break both, and INDEX_DIR is
 * private to the file. Copying instead of ingesting again saves a whole real embedding run (~15 s) per file;
 * the ingest of the real corpus itself is tested in tests/core/ingest.test.ts.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { loadConfig, type Config } from "../../src/config/config.js";
import { createEmbedder, type Embedder } from "../../src/embeddings/create-embeddings.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface RealIndex {
  root: string;
  config: Config;
  embedder: Embedder;
  cleanup(): Promise<void>;
}

export async function buildRealIndex(): Promise<RealIndex> {
  const root = await mkdtemp(path.join(tmpdir(), "coopdocs-reliability-"));
  const corpusDir = path.join(root, "corpus");
  await cp(path.join(repoRoot, "corpus"), corpusDir, { recursive: true });
  const config = loadConfig(
    {
      CORPUS_DIR: corpusDir,
      INDEX_DIR: path.join(root, "index"),
      DATA_DIR: path.join(root, "data"),
      LOG_LEVEL: "silent",
    },
    root,
  );
  await cp(inject("sharedIndexDir"), config.indexDir, { recursive: true });
  const embedder = await createEmbedder(config.embeddings);
  return {
    root,
    config,
    embedder,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every `<` in mrkdwn the bot builds must open a link it made itself from an http(s) or mailto URL. */
export function unsafeAngles(mrkdwn: string): string[] {
  const bad: string[] = [];
  for (let i = mrkdwn.indexOf("<"); i !== -1; i = mrkdwn.indexOf("<", i + 1)) {
    if (!/^<(?:https?:\/\/|mailto:)/i.test(mrkdwn.slice(i, i + 10))) bad.push(mrkdwn.slice(i, i + 20));
  }
  return bad;
}
