import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAnswerService, type AnswerService } from "../../src/answer/index.js";
import { loadConfig, type Config } from "../../src/config/config.js";
import { createWebApp, createIndexSourcesProvider, type WebAppOptions } from "../../src/web/index.js";
import { projectRoot, sharedFormatsDir } from "../helpers/test-corpus.js";

/** shared/ sits beside the repository (CI clones it there) or one level up; COOPDOCS_SHARED_DIR points elsewhere. */
export const sharedDir =
  process.env.COOPDOCS_SHARED_DIR ?? path.dirname(sharedFormatsDir() ?? path.resolve(projectRoot, "../shared/formats"));
export const formatsPdf = "caec-about-us.two-column.pdf";

/** A small document written for these tests: sections, a sentence to cite, and markup that must stay text. */
export const wetlandNote = `# Tidal Wetland Monitoring Pilot

## Background

The pilot was set up by a fictional river commission to test how volunteers can watch tidal wetlands.
Its reports are written for the town councils along the estuary.

## Methods

Volunteers counted migratory shorebirds at four estuaries every spring for three years.
Each count was checked against photographs taken from fixed posts at low tide.

## Markup in documents

This line holds markup that must show as text: <script>window.injected = 1</script> <b>not bold</b>.
`;

export const wetlandFile = "wetland-pilot.md";

export interface WebFixture {
  dir: string;
  config: Config;
  answerer: AnswerService;
  options: WebAppOptions;
  app: ReturnType<typeof createWebApp>;
  cleanup(): Promise<void>;
}

/** A corpus of the note above and a real PDF from shared/formats, indexed once, and the web app over it. */
export async function createWebFixture(
  overrides: Partial<WebAppOptions> = {},
  env: Record<string, string> = {},
): Promise<WebFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), "coopdocs-web-"));
  const corpusDir = path.join(dir, "corpus");
  await mkdir(corpusDir);
  await writeFile(path.join(corpusDir, wetlandFile), wetlandNote);
  try {
    await copyFile(path.join(sharedDir, "formats", formatsPdf), path.join(corpusDir, formatsPdf));
  } catch (error) {
    throw new Error(
      `The web tests need ${formatsPdf} from shared/formats (looked in ${sharedDir}; set COOPDOCS_SHARED_DIR).`,
      { cause: error },
    );
  }
  await writeFile(
    path.join(corpusDir, "manifest.json"),
    JSON.stringify({
      documents: [
        { file: wetlandFile, title: "Tidal Wetland Monitoring Pilot", year: 2024 },
        { file: formatsPdf, title: "About Us: ASEAN-China Environmental Cooperation Center (CAEC)", year: 2021 },
      ],
    }),
  );
  // A file ingest does not read: listed as not indexed, never served.
  await writeFile(path.join(corpusDir, "notes.xyz"), "not a document");
  const config = loadConfig(
    {
      CORPUS_DIR: corpusDir,
      INDEX_DIR: path.join(dir, "index"),
      DATA_DIR: path.join(dir, "data"),
      LOG_LEVEL: "silent",
      ...env,
    },
    dir,
  );
  const answerer = await createAnswerService(config);
  const options: WebAppOptions = {
    answerer,
    sources: createIndexSourcesProvider({ corpusDir: config.corpusDir, indexDir: config.indexDir }),
    publicUrl: config.web.publicUrl,
    ...overrides,
  };
  return {
    dir,
    config,
    answerer,
    options,
    app: createWebApp(options),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
