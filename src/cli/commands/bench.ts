import path from "node:path";
import { CoopdocsError, ErrorCode } from "../../core/coopdocs-error.js";
import { defaultBenchOptions, formatBenchTable, runBench } from "../../bench/index.js";
import { createCliContext } from "../context.js";
import type { RegisterCommand } from "./index.js";

function parseSizes(value: string): number[] {
  const sizes = value.split(",").map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) {
    throw new CoopdocsError(
      ErrorCode.ConfigInvalid,
      `--sizes must be whole multiples of the corpus between 1 and 1000, e.g. 1,10,100 (got "${value}").`,
    );
  }
  return sizes;
}

export const registerBench: RegisterCommand = (program, setExitCode) => {
  program
    .command("bench")
    .description(
      "Measure ingest, query latency, cold start and Slack ack at 1×/10×/100× the corpus; writes bench-results/.",
    )
    .option("--sizes <list>", "corpus sizes as multiples of the real corpus, e.g. 1,10,100")
    .option("--quick", "a short run (1× and 10×, fewer questions): about two minutes")
    .option(
      "--real-embed-up-to <n>",
      "embed synthetic corpora with the real model up to this size (larger ones reuse real vectors)",
    )
    .option("--out <dir>", "where to write the results", "bench-results")
    .option("--keep", "keep the temporary corpora and indexes")
    .option("--check", "exit with code 1 when a latency target is missed")
    .action(
      async (options: {
        sizes?: string;
        quick?: boolean;
        realEmbedUpTo?: string;
        out: string;
        keep?: boolean;
        check?: boolean;
      }) => {
        const { config, logger } = createCliContext();
        const defaults = defaultBenchOptions(config, options.quick === true);
        const realEmbedUpTo =
          options.realEmbedUpTo === undefined ? defaults.realEmbedUpTo : Number(options.realEmbedUpTo);
        if (!Number.isInteger(realEmbedUpTo) || realEmbedUpTo < 1) {
          throw new CoopdocsError(ErrorCode.ConfigInvalid, "--real-embed-up-to must be a whole number, at least 1.");
        }
        const result = await runBench({
          ...defaults,
          sizes: options.sizes ? parseSizes(options.sizes) : defaults.sizes,
          realEmbedUpTo,
          outDir: path.resolve(options.out),
          keep: options.keep,
          log: (line) => logger.info(line),
        });
        console.log(formatBenchTable(result));
        console.log(`\nWritten: ${path.join(options.out, "latest.json")}, latest.txt, scaling.svg`);
        if (options.check && result.targets.some((t) => !t.pass)) setExitCode(1);
      },
    );
};
