import { describe, expect, it } from "vitest";
import type { Passage } from "../core/types.js";
import { gatherCandidates, type PoolRetriever } from "./evidence-pool.js";

function passage(id: string, file: string): Passage {
  return {
    id,
    text: id,
    meta: { file, title: file, section: "", page: null, start: 0, end: 0, year: null },
    score: 1,
    similarity: 1,
  } as unknown as Passage;
}

/** A retriever that records what it was asked and finds one passage per query. */
function recordingRetriever(): PoolRetriever & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    chunks: [],
    retrieve: async (query: string) => {
      queries.push(query);
      return [passage(`hit for ${query}`, query.includes("2009") ? "old.txt" : "new.txt")];
    },
  };
}

describe("gatherCandidates", () => {
  it("searches the counted thing of a 'how many' question on its own", async () => {
    const retriever = recordingRetriever();
    const pool = await gatherCandidates(
      retriever,
      new Map(),
      "How many species do the member states have?",
      ["q"],
      undefined,
      new Set(),
      undefined,
      undefined,
      "species",
    );
    expect(retriever.queries).toContain("species");
    expect(pool.map((p) => p.id)).toContain("hit for species");
  });

  it("searches a named document without the words that name it as well", async () => {
    const retriever = recordingRetriever();
    await gatherCandidates(
      retriever,
      new Map(),
      "Why did the 2009 strategy want a centre?",
      ["q"],
      undefined,
      new Set(["old.txt"]),
      () => true,
      "Why did the want a centre?",
    );
    expect(retriever.queries).toEqual([
      "Why did the 2009 strategy want a centre?",
      "Why did the 2009 strategy want a centre?",
      "Why did the want a centre?",
    ]);
  });
});
