import { describeGatedSets, firstGatedSets } from "./gates.js";

// The regression gates of tests/eval/gates.ts, first half (the check split and the earlier tuning sets).
describeGatedSets(firstGatedSets);
