import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CoopdocsError } from "../core/coopdocs-error.js";
import type { Passage } from "../core/types.js";
import { defaultPromptsDir, formatHistory, formatPassages, loadPrompts, promptFiles } from "./prompts.js";

const passage: Passage = {
  id: "p1",
  text: "Uses {braces} literally.",
  meta: { file: "a.txt", title: "A Plan", section: "1. Intro", page: 4, start: 0, end: 10, year: 2019 },
  score: 1,
  similarity: 1,
};

let tmp: string | undefined;
afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = undefined;
});

async function copyPromptsWith(file: string, text: string): Promise<string> {
  tmp = await mkdtemp(path.join(tmpdir(), "coopdocs-prompts-"));
  for (const { file: name } of Object.values(promptFiles)) {
    await writeFile(path.join(tmp, name), await readFile(path.join(defaultPromptsDir, name), "utf8"));
  }
  await writeFile(path.join(tmp, file), text);
  return tmp;
}

describe("loadPrompts", () => {
  it("builds system + human messages from the project's prompt files", async () => {
    const prompts = await loadPrompts();
    const messages = await prompts.answer.formatMessages({
      passages: formatPassages([passage]),
      question: "What is {x}?",
    });
    expect(messages.map((m) => m.getType())).toEqual(["system", "human"]);
    expect(messages[0]?.text).toMatch(/cite/i);
    expect(messages[1]?.text).toContain(
      "[1] Title: A Plan (2019)\nSection: 1. Intro\nPage: 4\nText: Uses {braces} literally.",
    );
    expect(messages[1]?.text).toContain("Question: What is {x}?");
    const condense = await prompts.condense.formatMessages({
      history: formatHistory([{ role: "user", text: "Hi\nthere" }]),
      question: "and?",
    });
    expect(condense).toHaveLength(1);
    expect(condense[0]?.text).toContain("User: Hi there");
    const draft = await prompts.draft.formatMessages({ passages: "P", topic: "haze" });
    expect(draft[1]?.text).toContain("Topic: haze");
  });

  it("names the file when a prompt lacks a variable", async () => {
    const dir = await copyPromptsWith("answer.txt", "Passages: {passages}");
    const error = await loadPrompts(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoopdocsError);
    expect((error as CoopdocsError).code).toBe("config_invalid");
    expect((error as CoopdocsError).message).toContain("answer.txt");
    expect((error as CoopdocsError).message).toContain("{passages}, {question}");
  });

  it("names the file when a prompt is missing", async () => {
    tmp = await mkdtemp(path.join(tmpdir(), "coopdocs-prompts-"));
    await expect(loadPrompts(tmp)).rejects.toThrow(/Cannot read the (system|answer|condense|draft) prompt/);
  });
});
