import { BaseSequencer, type TestSpecification } from "vitest/node";

// Suites that ingest the corpus, spawn processes or drive the browser take most of the run. Started
// first, they keep both workers busy to the end instead of one long suite running alone at the tail;
// vitest orders by past durations only when its cache has them, which a fresh clone (CI) has not.
const slowSuites = [
  /tests\/reliability\//,
  /tests\/core\/ingest\.test/,
  /tests\/eval\//,
  /tests\/web\/browser\.test/,
  /tests\/llm\/real-cli\.test/,
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (file: TestSpecification) => slowSuites.some((pattern) => pattern.test(file.moduleId));
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}
