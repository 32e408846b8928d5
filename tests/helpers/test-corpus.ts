import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, type Config } from "../../src/config/config.js";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const realCorpusDir = path.join(projectRoot, "corpus");

export interface TempWorkspace {
  dir: string;
  corpusDir: string;
  indexDir: string;
  config: Config;
  cleanup(): Promise<void>;
}

/** Configuration that reads the real corpus and an index built once by the global setup. */
export function sharedIndexConfig(indexDir: string): Config {
  return loadConfig({ CORPUS_DIR: realCorpusDir, INDEX_DIR: indexDir, LOG_LEVEL: "silent" }, projectRoot);
}

/** A temporary folder with a copy of the real corpus (or an empty one) and its own index folder. */
export async function createWorkspace(options: { copyCorpus?: boolean } = {}): Promise<TempWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), "coopdocs-test-"));
  const corpusDir = path.join(dir, "corpus");
  const indexDir = path.join(dir, "index");
  if (options.copyCorpus ?? true) await cp(realCorpusDir, corpusDir, { recursive: true });
  const config = loadConfig(
    { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "silent" },
    dir,
  );
  return { dir, corpusDir, indexDir, config, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * `shared/formats/` (real-world file formats of the corpus, with page ground truth) sits beside the
 * repository in CI (`../shared`); a git worktree one level deeper finds it at `../../shared`.
 */
export function sharedFormatsDir(): string | undefined {
  const candidates = [
    path.resolve(projectRoot, "../shared/formats"),
    path.resolve(projectRoot, "../../shared/formats"),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, "pages.json")));
}
