import { createEmbedder } from "../../embeddings/create-embeddings.js";
import { createEmbedRunner } from "../../ingest/embed-pool.js";
import { ingestCorpus } from "../../ingest/ingest.js";
import { formatSources, listSources } from "../../ingest/sources.js";
import { createCliContext, createIngestProgress } from "../context.js";
import type { RegisterCommand } from "./index.js";

export const registerIngest: RegisterCommand = (program) => {
  program
    .command("ingest")
    .description("Build or update the search index from the corpus folder.")
    .option("--force", "rebuild everything, even when nothing changed")
    .action(async (options: { force?: boolean }) => {
      const { config, logger } = createCliContext();
      const embedder = await createEmbedder(config.embeddings);
      const embedRunner = await createEmbedRunner(embedder, config.embeddings);
      const report = await ingestCorpus({
        corpusDir: config.corpusDir,
        indexDir: config.indexDir,
        embedder,
        embedRunner,
        force: options.force,
        logger,
        onProgress: createIngestProgress(logger),
      }).finally(() => embedRunner.close());
      // The same summary as `coopdocs sources`; a skipped file is a warning (logged above), not an error.
      console.log(formatSources(await listSources(config.corpusDir, config.indexDir)));
      if (report.upToDate) {
        console.log(`The index is up to date (${report.chunkCount} passages). Nothing to do.`);
        return;
      }
      const seconds = report.durationMs / 1000;
      console.log(
        `Indexed ${report.chunkCount} passages (${report.embeddedChunks} embedded now on ${report.embedWorkers} thread${report.embedWorkers > 1 ? "s" : ""}, ` +
          `${report.cachedVectors} from the vector cache) in ${seconds.toFixed(1)} s → ${config.indexDir}`,
      );
    });
};
