import { formatSources, listSources } from "../../ingest/sources.js";
import { createCliContext } from "../context.js";
import type { RegisterCommand } from "./index.js";

export const registerSources: RegisterCommand = (program) => {
  program
    .command("sources")
    .description(
      "List every file in the corpus folder: indexed, skipped or failed (with the reason), format, pages, passages, title, year, OCR, when indexed.",
    )
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { config } = createCliContext();
      const entries = await listSources(config.corpusDir, config.indexDir);
      console.log(
        options.json
          ? JSON.stringify({ corpusDir: config.corpusDir, sources: entries }, null, 2)
          : formatSources(entries),
      );
    });
};
