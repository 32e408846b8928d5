import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import type { HybridRetriever } from "../retrieve/hybrid-retriever.js";
import { indexFiles, readStoredIndex, type StoredIndex } from "../store/index-store.js";
import { ensureIndex, type EnsureIndexOptions } from "./ensure-index.js";

// Waits this long after the last change before ingesting, so a folder of files copied at once is one
// ingest; short enough that a dropped one-page document is answerable within a few seconds.
export const defaultWatchDebounceMs = 1_500;
// An update that could not run (another ingest, a full disk) is tried again this much later: often enough
// to pick up the change soon after, rarely enough not to fill the log during a long ingest elsewhere.
const retryUpdateMs = 60_000;

export interface LiveIndexOptions extends EnsureIndexOptions {
  /** Builds the retriever for a verified generation (the answer service's settings). */
  openRetriever: (stored: StoredIndex) => Promise<HybridRetriever>;
  /** Watch the corpus and the index folder (CORPUS_WATCH); false keeps the generation loaded at start. */
  watch: boolean;
  debounceMs?: number;
}

/**
 * The retriever a long-running service answers from, kept up to date: a change in the corpus starts one
 * background ingest (debounced, never two at once), and a new generation committed by this or another
 * process (`coopdocs ingest`) replaces the retriever in one assignment once it is fully loaded, so a
 * question is answered wholly from the old generation or wholly from the new one.
 */
export class LiveIndex {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private changes = new Map<string, string>();
  private running?: Promise<void>;
  private again = false;
  private closed = false;

  private constructor(
    private retrieverNow: HybridRetriever,
    private generation: string,
    private readonly options: LiveIndexOptions,
  ) {}

  static async open(options: LiveIndexOptions): Promise<LiveIndex> {
    const { stored } = await ensureIndex(options);
    const live = new LiveIndex(await options.openRetriever(stored), stored.dir, options);
    if (options.watch) await live.startWatching();
    return live;
  }

  /** The retriever to use for the next question. */
  get retriever(): HybridRetriever {
    return this.retrieverNow;
  }

  /** The generation folder answers come from now. */
  get generationDir(): string {
    return this.generation;
  }

  private async startWatching(): Promise<void> {
    const { corpusDir, indexDir, logger } = this.options;
    const index = path.resolve(indexDir);
    const current = path.join(index, indexFiles.current);
    // depth 0 and no symlink following: only the folders' own entries (a link to / is not walked). In the
    // index folder only CURRENT matters: it moves when any process commits a new generation.
    this.watcher = watch([corpusDir, indexDir], {
      ignoreInitial: true,
      depth: 0,
      followSymlinks: false,
      ignored: (file: string) => path.dirname(path.resolve(file)) === index && path.resolve(file) !== current,
      // A file is read once its size held still for 300 ms: a copy in progress is not indexed half-written.
      awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
    });
    this.watcher.on("all", (event, file) => {
      const full = path.resolve(file);
      if (full === current) {
        this.schedule(0, false);
        return;
      }
      if (full === path.resolve(corpusDir) || full === index) return;
      const verb = event === "add" || event === "addDir" ? "added" : event === "change" ? "changed" : "removed";
      this.changes.set(path.basename(file), verb);
      this.schedule(this.options.debounceMs ?? defaultWatchDebounceMs, true);
    });
    this.watcher.on("error", (error) => logger.warn(`Watching ${corpusDir} failed: ${String(error)}`));
    await new Promise<void>((resolve) => this.watcher?.once("ready", () => resolve()));
    logger.info(`Watching ${corpusDir} for new or changed documents (CORPUS_WATCH=false turns this off).`);
  }

  private pendingIngest = false;

  private schedule(delayMs: number, ingest: boolean): void {
    if (this.closed) return;
    this.pendingIngest ||= ingest;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  /**
   * Brings the index up to date (when the corpus changed) and switches to the newest complete generation.
   * Calls made while one runs are folded into one more run after it.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runRefresh().finally(() => {
      this.running = undefined;
      if (this.again && !this.closed) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  private async runRefresh(): Promise<void> {
    const { logger } = this.options;
    const ingest = this.pendingIngest;
    this.pendingIngest = false;
    const changes = [...this.changes.entries()];
    this.changes.clear();
    try {
      if (changes.length > 0)
        logger.info(`Corpus changed: ${changes.map(([file, verb]) => `${file} ${verb}`).join(", ")}.`);
      let stored: StoredIndex | undefined;
      if (ingest) {
        const ensured = await ensureIndex(this.options);
        stored = ensured.stored;
        if (ensured.notUpdated) this.schedule(retryUpdateMs, true);
      } else {
        stored = await readStoredIndex(this.options.indexDir);
      }
      if (!stored || stored.dir === this.generation || this.closed) return;
      const retriever = await this.options.openRetriever(stored);
      this.retrieverNow = retriever;
      this.generation = stored.dir;
      logger.info(
        `Now answering from the new index (${stored.manifest.chunkCount} passages, ${stored.manifest.files.length} documents).`,
      );
    } catch (error) {
      logger.warn(
        `The index was not switched (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); answering from the current one.`,
      );
    }
  }

  /** Stops watching and waits for a refresh in progress. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.running;
  }
}
