import { expect } from "vitest";
import type { Answer } from "../../src/core/types.js";
import { inventedFacts, rawForms, type PromptPassage, type RecordedCase } from "./recorded-replies.js";

/** Text no reader may ever see for this case: its unchecked claims, invented facts, raw markers, reasoning. */
export function neverShown(recorded: RecordedCase): string[] {
  return [...recorded.forbidden, ...inventedFacts, ...rawForms];
}

/** Fails when any chunk written holds text that was not checked. */
export function expectNoUncheckedChunk(recorded: RecordedCase, chunks: readonly string[], where: string): void {
  for (const chunk of chunks) {
    for (const text of neverShown(recorded)) {
      expect(
        chunk.includes(text),
        `${where}: "${recorded.name}" wrote unchecked text ${JSON.stringify(text)} in chunk ${JSON.stringify(chunk)}`,
      ).toBe(false);
    }
  }
}

/**
 * The answer is what the case says, and the streamed chunks are checked sentences of it: each chunk
 * ends where a sentence of the final answer ends, and together they are the final answer. A case that
 * does not end in an LLM answer streamed nothing at all.
 */
export function expectCaseHandled(
  recorded: RecordedCase,
  answer: Answer,
  passages: PromptPassage[],
  chunks: readonly string[] | null,
): void {
  const label = recorded.name;
  const outcome = recorded.outcome;
  expect(answer.answer, label).not.toBe("");
  for (const text of neverShown(recorded))
    expect(answer.answer.includes(text), `${label}: answer holds ${JSON.stringify(text)}`).toBe(false);
  if (outcome.kind === "answer") {
    expect({ mode: answer.mode, found: answer.found }, label).toEqual({ mode: "llm", found: true });
    for (const text of outcome.contains(passages)) expect(answer.answer, label).toContain(text);
    if (outcome.note) expect(answer.note, label).toMatch(outcome.note);
    else expect(answer.note, label).toBeUndefined();
    if (outcome.citations !== undefined) expect(answer.citations, label).toHaveLength(outcome.citations);
    // Markers are 1..m in order of first appearance, and each has its source.
    const numbers = [...answer.answer.matchAll(/\[(\d+(?:, \d+)*)\]/g)].flatMap((m) =>
      (m[1] ?? "").split(", ").map(Number),
    );
    const firsts = [...new Set(numbers)];
    expect(firsts, label).toEqual(firsts.map((_, i) => i + 1));
    expect(
      answer.citations.map((c) => c.n),
      label,
    ).toEqual(firsts);
  } else if (outcome.kind === "not-found") {
    expect({ mode: answer.mode, found: answer.found, citations: answer.citations }, label).toEqual({
      mode: "llm",
      found: false,
      citations: [],
    });
    expect(answer.answer, label).toMatch(/could not find this in the documents/);
    expect(answer.passages.length, label).toBeGreaterThan(0);
  } else {
    expect(answer.mode, label).toBe("extractive");
    expect(answer.note ?? "(no note)", label).toMatch(outcome.note);
  }
  if (chunks === null) return;
  expectNoUncheckedChunk(recorded, chunks, "onToken");
  if (outcome.kind !== "answer") {
    expect(chunks, `${label}: nothing may stream before the answer is known`).toEqual([]);
    return;
  }
  expect(chunks.join("").trim(), label).toBe(answer.answer);
  let shown = "";
  for (const chunk of chunks) {
    shown += chunk;
    const after = answer.answer.slice(shown.trim().length);
    expect(answer.answer.startsWith(shown.trim()), label).toBe(true);
    expect(after === "" || /^\s/.test(after), `${label}: chunk ${JSON.stringify(chunk)} ends inside a sentence`).toBe(
      true,
    );
  }
}
