import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The page's own scripts and styles (web/assets), beside src/ and dist/ alike. */
export const webAssetsDir = fileURLToPath(new URL("../../web/assets/", import.meta.url));

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".bcmap": "application/octet-stream",
  ".pfb": "application/octet-stream",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

function listFiles(dir: string, prefix: string, into: Map<string, string>): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (path.extname(name) in contentTypes) into.set(`${prefix}${name}`, path.join(dir, name));
}

/**
 * Every file the server hands out under /assets/, listed once at start: a request names a key of this
 * map or gets a 404, so no request path is ever joined onto a folder.
 */
export function createAssetTable(): Map<string, string> {
  const table = new Map<string, string>();
  listFiles(webAssetsDir, "", table);
  // pdf.js from the pdfjs-dist package pdf-parse already uses (one copy, one version).
  for (const name of ["pdf.min.mjs", "pdf.worker.min.mjs"])
    table.set(`pdfjs/${name}`, path.join(pdfjsDir, "build", name));
  listFiles(path.join(pdfjsDir, "standard_fonts"), "pdfjs/standard_fonts/", table);
  listFiles(path.join(pdfjsDir, "cmaps"), "pdfjs/cmaps/", table);
  listFiles(path.join(pdfjsDir, "wasm"), "pdfjs/wasm/", table);
  return table;
}

export async function readAsset(
  table: Map<string, string>,
  key: string,
): Promise<{ body: Buffer; type: string } | undefined> {
  const file = table.get(key);
  if (!file) return undefined;
  return { body: await readFile(file), type: contentTypes[path.extname(file)] ?? "application/octet-stream" };
}
