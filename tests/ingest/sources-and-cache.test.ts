import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { embeddingText } from "../../src/ingest/ingest.js";
import { checkIndex, ingestCorpus } from "../../src/ingest/index.js";
import { listSources } from "../../src/ingest/sources.js";
import { VectorCache } from "../../src/ingest/vector-cache.js";
import { readStoredIndex } from "../../src/store/index.js";
import { countingEmbedder } from "../helpers/counting-embedder.js";

let dir: string;
let corpusDir: string;
let indexDir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "coopdocs-sources-"));
  corpusDir = path.join(dir, "corpus");
  indexDir = path.join(dir, "index");
  await mkdir(corpusDir);
  await writeFile(
    path.join(corpusDir, "notes.md"),
    "# Field notes\n\nThe seagrass workshop was held in Phuket in May.\n\nA second workshop on mangroves followed in June.\n",
  );
  await writeFile(
    path.join(corpusDir, "dump.txt"),
    Buffer.from([0x41, 0x00, 0x00, 0x42, 0x00, 0x01, 0x02, 0x43, 0x00, 0x00]),
  );
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe("sources and skipped files", () => {
  it("lists a skipped file with its reason, and does not retry it until it changes", async () => {
    const embedder = countingEmbedder();
    const first = await ingestCorpus({ corpusDir, indexDir, embedder });
    expect(first.files.find((f) => f.file === "dump.txt")).toMatchObject({ status: "skipped" });

    const sources = await listSources(corpusDir, indexDir);
    const dump = sources.find((s) => s.file === "dump.txt");
    expect(dump?.status).toBe("skipped");
    expect(dump?.reason).toMatch(/binary/);
    const notes = sources.find((s) => s.file === "notes.md");
    expect(notes).toMatchObject({ status: "indexed", format: "md", title: "Field notes" });
    expect(notes?.chunks).toBeGreaterThan(0);
    expect(notes?.indexedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The skipped file does not make the index stale, so `ask` does not re-ingest every time.
    expect((await checkIndex({ corpusDir, indexDir, embedderId: embedder.id })).state).toBe("fresh");
    const again = await ingestCorpus({ corpusDir, indexDir, embedder });
    expect(again.upToDate).toBe(true);

    // Changed into text, it is retried and indexed.
    await writeFile(path.join(corpusDir, "dump.txt"), "Coral reef monitoring started in 2019 in Nha Trang.\n");
    expect((await checkIndex({ corpusDir, indexDir, embedderId: embedder.id })).state).toBe("stale");
    const third = await ingestCorpus({ corpusDir, indexDir, embedder });
    expect(third.files.find((f) => f.file === "dump.txt")?.status).toBe("indexed");
    expect((await listSources(corpusDir, indexDir)).find((s) => s.file === "dump.txt")?.status).toBe("indexed");
  });

  it("marks a new file as pending until the next ingest", async () => {
    await ingestCorpus({ corpusDir, indexDir, embedder: countingEmbedder() });
    await writeFile(path.join(corpusDir, "later.txt"), "Added after the ingest.\n");
    expect((await listSources(corpusDir, indexDir)).find((s) => s.file === "later.txt")?.status).toBe("pending");
  });
});

describe("vector cache", () => {
  it("embeds only what an interrupted ingest had not reached", async () => {
    const sections = Array.from(
      { length: 4 },
      (_, i) => `## Site ${i + 1}\n\nMonitoring at site ${i + 1} counted ${10 + i} species of seagrass in the bay.\n`,
    );
    await writeFile(path.join(corpusDir, "survey.md"), `# Survey\n\n${sections.join("\n")}`);
    // A first, complete ingest tells us which texts there are.
    const reference = countingEmbedder();
    await ingestCorpus({ corpusDir, indexDir: path.join(dir, "reference"), embedder: reference });
    const texts = ((await readStoredIndex(path.join(dir, "reference")))?.chunks ?? []).map(embeddingText);
    expect(texts.length).toBeGreaterThan(1);

    // An ingest killed after its first batch left that batch in the cache and no index.
    const embedder = countingEmbedder();
    const cache = await VectorCache.open(indexDir, embedder.id, 16);
    const done = texts.slice(0, 1);
    await cache.add(
      (await embedder.embeddings.embedDocuments(done)).map((v, i) => ({
        text: done[i] ?? "",
        vector: Float32Array.from(v),
      })),
    );
    embedder.embeddings.embedded = [];

    const report = await ingestCorpus({ corpusDir, indexDir, embedder });
    expect(report.cachedVectors).toBe(1);
    expect(report.embeddedChunks).toBe(texts.length - 1);
    expect(embedder.embeddings.embedded.filter((t) => texts.includes(t))).toEqual(texts.slice(1));
  });
});
