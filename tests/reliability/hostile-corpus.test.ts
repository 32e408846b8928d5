/**
 * Odd entries dropped into the corpus (a named pipe, a socket, link loops, dangling links, a folder named
 * like a file, a link out of the corpus, an unreadable file, a huge table, repeated paragraphs): the rest of
 * the corpus is indexed and answerable, every odd entry is listed with its reason, nothing outside the
 * corpus is read, and nothing hangs or crashes.
 */
import { execFileSync } from "node:child_process";
import { chmod, mkdir, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureIndex } from "../../src/answer/ensure-index.js";
import { validateQuestion } from "../../src/answer/answer-service.js";
import { recordingLogger } from "../helpers/recording-logger.js";
import { readCorpusManifest } from "../../src/ingest/corpus-manifest.js";
import { defaultChunking } from "../../src/ingest/chunk-blocks.js";
import { ingestCorpus, type IngestReport } from "../../src/ingest/ingest.js";
import { readStoredIndex } from "../../src/store/index.js";
import { spawnCli } from "../helpers/spawn-source.js";
import { createHashEmbedder, createTinyWorkspace, type TinyWorkspace } from "../helpers/tiny-corpus.js";

const isRoot = process.getuid?.() === 0;
let ws: TinyWorkspace;
let socketServer: Server;
let report: IngestReport;
const embedder = createHashEmbedder();
const logger = recordingLogger();

/** What each hostile entry must be skipped for. */
const expectedSkips: Record<string, RegExp> = {
  "pipe.txt": /named pipe/,
  "socket.md": /socket/,
  "loop.txt": /loop/,
  "dangling.txt": /does not exist/,
  "folder.txt": /folder/,
  "passwd.txt": /outside the corpus/,
  "outside.md": /outside the corpus/,
  "to-folder.txt": /folder/,
};

beforeAll(async () => {
  ws = await createTinyWorkspace();
  const c = (name: string) => path.join(ws.corpusDir, name);
  execFileSync("mkfifo", [c("pipe.txt")]);
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(c("socket.md"), resolve));
  await symlink("loop.txt", c("loop.txt"));
  await symlink("nowhere.txt", c("dangling.txt"));
  await mkdir(c("folder.txt"));
  await mkdir(c("sub"));
  await symlink("sub", c("to-folder.txt"));
  await symlink("/etc/passwd", c("passwd.txt"));
  await writeFile(path.join(ws.dir, "outside.md"), "OUTSIDESECRET private notes that must never be indexed.\n");
  await symlink("../outside.md", c("outside.md"));
  await symlink("wetlands.txt", c("alias.txt")); // stays inside the corpus: followed
  await writeFile(c("locked.txt"), "Locked document about ozone.\n");
  await chmod(c("locked.txt"), 0o000);
  const rows = Array.from({ length: 800 }, (_, i) => `| Station ${i} | ${i % 50} µg/m³ | hourly |`);
  await writeFile(
    c("table.md"),
    `# Stations\n\n| Station | PM2.5 | Reporting |\n| --- | --- | --- |\n${rows.join("\n")}\n`,
  );
  await writeFile(c("repeated.txt"), "The same boilerplate paragraph about the secretariat.\n\n".repeat(400));
  report = await ingestCorpus({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger });
});
afterAll(async () => {
  await new Promise<void>((resolve) => socketServer?.close(() => resolve()));
  await ws?.cleanup();
});

describe("a corpus with hostile entries", () => {
  it("lists every skipped entry with its reason and indexes the rest", () => {
    for (const [file, reason] of Object.entries(expectedSkips)) {
      const entry = report.files.find((f) => f.file === file);
      expect(entry?.status, file).toBe("skipped");
      expect(entry?.reason, file).toMatch(reason);
    }
    const locked = report.files.find((f) => f.file === "locked.txt");
    // root reads any file; everyone else gets a reason.
    if (!isRoot) expect(locked?.reason).toMatch(/permission/);
    for (const file of ["wetlands.txt", "air.txt", "training.md", "alias.txt", "table.md"]) {
      expect(report.files.find((f) => f.file === file)?.status, file).toBe("indexed");
    }
    expect(logger.warnings.filter((w) => /Skipped/.test(w)).length).toBe(
      Object.keys(expectedSkips).length + (isRoot ? 0 : 1),
    );
  });

  it("indexes nothing from outside the corpus", async () => {
    const stored = await readStoredIndex(ws.indexDir);
    const text = stored?.chunks.map((c) => c.text).join("\n") ?? "";
    expect(text).not.toContain("root:");
    expect(text).not.toContain("OUTSIDESECRET");
  });

  it("keeps every passage within the chunk limit; a long table is split by rows with its header repeated", async () => {
    const stored = await readStoredIndex(ws.indexDir);
    const chunks = stored?.chunks ?? [];
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(defaultChunking.maxChars);
    const table = chunks.filter((c) => c.meta.file === "table.md" && c.text.includes("| Station "));
    expect(table.length).toBeGreaterThan(5);
    for (const piece of table)
      expect(piece.text.startsWith("| Station | PM2.5 | Reporting |\n| --- | --- | --- |")).toBe(true);
  });

  it("embeds identical passages once", () => {
    const repeated = report.files.find((f) => f.file === "repeated.txt");
    expect(repeated?.chunks).toBeGreaterThan(5);
    // Every passage of the file is the same text, so it costs one embedding, not one per passage.
    expect(report.embeddedChunks).toBeLessThan(report.chunkCount - (repeated?.chunks ?? 0) + 2);
  });

  it("does not retry or warn again about an unchanged skipped entry, and warns once when it changes", async () => {
    const again = recordingLogger();
    await ensureIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger: again });
    await ensureIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger: again });
    expect(again.warnings).toEqual([]);
    expect(again.infos.filter((m) => /out of date|Indexed/.test(m))).toEqual([]);

    await writeFile(path.join(ws.corpusDir, "broken.pdf"), "%PDF-1.4 not really a PDF");
    const changed = recordingLogger();
    for (let i = 0; i < 3; i++)
      await ensureIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger: changed });
    expect(changed.warnings.filter((w) => /broken\.pdf/.test(w))).toHaveLength(1);
    expect(changed.infos.filter((m) => /Indexed/.test(m))).toHaveLength(1);
    await writeFile(path.join(ws.corpusDir, "broken.pdf"), "%PDF-1.4 still not a PDF");
    for (let i = 0; i < 2; i++)
      await ensureIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, logger: changed });
    expect(changed.warnings.filter((w) => /broken\.pdf/.test(w))).toHaveLength(2);
  });

  it("answers from the CLI (a question starting with '-'), bounded, without a signal or a stack trace", async () => {
    const child = spawnCli(["ask", "-which programme protects mangrove forests?", "--json"], {
      cwd: ws.dir,
      env: { CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const guard = setTimeout(() => child.kill("SIGKILL"), 90_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("close", (c, s) => resolve([c, s])),
    );
    clearTimeout(guard);
    expect(signal, stderr).toBeNull();
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
    const answer = JSON.parse(stdout) as { found: boolean; citations: { file: string }[] };
    expect(answer.citations.map((c) => c.file)).toContain("wetlands.txt");
    expect(stdout).not.toContain("root:");
  });
});

describe("messages that say what happened", () => {
  it("names the manifest field with the wrong type, and bounds titles", async () => {
    const other = await createTinyWorkspace();
    try {
      const manifest = path.join(other.corpusDir, "manifest.json");
      await writeFile(manifest, JSON.stringify({ documents: [{ file: "air.txt", title: 42, year: "2016" }] }));
      const error = await readCorpusManifest(other.corpusDir).catch((e: unknown) => e as Error);
      expect((error as Error).message).toMatch(/documents\[0\]\.title must be text/);
      expect((error as Error).message).toMatch(/documents\[0\]\.year must be a number/);
      await writeFile(manifest, JSON.stringify({ documents: [{ file: "air.txt", title: "T".repeat(1_000_000) }] }));
      const long = await readCorpusManifest(other.corpusDir).catch((e: unknown) => e as Error);
      expect((long as Error).message).toMatch(/title must be at most 300 characters/);
      expect((long as Error).message.length).toBeLessThan(400);
    } finally {
      await other.cleanup();
    }
  });

  it("counts question length in characters, not UTF-16 units", () => {
    expect(validateQuestion("🌏".repeat(1500))).toHaveLength(3000);
    expect(() => validateQuestion("🌏".repeat(2001))).toThrow(/2001 characters/);
  });
});
