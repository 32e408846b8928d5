import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";
import { CoopdocsError, ErrorCode } from "../core/coopdocs-error.js";
import type { ConversationTurn, Passage } from "../core/types.js";
import { truncate } from "../text/index.js";

/** The project's prompts/ folder (works from src/llm and from dist/llm). */
export const defaultPromptsDir = fileURLToPath(new URL("../../prompts/", import.meta.url));

/** Each prompt file and the template variables it must use (f-string syntax: {name}; write {{ }} for a brace). */
export const promptFiles = {
  system: { file: "system.txt", variables: [] },
  answer: { file: "answer.txt", variables: ["passages", "question"] },
  condense: { file: "condense.txt", variables: ["history", "question"] },
  draft: { file: "draft.txt", variables: ["passages", "topic"] },
} as const satisfies Record<string, { file: string; variables: readonly string[] }>;

export interface Prompts {
  /** System + answer: variables `passages`, `question`. */
  answer: ChatPromptTemplate;
  /** Follow-up condensation: variables `history`, `question`. */
  condense: ChatPromptTemplate;
  /** System + report drafting: variables `passages`, `topic`. */
  draft: ChatPromptTemplate;
}

/** Reads one prompt file and checks it with PromptTemplate; returns its template text. */
async function loadTemplate(dir: string, name: keyof typeof promptFiles): Promise<string> {
  const { file, variables } = promptFiles[name];
  const location = path.join(dir, file);
  let text: string;
  try {
    text = (await readFile(location, "utf8")).trim();
  } catch (error) {
    throw new CoopdocsError(
      ErrorCode.ConfigInvalid,
      `Cannot read the ${name} prompt ${location}.`,
      "Restore the file from the repository (prompts/).",
      { cause: error },
    );
  }
  let template: PromptTemplate;
  try {
    template = PromptTemplate.fromTemplate(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CoopdocsError(
      ErrorCode.ConfigInvalid,
      `The ${name} prompt ${location} is not a valid template: ${reason}`,
      "Write variables as {name} and literal braces as {{ and }}.",
      { cause: error },
    );
  }
  const found = [...template.inputVariables].sort();
  const expected = [...variables].sort();
  if (found.join(",") !== expected.join(",")) {
    const list = (names: string[]) => (names.length > 0 ? names.map((v) => `{${v}}`).join(", ") : "none");
    throw new CoopdocsError(
      ErrorCode.ConfigInvalid,
      `The ${name} prompt ${location} uses the variables ${list(found)}, but must use exactly ${list(expected)}.`,
      "Fix the template variables (literal braces are written {{ and }}).",
    );
  }
  return text;
}

/** Reads and checks the prompt files once; throws CoopdocsError `config_invalid` naming the bad file. */
export async function loadPrompts(dir: string = defaultPromptsDir): Promise<Prompts> {
  const [system, answer, condense, draft] = await Promise.all([
    loadTemplate(dir, "system"),
    loadTemplate(dir, "answer"),
    loadTemplate(dir, "condense"),
    loadTemplate(dir, "draft"),
  ]);
  return {
    answer: ChatPromptTemplate.fromMessages([
      ["system", system],
      ["human", answer],
    ]),
    condense: ChatPromptTemplate.fromMessages([["human", condense]]),
    draft: ChatPromptTemplate.fromMessages([
      ["system", system],
      ["human", draft],
    ]),
  };
}

// Longer than any chunk (maxChars 2400), so a passage is cut only when a caller passes other text; a cap
// keeps one odd passage from filling the model's context. Set by hand.
const maxPassageChars = 2_500;

/** One passage as the model sees it: its number, title (and year), section, page, then the text. */
export function formatPassage(passage: Passage, n: number): string {
  const { title, year, section, page } = passage.meta;
  const text = passage.text.trim();
  const body = truncate(text, maxPassageChars);
  return [
    `[${n}] Title: ${title}${year !== null ? ` (${year})` : ""}`,
    `Section: ${section || "(none)"}`,
    `Page: ${page ?? "n/a"}`,
    `Text: ${body}`,
  ].join("\n");
}

/** The numbered passages block of the answer and draft prompts; passage i is cited as [i+1]. */
export function formatPassages(passages: readonly Passage[]): string {
  return passages.map((p, i) => formatPassage(p, i + 1)).join("\n\n");
}

// A turn of the conversation is cut to 1200 characters: enough for what a follow-up refers back to, short
// enough that eight turns stay a small prompt for condensing the question. Set by hand.
const maxTurnChars = 1_200;

/** The conversation block of the condensation prompt, oldest first; long turns are cut. */
export function formatHistory(history: readonly ConversationTurn[]): string {
  return history
    .map((turn) => {
      const text = turn.text.replace(/\s+/g, " ").trim();
      const cut = truncate(text, maxTurnChars);
      return `${turn.role === "user" ? "User" : "Assistant"}: ${cut}`;
    })
    .join("\n");
}
