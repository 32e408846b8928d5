import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CoopdocsError } from "../core/coopdocs-error.js";
import type { Answer, Passage } from "../core/types.js";
import { readEvalSet } from "./evalset.js";
import { selectSplit } from "./evalset.js";
import { factsWithin, gradeAnswer, percentile, summarise } from "./metrics.js";
import { unmetTargets } from "./run-eval.js";

const passage = (file: string): Passage => ({
  id: file,
  text: "t",
  meta: { file, title: file, section: "", page: null, start: 0, end: 1, year: null },
  score: 1,
  similarity: 1,
});
const answer = (text: string, files: string[], found = true): Answer => ({
  answer: text,
  mode: "extractive",
  found,
  passages: [],
  citations: files.map((file, i) => ({ n: i + 1, file, title: file, section: "", page: null, quote: `quote ${i}` })),
});

describe("gradeAnswer", () => {
  const q = {
    id: "q1",
    question: "?",
    must_contain: [["2010"], ["Ministry of Environmental Protection", "MEP"]],
    sources: ["a.txt"],
    kind: "date",
  };

  it("passes when every group matches the answer or a quote, and ranks retrieval", () => {
    const r = gradeAnswer(
      q,
      answer("Set up in 2010 by the MEP [1]", ["a.txt", "b.txt"]),
      [passage("b.txt"), passage("a.txt")],
      12,
    );
    expect(r).toMatchObject({
      answerPass: true,
      firstSourceRank: 2,
      hitAt1: false,
      hitAt5: true,
      reciprocalRank: 0.5,
      citationPrecision: 0.5,
    });
  });

  it("fails when a group is missing and lists it", () => {
    const r = gradeAnswer(q, answer("In 2010 [1]", ["a.txt"]), [passage("a.txt")], 5);
    expect(r.answerPass).toBe(false);
    expect(r.missingGroups).toEqual([["Ministry of Environmental Protection", "MEP"]]);
  });

  it("grades unanswerable questions on the not-found answer only", () => {
    const un = { id: "q2", question: "?", must_contain: [], sources: [], kind: "unanswerable" };
    expect(gradeAnswer(un, answer("not found", [], false), [], 1)).toMatchObject({
      unanswerableHandled: true,
      answerPass: null,
      hitAt5: null,
    });
    expect(gradeAnswer(un, answer("a guess [1]", ["a.txt"]), [], 1).unanswerableHandled).toBe(false);
  });
});

describe("summarise", () => {
  it("averages each metric over the questions it applies to and reports latency percentiles", () => {
    const q = { id: "x", question: "?", must_contain: [["yes"]], sources: ["a.txt"], kind: "fact" };
    const results = [
      gradeAnswer(q, answer("yes [1]", ["a.txt"]), [passage("a.txt")], 10),
      gradeAnswer(q, answer("no [1]", ["c.txt"]), [passage("c.txt")], 30),
      gradeAnswer({ ...q, kind: "unanswerable", sources: [], must_contain: [] }, answer("", [], false), [], 20),
    ];
    const s = summarise(results);
    expect(s).toMatchObject({
      questions: 3,
      answerPassRate: 0.5,
      hitAt1: 0.5,
      unanswerableHandled: 1,
      citationPrecision: 0.5,
    });
    expect(s.latencyP50Ms).toBe(20);
    expect(percentile([1, 2, 3, 4, 100], 95)).toBe(100);
    expect(unmetTargets(s)).toContain("answerPassRate 0.50 < 0.85");
  });
});

describe("readEvalSet", () => {
  it("reads JSONL and reports a bad line by number", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "evalset-"));
    const good = path.join(dir, "good.jsonl");
    await writeFile(
      good,
      `${JSON.stringify({ id: "a", question: "Q?", must_contain: [["x"]], sources: ["f.txt"], kind: "fact" })}\n\n`,
    );
    expect(await readEvalSet(good)).toHaveLength(1);
    const bad = path.join(dir, "bad.jsonl");
    await writeFile(
      bad,
      `${JSON.stringify({ id: "a", question: "Q?", must_contain: [], sources: [], kind: "x" })}\n{"id": "b"}\n`,
    );
    await expect(readEvalSet(bad)).rejects.toSatisfy(
      (e) => CoopdocsError.is(e, "evalset_invalid") && /line 2/.test((e as Error).message),
    );
    await expect(readEvalSet(path.join(dir, "missing.jsonl"))).rejects.toThrow(/Cannot read/);
  });
});

describe("fact recall and the per-kind breakdown", () => {
  const withText = (text: string): Passage => ({ ...passage("a.txt"), text });

  it("finds how many top passages hold every group, and summarises recall@k, lengths and kinds", () => {
    const groups = [["alpha"], ["beta", "gamma"]];
    expect(factsWithin(groups, [withText("alpha"), withText("x"), withText("Gamma")])).toBe(3);
    expect(factsWithin(groups, [withText("alpha")])).toBeNull();
    const q = { id: "x", question: "?", must_contain: groups, sources: ["a.txt"], kind: "fact" };
    const near = gradeAnswer(q, answer("alpha gamma [1]", ["a.txt"]), [], 5, [withText("alpha gamma")]);
    const far = gradeAnswer({ ...q, kind: "list" }, answer("alpha [1]", ["a.txt"]), [], 5, [
      withText("alpha"),
      withText("x"),
      withText("x"),
      withText("beta"),
    ]);
    const s = summarise([near, far]);
    expect(s).toMatchObject({ factRecallAt3: 0.5, factRecallAt5: 1, medianAnswerChars: 9 });
    expect(s.byKind).toEqual({ fact: { questions: 1, passRate: 1 }, list: { questions: 1, passRate: 0 } });
  });

  it("selects one split", () => {
    const base = { question: "?", must_contain: [], sources: [], kind: "unanswerable" };
    const qs = [
      { ...base, id: "a", split: "tune" as const },
      { ...base, id: "b", split: "check" as const },
    ];
    expect(selectSplit(qs, "check").map((q) => q.id)).toEqual(["b"]);
    expect(selectSplit(qs)).toHaveLength(2);
  });
});
