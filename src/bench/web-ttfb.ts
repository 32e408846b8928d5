import { request } from "node:http";
import type { Config } from "../config/config.js";
import type { QuestionAnswerer } from "../core/types.js";
import { createIndexSourcesProvider, startWebServer } from "../web/index.js";
import { summarize, type LatencySummary } from "./stats.js";

export interface WebTtfbResult {
  requests: number;
  /** Request sent to response headers received, for the ask page `/`. */
  rootMs: LatencySummary;
  /** The same for the source view of the largest indexed document, with a quote to highlight. */
  sourceMs: LatencySummary;
  sourcePath: string;
}

/** Milliseconds from sending a GET to the response's first byte (its status line and headers). */
function timeToFirstByte(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent: false }, (res) => {
      const ms = performance.now() - started;
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve(ms) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Starts the real web server (the code `coopdocs web` runs) on 127.0.0.1 and times the first byte of
 * `/` and of a source view, one request at a time on fresh connections.
 */
export async function measureWebTtfb(
  config: Config,
  answerer: QuestionAnswerer,
  requests: number,
): Promise<WebTtfbResult> {
  const sources = createIndexSourcesProvider({ corpusDir: config.corpusDir, indexDir: config.indexDir });
  const server = await startWebServer({ answerer, sources, host: "127.0.0.1", port: 0 });
  try {
    const indexed = (await sources.sources()).filter((s) => s.status === "indexed").sort((a, b) => b.chunks - a.chunks);
    const largest = indexed[0];
    if (!largest) throw new Error("the bench index holds no document");
    const passages = (await sources.passages(largest.file)) ?? [];
    const quote = passages[Math.floor(passages.length / 2)]?.text.split("\n")[0]?.slice(0, 200) ?? "";
    const sourcePath = `/sources/${encodeURIComponent(largest.file)}?${new URLSearchParams({ q: quote }).toString()}`;
    // The first request of each reads the index and warms the code paths; it is not counted.
    await timeToFirstByte(`${server.url}/`);
    await timeToFirstByte(`${server.url}${sourcePath}`);
    const root: number[] = [];
    const source: number[] = [];
    for (let i = 0; i < requests; i++) {
      root.push(await timeToFirstByte(`${server.url}/`));
      source.push(await timeToFirstByte(`${server.url}${sourcePath}`));
    }
    return {
      requests,
      rootMs: summarize(root),
      sourceMs: summarize(source),
      sourcePath: sourcePath.split("?")[0] ?? sourcePath,
    };
  } finally {
    await server.close();
  }
}
