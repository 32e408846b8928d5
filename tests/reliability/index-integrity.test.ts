/**
 * Damaged indexes: every file of a generation corrupted at random (20 rounds each) is detected before native
 * code sees it, reported in one line, and rebuilt; the previous generation answers meanwhile. Runs in
 * process with the fast test embedder, so a segmentation fault would take the test worker down with it.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureIndex } from "../../src/answer/ensure-index.js";
import { CoopdocsError } from "../../src/core/coopdocs-error.js";
import { recordingLogger } from "../helpers/recording-logger.js";
import { ingestCorpus } from "../../src/ingest/ingest.js";
import { HybridRetriever } from "../../src/retrieve/hybrid-retriever.js";
import {
  checkHnswIndexFile,
  currentGenerationDir,
  indexFiles,
  readStoredIndex,
  readUsableIndex,
  requiredFiles,
} from "../../src/store/index.js";
import { createHashEmbedder, createTinyWorkspace, type TinyWorkspace } from "../helpers/tiny-corpus.js";

/** A seeded generator, so a failing round can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function corrupt(bytes: Buffer, rand: () => number): Buffer {
  const out = Buffer.from(bytes);
  const pattern = Math.floor(rand() * 4);
  if (pattern === 0) return out.subarray(0, Math.floor(rand() * out.length)); // truncated
  if (pattern === 1) return Buffer.concat([out, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])]); // trailing garbage
  const flips = pattern === 2 ? 1 : 1 + Math.floor(rand() * 16);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(rand() * out.length);
    out[at] = (out[at] ?? 0) ^ (1 + Math.floor(rand() * 255));
  }
  return out;
}

let ws: TinyWorkspace;
const embedder = createHashEmbedder();

beforeAll(async () => {
  ws = await createTinyWorkspace();
  await ingestCorpus({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder });
});
afterAll(async () => ws?.cleanup());

describe("random byte corruption of each index file", () => {
  const files = [indexFiles.manifest, ...requiredFiles];
  it.each(files)("%s: 20 rounds, 0 crashes, each answered after a one-line report and a rebuild", async (file) => {
    const rand = random(files.indexOf(file) + 1);
    let reported = 0;
    for (let round = 0; round < 20; round++) {
      const dir = await currentGenerationDir(ws.indexDir);
      const target = path.join(dir ?? "", file);
      const original = await readFile(target);
      let damaged = corrupt(original, rand);
      if (damaged.equals(original)) damaged = Buffer.concat([original, Buffer.from("x")]);
      await writeFile(target, damaged);

      const logger = recordingLogger();
      const { stored } = await ensureIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger });
      const retriever = await HybridRetriever.fromStored(stored, ws.indexDir, embedder);
      const passages = await retriever.retrieve("mangrove forests wetland restoration", 3);
      expect(passages[0]?.meta.file, `round ${round}`).toBe("wetlands.txt");
      for (const line of [...logger.warnings, ...logger.infos]) expect(line).not.toContain("\n");
      if (logger.warnings.some((w) => /damaged/.test(w))) reported++;
      // What is live now verifies.
      await expect(readStoredIndex(ws.indexDir)).resolves.toBeDefined();
    }
    // Changes to the manifest's free text (a date, a title) are harmless; every other damage is reported.
    if (file !== indexFiles.manifest) expect(reported).toBe(20);
  });
});

describe("fallback to the previous generation", () => {
  it("answers from the previous generation when the live one is damaged, never loading the damaged one", async () => {
    // Two sound generations: change a document and ingest.
    await writeFile(
      path.join(ws.corpusDir, "air.txt"),
      "# Clean Air Dialogue\n\nHaze monitoring and particulate pollution alerts.\n",
    );
    await ingestCorpus({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder });
    const live = await currentGenerationDir(ws.indexDir);
    const generations = (await readdir(ws.indexDir)).filter((n) => n.startsWith("gen-"));
    expect(generations).toHaveLength(2);
    const hnsw = path.join(live ?? "", indexFiles.hnsw, "hnswlib.index");
    const bytes = await readFile(hnsw);
    bytes.writeBigUInt64LE(10n ** 12n, 16); // element count: the pattern that crashed hnswlib
    await writeFile(hnsw, bytes);

    const usable = await readUsableIndex(ws.indexDir);
    expect(CoopdocsError.is(usable?.damaged, "index_corrupt")).toBe(true);
    expect(usable?.stored.dir).not.toBe(live);
    expect(usable?.damaged?.message).not.toContain("\n");
  });
});

describe("hnswlib header check", () => {
  it("rejects headers and links that would make hnswlib read out of bounds", async () => {
    await ingestCorpus({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, force: true });
    const stored = await readStoredIndex(ws.indexDir);
    const file = await readFile(path.join(stored?.dir ?? "", indexFiles.hnsw, "hnswlib.index"));
    const expected = { count: stored?.manifest.chunkCount ?? 0, dimension: 64 };
    expect(checkHnswIndexFile(file, expected)).toBeUndefined();
    const broken = (mutate: (b: Buffer) => void) => {
      const copy = Buffer.from(file);
      mutate(copy);
      return checkHnswIndexFile(copy, expected);
    };
    expect(broken((b) => b.writeBigUInt64LE(2n ** 60n, 16))).toMatch(/vectors/);
    expect(broken((b) => b.writeBigUInt64LE(999n, 24))).toMatch(/dimensional/);
    expect(broken((b) => b.writeUInt32LE(10_000, 52))).toMatch(/entry point/);
    expect(broken((b) => b.writeUInt32LE(0xffff, 96 + 4))).toMatch(/links/); // a neighbour id past the end
    expect(checkHnswIndexFile(file.subarray(0, file.length - 3), expected)).toBeDefined();
    expect(checkHnswIndexFile(file, { ...expected, dimension: 512 })).toMatch(/dimensional/);
  });
});

describe("answering from what is there", () => {
  it("answers from the current generation while another ingest holds the lock, saying why it did not update", async () => {
    const { acquireIngestLock } = await import("../../src/store/index.js");
    const before = await currentGenerationDir(ws.indexDir);
    await writeFile(path.join(ws.corpusDir, "training.md"), "# Training Workshops\n\nWorkshops on waste sorting.\n");
    const lock = await acquireIngestLock(ws.indexDir);
    try {
      const logger = recordingLogger();
      const { stored } = await ensureIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger });
      expect(stored.dir).toBe(before);
      expect(logger.warnings.join("\n")).toMatch(
        /could not be updated \(another ingest is running\); answering from the current index/,
      );
    } finally {
      await lock.release();
    }
  });

  it("turns a full disk into a message with the folder and the space needed", async () => {
    const { explainDiskFull } = await import("../../src/store/index.js");
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    const explained = (await explainDiskFull(full, ws.indexDir, 42_000_000)) as CoopdocsError;
    expect(CoopdocsError.is(explained, "disk_full")).toBe(true);
    expect(explained.message).toContain(ws.indexDir);
    expect(explained.message).toMatch(/needs about 42 MB/);
    const other = new Error("EIO");
    expect(await explainDiskFull(other, ws.indexDir, 1)).toBe(other);
  });
});
