import { z } from "zod";
import stored from "./weights.json" with { type: "json" };
import { featureNames } from "./unit-features.js";

const weightsSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
});

/** Logistic-regression weights over the unit features, fitted by `npm run fit` (scripts/fit-weights.ts). */
export type FittedWeights = z.infer<typeof weightsSchema>;

export function parseWeights(raw: unknown): FittedWeights {
  const weights = weightsSchema.parse(raw);
  const expected = featureNames.join(",");
  if (weights.features.join(",") !== expected || weights.weights.length !== featureNames.length) {
    throw new Error(
      `weights.json is for the features ${weights.features.join(",")}, not ${expected}: run \`npm run fit\`.`,
    );
  }
  return weights;
}

export const fittedWeights: FittedWeights = parseWeights(stored);

/** Probability that a unit with these features holds (part of) the answer. */
export function answerProbability(features: readonly number[], weights: FittedWeights = fittedWeights): number {
  let z = weights.bias;
  features.forEach((f, i) => {
    z += f * (weights.weights[i] ?? 0);
  });
  return 1 / (1 + Math.exp(-z));
}
