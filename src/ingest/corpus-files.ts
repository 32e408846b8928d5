import { constants, type Stats } from "node:fs";
import { lstat, open, readlink, realpath } from "node:fs/promises";
import path from "node:path";
import { hashContent } from "./load-document.js";

/** A regular file of the corpus, read whole. */
export interface CorpusFile {
  /** Name inside the corpus folder (what citations and the manifest show). */
  file: string;
  path: string;
  bytes: Buffer;
  hash: string;
}

/**
 * An entry of the corpus that is not read, with why. `hash` identifies what was seen (content hash when the
 * file could be read, else its kind, size, time and link target), so it is reported again only when it changes.
 */
export interface SkippedCorpusEntry {
  file: string;
  reason: string;
  hash: string;
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder, not a file";
  if (info.isFIFO()) return "a named pipe (FIFO), not a file";
  if (info.isSocket()) return "a socket, not a file";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device, not a file";
  return "not a regular file";
}

function errorReason(error: unknown, link: boolean): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ELOOP":
      return "a symbolic link loop";
    case "ENOENT":
      return link ? "a symbolic link to a file that does not exist" : "removed while it was being read";
    case "EACCES":
    case "EPERM":
      return "no permission to read it";
    case "EISDIR":
      return "a folder, not a file";
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

function inside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

// O_NONBLOCK: opening a FIFO swapped in after the lstat returns at once instead of waiting for a writer.
const readFlags = constants.O_RDONLY | constants.O_NONBLOCK;

async function readRegularFile(target: string, followLink: boolean): Promise<Buffer | string> {
  const handle = await open(target, followLink ? readFlags : readFlags | constants.O_NOFOLLOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return kindOf(info);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function readEntry(
  corpusDir: string,
  realCorpusDir: string,
  file: string,
): Promise<CorpusFile | SkippedCorpusEntry> {
  const full = path.join(corpusDir, file);
  let info: Stats;
  try {
    info = await lstat(full);
  } catch (error) {
    return { file, reason: errorReason(error, false), hash: "" };
  }
  const isLink = info.isSymbolicLink();
  const linkTarget = isLink ? await readlink(full).catch(() => "") : "";
  const seen = hashContent(`${info.mode}:${info.size}:${info.mtimeMs}:${info.ino}:${linkTarget}`);
  const skip = (reason: string): SkippedCorpusEntry => ({ file, reason, hash: seen });
  let target = full;
  if (isLink) {
    try {
      target = await realpath(full);
    } catch (error) {
      return skip(errorReason(error, true));
    }
    // Only links that stay inside the corpus are followed: a link to /etc/passwd must never be indexed or shown.
    if (!inside(realCorpusDir, target)) return skip("a symbolic link to a file outside the corpus folder");
  } else if (!info.isFile()) {
    return skip(kindOf(info));
  }
  try {
    const read = await readRegularFile(target, isLink);
    if (typeof read === "string") return skip(read);
    return { file, path: target, bytes: read, hash: hashContent(read) };
  } catch (error) {
    return skip(errorReason(error, isLink));
  }
}

/**
 * Lists the corpus folder's documents (names `isDocument` accepts), reading only regular files and
 * symbolic links whose real path stays inside the folder. Everything else (named pipes, sockets, devices,
 * folders named like files, link loops, dangling links, unreadable files) is returned in `skipped` with a
 * reason, never thrown, so one odd entry cannot stop an ingest or a question.
 */
export async function walkCorpus(
  corpusDir: string,
  names: readonly string[],
): Promise<{ files: CorpusFile[]; skipped: SkippedCorpusEntry[] }> {
  const realCorpusDir = await realpath(corpusDir);
  const entries = await Promise.all([...names].sort().map((name) => readEntry(corpusDir, realCorpusDir, name)));
  const files: CorpusFile[] = [];
  const skipped: SkippedCorpusEntry[] = [];
  for (const entry of entries) {
    if ("bytes" in entry) files.push(entry);
    else skipped.push(entry);
  }
  return { files, skipped };
}
