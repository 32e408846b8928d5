import { createEmbedder } from "../../embeddings/create-embeddings.js";
import { ingestCorpus } from "../../ingest/ingest.js";
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
      const report = await ingestCorpus({
        corpusDir: config.corpusDir,
        indexDir: config.indexDir,
        embedder,
        force: options.force,
        logger,
        onProgress: createIngestProgress(logger),
      });
      if (report.upToDate) {
        console.log(`The index is up to date (${report.chunkCount} passages from ${report.files.length} documents). Nothing to do.`);
        return;
      }
      for (const f of report.files) {
        console.log(`${f.status.padEnd(9)} ${f.file}${f.status === "skipped" ? ` — ${f.reason ?? ""}` : ` (${f.chunks} passages)`}`);
      }
      console.log(
        `Indexed ${report.chunkCount} passages (${report.embeddedChunks} embedded now) in ${(report.durationMs / 1000).toFixed(1)} s → ${config.indexDir}`,
      );
    });
};
