import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/index.js";
import { readEvalSet, runEval, unmetTargets } from "../../src/eval/index.js";
import { projectRoot, sharedIndexConfig } from "../helpers/test-corpus.js";

// A regression gate: the offline default must keep meeting the targets on the public graded set.
let service: AnswerService;
beforeAll(async () => {
  service = await createAnswerService(sharedIndexConfig(inject("sharedIndexDir")));
});

describe("public evaluation set", () => {
  it("meets the quality targets with the offline extractive answerer", async () => {
    const questions = await readEvalSet(path.join(projectRoot, "tests", "eval", "public.jsonl"));
    const report = await runEval(
      { label: "coopdocs", ask: (q) => service.ask(q), retrieve: (q, k) => service.retriever.retrieve(q, k) },
      questions,
    );
    const failing = report.results
      .filter((r) => r.answerPass === false || r.unanswerableHandled === false)
      .map((r) => r.id);
    expect(unmetTargets(report.summary), `failing questions: ${failing.join(", ")}`).toEqual([]);
  });
});
