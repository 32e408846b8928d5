import { describeGatedSets, secondGatedSets } from "./gates.js";

// The regression gates of tests/eval/gates.ts, second half (the later tuning sets), graded beside the first.
describeGatedSets(secondGatedSets);
