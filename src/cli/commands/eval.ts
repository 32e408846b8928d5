import { InvalidArgumentError } from "commander";
import path from "node:path";
import { createAnswerService } from "../../answer/answer-service.js";
import { createBaseline } from "../../eval/baseline.js";
import type { Answer } from "../../core/types.js";
import { CoopdocsError, ErrorCode } from "../../core/coopdocs-error.js";
import { readEvalSet, selectSplit, type EvalSplit } from "../../eval/evalset.js";
import { formatLlmAnswerSummary, summariseLlmAnswers } from "../../eval/llm-answers.js";
import { resolveLlmSettings } from "../../llm/index.js";
import { formatEvalReport } from "../../eval/format-report.js";
import { runEval, unmetTargets, type EvalReport } from "../../eval/run-eval.js";
import { createEmbedder } from "../../embeddings/create-embeddings.js";
import { createCliContext, createIngestProgress } from "../context.js";
import type { RegisterCommand } from "./index.js";

export const defaultEvalSet = path.join("tests", "eval", "public.jsonl");

export const registerEval: RegisterCommand = (program, setExitCode) => {
  program
    .command("eval")
    .description("Grade answers and retrieval on a JSONL evaluation set.")
    .option("--set <file>", "evaluation set (JSONL)", defaultEvalSet)
    .option(
      "--split <split>",
      "only the questions of one split: tune (may be fitted on) or check (measure only)",
      (v) => {
        if (v !== "tune" && v !== "check") throw new InvalidArgumentError('Use "tune" or "check".');
        return v as EvalSplit;
      },
    )
    .option("--json", "print the report as JSON")
    .option("--k <n>", "passages retrieved for hit@k and MRR", (v) => Number.parseInt(v, 10), 10)
    .option("--baseline", "also run the plain LangChain recipe and show ratios")
    .option("--strict", "exit with status 1 when a target is not met")
    .option(
      "--llm",
      "answer through the configured LLM (LLM_PROVIDER, LLM_BASE_URL, LLM_MODEL) and report how its answers came out",
    )
    .action(
      async (options: {
        set: string;
        split?: EvalSplit;
        json?: boolean;
        k: number;
        baseline?: boolean;
        strict?: boolean;
        llm?: boolean;
      }) => {
        const { config, logger } = createCliContext();
        if (options.llm && config.llm.provider === "none") {
          throw new CoopdocsError(
            ErrorCode.LlmUnavailable,
            "eval --llm needs an LLM, but LLM_PROVIDER is none.",
            "Set LLM_PROVIDER=openai with LLM_BASE_URL (vLLM, llama.cpp llama-server, LM Studio) or LLM_PROVIDER=ollama, and LLM_MODEL (README › Measuring a real model).",
          );
        }
        const llmSettings = options.llm ? resolveLlmSettings(config.llm) : undefined;
        const questions = selectSplit(await readEvalSet(path.resolve(options.set)), options.split);
        const service = await createAnswerService(config, { logger, onProgress: createIngestProgress(logger) });
        const label = `coopdocs (${config.llm.provider === "none" ? "extractive" : `llm: ${config.llm.provider}${llmSettings ? ` ${llmSettings.model}` : ""}`})`;
        const answers: Answer[] = [];
        const progress = (done: number, total: number) => {
          if (done === total || done % 10 === 0) logger.info(`Evaluated ${done}/${total} questions`);
        };
        const report = await runEval(
          {
            label: options.split ? `${label}, ${options.split} split` : label,
            ask: async (q) => {
              const answer = await service.ask(q);
              answers.push(answer);
              return answer;
            },
            retrieve: (q, k) => service.retriever.retrieve(q, k),
            evidence: (q) => service.evidence(q),
          },
          questions,
          { k: options.k, onQuestion: progress },
        );
        let baseline: EvalReport | undefined;
        if (options.baseline) {
          logger.info("Building the baseline (RecursiveCharacterTextSplitter 1000/200, dense only)…");
          const target = await createBaseline(config.corpusDir, await createEmbedder(config.embeddings));
          baseline = await runEval(target, questions, { k: options.k, onQuestion: progress });
        }
        const unmet = unmetTargets(report.summary);
        const llm = llmSettings
          ? { model: llmSettings.model, provider: llmSettings.provider, ...summariseLlmAnswers(answers) }
          : undefined;
        if (options.json) {
          console.log(JSON.stringify({ ...report, baseline, ...(llm ? { llm } : {}), unmetTargets: unmet }, null, 2));
        } else {
          console.log(formatEvalReport(report, baseline));
          if (llm) console.log(`\n${formatLlmAnswerSummary(`${llm.provider} ${llm.model}`, llm)}`);
          console.log(unmet.length === 0 ? "\nAll targets met." : `\nTargets not met: ${unmet.join("; ")}`);
        }
        if (options.strict && unmet.length > 0) setExitCode(1);
      },
    );
};
