import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Paths (relative, with "/") of every file under `dir`. */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

/** SHA-256 of every file under `dir` except `exclude` (the manifest that records them). */
export async function checksumFiles(dir: string, exclude: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    if (file !== exclude) sums[file] = sha256(await readFile(path.join(dir, file)));
  }
  return sums;
}
