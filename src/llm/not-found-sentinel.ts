/** What the prompts tell the model to reply, alone, when the passages do not hold the answer. */
export const notFoundSentinel = "NOT_FOUND";
