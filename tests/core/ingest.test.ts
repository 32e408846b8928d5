import { appendFile, copyFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import type { Logger } from "../../src/core/logger.js";
import { createEmbedder, type Embedder } from "../../src/embeddings/index.js";
import { checkIndex, ingestCorpus } from "../../src/ingest/index.js";
import { HybridRetriever } from "../../src/retrieve/index.js";
import { currentGenerationDir, indexFiles, readStoredIndex } from "../../src/store/index.js";
import { createWorkspace, projectRoot, type TempWorkspace } from "../helpers/test-corpus.js";
import { createHashEmbedder, createTinyWorkspace } from "../helpers/tiny-corpus.js";

let embedder: Embedder;
let workspace: TempWorkspace;

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
}

beforeAll(async () => {
  embedder = await createEmbedder({ provider: "use" });
  workspace = await createWorkspace();
  await ingestCorpus({ corpusDir: workspace.corpusDir, indexDir: workspace.indexDir, embedder });
});
afterAll(async () => workspace?.cleanup());

describe("ingest of the real corpus", () => {
  it("gives every chunk its file, manifest title, section path, offsets and a null page for text files", async () => {
    const stored = await readStoredIndex(workspace.indexDir);
    expect(stored).toBeDefined();
    const chunks = stored?.chunks ?? [];
    expect(new Set(chunks.map((c) => c.meta.file)).size).toBe(5);
    for (const chunk of chunks) {
      expect(chunk.text.trim().length).toBeGreaterThan(0);
      expect(chunk.meta.page).toBeNull();
      expect(chunk.meta.end).toBeGreaterThan(chunk.meta.start);
      expect(chunk.meta.title).not.toBe(chunk.meta.file);
    }
    const strategy = chunks.filter((c) => c.meta.file === "china-asean-strategy-2009-2015.txt");
    expect(strategy[0]?.meta.title).toBe("China-ASEAN Strategy on Environmental Protection Cooperation (2009-2015)");
    expect(strategy[0]?.meta.year).toBe(2009);
    // Numbered sections become the section path.
    expect(chunks.some((c) => c.meta.section === "4. Areas of Cooperation › 4.1 Policy Dialogue and Exchange")).toBe(
      true,
    );
  });

  it("keeps the nine 2016-2020 priority areas with their lead-in in one chunk", async () => {
    const chunks = (await readStoredIndex(workspace.indexDir))?.chunks ?? [];
    const list = chunks.find((c) => c.text.includes("(a) Policy Dialogue and Exchange"));
    expect(list?.text).toContain("nine priority areas");
    expect(list?.text).toContain("(i) Joint research");
  });

  it("removes page numbers and keeps footnotes in their own section", async () => {
    const chunks = (await readStoredIndex(workspace.indexDir))?.chunks ?? [];
    const footnote = chunks.find((c) => c.text.includes("Secretariat is located in Jakarta"));
    expect(footnote?.meta.section).toBe("Footnotes");
    expect(chunks.some((c) => /^\d{1,3}$/m.test(c.text))).toBe(false);
  });

  it("does no work when nothing changed, and re-indexes only a changed file", async () => {
    const again = await ingestCorpus({ corpusDir: workspace.corpusDir, indexDir: workspace.indexDir, embedder });
    expect(again.upToDate).toBe(true);
    expect(again.embeddedChunks).toBe(0);

    await appendFile(
      path.join(workspace.corpusDir, "caec-about-us.txt"),
      "\n\nIn 2030 the Center opened a new office in Vientiane.\n",
    );
    expect(
      (await checkIndex({ corpusDir: workspace.corpusDir, indexDir: workspace.indexDir, embedderId: embedder.id }))
        .state,
    ).toBe("stale");
    const updated = await ingestCorpus({ corpusDir: workspace.corpusDir, indexDir: workspace.indexDir, embedder });
    const statuses = Object.fromEntries(updated.files.map((f) => [f.file, f.status]));
    expect(statuses["caec-about-us.txt"]).toBe("indexed");
    expect(statuses["china-asean-strategy-2009-2015.txt"]).toBe("unchanged");
    const changed = updated.files.find((f) => f.file === "caec-about-us.txt");
    // Chunks of the changed file whose text did not change keep their vectors: only the new text is embedded.
    expect(updated.embeddedChunks).toBeGreaterThan(0);
    expect(updated.embeddedChunks + updated.cachedVectors).toBe(changed?.chunks);
    const retriever = await HybridRetriever.open(workspace.indexDir, embedder);
    const hits = await retriever.retrieve("new office in Vientiane", 3);
    expect(hits[0]?.text).toContain("Vientiane");
  });
});

async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  }
  return pdf.save();
}

describe("PDF ingest", () => {
  let pdfWorkspace: TempWorkspace;
  beforeAll(async () => {
    pdfWorkspace = await createWorkspace({ copyCorpus: false });
    const { mkdir } = await import("node:fs/promises");
    await mkdir(pdfWorkspace.corpusDir, { recursive: true });
    const bytes = await makePdf([
      ["1. Mangrove Cooperation", "1. The parties agree to restore mangrove forests along the coast.", "1"],
      ["2. Marine Litter", "2. The parties will reduce marine plastic litter by sharing data.", "2"],
      ["3. Air Quality", "3. The parties will monitor transboundary haze every dry season.", "3"],
    ]);
    await writeFile(path.join(pdfWorkspace.corpusDir, "coastal-plan.pdf"), bytes);
    await writeFile(path.join(pdfWorkspace.corpusDir, "broken.pdf"), "%PDF-1.4\nthis is not really a pdf\n%%EOF");
    // Made with `qpdf --encrypt user owner 256` (pdf-lib cannot encrypt): needs a password to open.
    await copyFile(
      path.join(projectRoot, "tests", "fixtures", "encrypted.pdf"),
      path.join(pdfWorkspace.corpusDir, "locked.pdf"),
    );
    await writeFile(
      path.join(pdfWorkspace.corpusDir, "notes.md"),
      "# Field notes\n\nThe workshop on seagrass was held in Phuket.\n",
    );
  });
  afterAll(async () => pdfWorkspace?.cleanup());

  it("keeps page numbers, skips corrupt and encrypted PDFs with a warning and ingests the rest", async () => {
    const logger = recordingLogger();
    const report = await ingestCorpus({
      corpusDir: pdfWorkspace.corpusDir,
      indexDir: pdfWorkspace.indexDir,
      embedder,
      logger,
    });
    const statuses = Object.fromEntries(report.files.map((f) => [f.file, f.status]));
    expect(statuses).toEqual({
      "broken.pdf": "skipped",
      "coastal-plan.pdf": "indexed",
      "locked.pdf": "skipped",
      "notes.md": "indexed",
    });
    expect(logger.warnings.join("\n")).toContain("broken.pdf");
    expect(logger.warnings.join("\n")).toContain("locked.pdf: the PDF is encrypted (password-protected).");

    const chunks = (await readStoredIndex(pdfWorkspace.indexDir))?.chunks ?? [];
    const pageOf = (needle: string) => chunks.find((c) => c.text.includes(needle))?.meta.page;
    expect(pageOf("mangrove")).toBe(1);
    expect(pageOf("marine plastic")).toBe(2);
    expect(pageOf("haze")).toBe(3);
    expect(chunks.find((c) => c.text.includes("haze"))?.meta.section).toBe("3. Air Quality");
    expect(chunks.find((c) => c.text.includes("seagrass"))?.meta.page).toBeNull();
  });
});

describe("bad input and damaged indexes", () => {
  it("reports a missing or empty corpus folder clearly", async () => {
    const empty = await createWorkspace({ copyCorpus: false });
    try {
      await expect(ingestCorpus({ corpusDir: empty.corpusDir, indexDir: empty.indexDir, embedder })).rejects.toSatisfy(
        (e) => CoopdocsError.is(e, "corpus_missing"),
      );
      const { mkdir } = await import("node:fs/promises");
      await mkdir(empty.corpusDir);
      await writeFile(path.join(empty.corpusDir, "image.png"), "");
      await expect(ingestCorpus({ corpusDir: empty.corpusDir, indexDir: empty.indexDir, embedder })).rejects.toSatisfy(
        (e) => CoopdocsError.is(e, "corpus_empty"),
      );
    } finally {
      await empty.cleanup();
    }
  });

  it("refuses an index built by another embedder and tells the user to re-ingest", async () => {
    const dir = await currentGenerationDir(workspace.indexDir);
    const manifestPath = path.join(dir ?? "", indexFiles.manifest);
    const original = await readFile(manifestPath, "utf8");
    try {
      await writeFile(manifestPath, original.replace(embedder.id, "transformers:other-model"));
      const error = await HybridRetriever.open(workspace.indexDir, embedder).catch((e: unknown) => e);
      expect(CoopdocsError.is(error, "index_incompatible")).toBe(true);
      expect((error as CoopdocsError).hint).toMatch(/ingest/);
    } finally {
      await writeFile(manifestPath, original);
    }
  });

  it("reports a corrupted index clearly, and a new ingest repairs it", async () => {
    const dir = await currentGenerationDir(workspace.indexDir);
    await writeFile(path.join(dir ?? "", indexFiles.chunks), "{ not json");
    const error = await HybridRetriever.open(workspace.indexDir, embedder).catch((e: unknown) => e);
    expect(CoopdocsError.is(error, "index_corrupt")).toBe(true);
    const repaired = await ingestCorpus({ corpusDir: workspace.corpusDir, indexDir: workspace.indexDir, embedder });
    expect(repaired.upToDate).toBe(false);
    await expect(HybridRetriever.open(workspace.indexDir, embedder)).resolves.toBeDefined();
  });

  it("leaves the previous index usable when an ingest fails", async () => {
    const before = await currentGenerationDir(workspace.indexDir);
    const failing: Embedder = {
      ...embedder,
      embeddings: Object.assign(
        Object.create(Object.getPrototypeOf(embedder.embeddings) as object),
        embedder.embeddings,
        {
          embedDocuments: async () => {
            throw new Error("embedder crashed");
          },
        },
      ),
    };
    await rm(path.join(workspace.corpusDir, "asean-est-cooperation.txt"));
    await writeFile(path.join(workspace.corpusDir, "extra.txt"), "A new document about wetlands.\n");
    await expect(
      ingestCorpus({ corpusDir: workspace.corpusDir, indexDir: workspace.indexDir, embedder: failing }),
    ).rejects.toThrow("embedder crashed");
    expect(await currentGenerationDir(workspace.indexDir)).toBe(before);
    await expect(HybridRetriever.open(workspace.indexDir, embedder)).resolves.toBeDefined();
  });
});

describe("one ingest at a time", () => {
  it("refuses a second ingest while one holds the index, and takes over a lock left by a dead process", async () => {
    const { acquireIngestLock } = await import("../../src/store/index.js");
    const { utimes } = await import("node:fs/promises");
    // The lock, not the corpus, is under test: three short documents and the hash embedder keep it fast.
    const busy = await createTinyWorkspace();
    const embedder = createHashEmbedder();
    try {
      const lock = await acquireIngestLock(busy.indexDir);
      await expect(ingestCorpus({ corpusDir: busy.corpusDir, indexDir: busy.indexDir, embedder })).rejects.toSatisfy(
        (e) => CoopdocsError.is(e, "index_busy"),
      );
      await lock.release();
      // A lock left by a killed ingest (no longer refreshed: its time is old) does not block.
      const { mkdir } = await import("node:fs/promises");
      await mkdir(path.join(busy.indexDir, "ingest.lock"));
      const old = new Date(Date.now() - 600_000);
      await utimes(path.join(busy.indexDir, "ingest.lock"), old, old);
      const report = await ingestCorpus({ corpusDir: busy.corpusDir, indexDir: busy.indexDir, embedder });
      expect(report.chunkCount).toBeGreaterThan(0);
      await expect(readFile(path.join(busy.indexDir, "ingest.lock"), "utf8")).rejects.toThrow();
    } finally {
      await busy.cleanup();
    }
  });

  it("clears what killed ingests left behind even when the index is already up to date", async () => {
    const { mkdir, readdir } = await import("node:fs/promises");
    const tiny = await createTinyWorkspace();
    const embedder = createHashEmbedder();
    try {
      await ingestCorpus({ corpusDir: tiny.corpusDir, indexDir: tiny.indexDir, embedder });
      await writeFile(path.join(tiny.corpusDir, "air.txt"), "# Clean Air\n\nHaze monitoring across cities.\n");
      await ingestCorpus({ corpusDir: tiny.corpusDir, indexDir: tiny.indexDir, embedder });
      const live = path.basename((await currentGenerationDir(tiny.indexDir)) ?? "");
      const generations = async () => (await readdir(tiny.indexDir)).filter((n) => n.startsWith("gen-")).sort();
      const kept = await generations();
      // Three ingests killed after creating their generation folder, before writing its manifest.
      for (const stamp of [1, 2, 3]) await mkdir(path.join(tiny.indexDir, `gen-${Date.now() + stamp}-dead0${stamp}`));
      const report = await ingestCorpus({ corpusDir: tiny.corpusDir, indexDir: tiny.indexDir, embedder });
      expect(report.upToDate).toBe(true);
      // The live generation and the one before it (for rollback) stay; the half-written ones are gone.
      expect(await generations()).toEqual(kept);
      expect(kept).toContain(live);
      expect(kept).toHaveLength(2);
    } finally {
      await tiny.cleanup();
    }
  });
});
