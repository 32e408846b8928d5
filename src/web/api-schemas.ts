import { z } from "zod/v4";
import { maxQuestionChars } from "../answer/index.js";

/** Earlier turns sent with a follow-up; more would not change retrieval and only cost parsing. */
export const maxHistoryTurns = 20;
/** Characters of one earlier turn: an answer with its reference list fits. */
export const maxTurnChars = 8000;
/** Passage ids of one earlier answer: an evidence pool is at most a few dozen passages. */
const maxPassageIds = 100;

export const askRequestSchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, "The question is empty.")
      .max(maxQuestionChars, `The question is longer than ${maxQuestionChars} characters.`),
    history: z
      .array(
        z.strictObject({
          role: z.enum(["user", "assistant"]),
          text: z.string().max(maxTurnChars),
          // An assistant turn may carry its answer's evidence (from `passageIds`), for follow-ups that narrow it.
          passageIds: z.array(z.string().max(200)).max(maxPassageIds).optional(),
          found: z.boolean().optional(),
        }),
      )
      .max(maxHistoryTurns)
      .optional(),
  })
  .strict();

export type AskRequest = z.infer<typeof askRequestSchema>;

const citationFields = {
  file: z.string(),
  title: z.string(),
  section: z.string(),
  page: z.number().int().nullable(),
  quote: z.string(),
  url: z.string().optional().describe("Source view that opens the quote highlighted in its document."),
};

export const answerSchema = z.object({
  answer: z.string(),
  mode: z.enum(["extractive", "llm"]),
  found: z.boolean(),
  note: z.string().optional(),
  citations: z.array(z.object({ n: z.number().int(), ...citationFields })),
  closest: z
    .array(z.object(citationFields))
    .describe("The closest passages when the documents do not hold the answer."),
  passageIds: z
    .array(z.string())
    .describe(
      "Passages the answer drew on; send them back in the assistant turn of `history` so a follow-up can narrow them.",
    ),
});

export const sourceSchema = z.object({
  file: z.string(),
  status: z.enum(["indexed", "skipped", "failed"]),
  reason: z.string().optional(),
  format: z.string(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  pages: z.number().int().nullable(),
  chunks: z.number().int(),
  ocr: z.boolean(),
  indexedAt: z.string().nullable(),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe("Stable code, e.g. invalid_request, question_invalid, payload_too_large, rate_limited."),
    message: z.string(),
  }),
});
