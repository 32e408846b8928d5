import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerDraft, runDraft, draftNeedsLlmNote } from "../../src/cli/commands/draft.js";
import { commandModules } from "../../src/cli/commands/index.js";
import type { Answer, AskOptions, QuestionAnswerer } from "../../src/core/types.js";

const drafted: Answer = {
  answer: "Cooperation on biodiversity is a priority of the 2016-2020 strategy [1].",
  mode: "llm",
  citations: [
    {
      n: 1,
      file: "s.txt",
      title: "Strategy",
      section: "4. Priority Areas",
      page: 12,
      quote: "Biodiversity is one of them.",
    },
  ],
  found: true,
  passages: [],
};

function capture(): { write: (t: string) => void; text: () => string } {
  const parts: string[] = [];
  return { write: (t) => parts.push(t), text: () => parts.join("") };
}

describe("runDraft", () => {
  it("prints the draft, then the numbered sources", async () => {
    const topics: string[] = [];
    const answerer: QuestionAnswerer = {
      ask: () => Promise.reject(new Error("ask must not be used when draft exists")),
      draft: async (topic) => {
        topics.push(topic);
        return drafted;
      },
    };
    const out = capture();
    await runDraft(answerer, "biodiversity", { write: out.write });
    expect(topics).toEqual(["biodiversity"]);
    expect(out.text()).toBe(
      "Cooperation on biodiversity is a priority of the 2016-2020 strategy [1].\n\nSources:\n[1] Strategy — 4. Priority Areas — p. 12 (s.txt)\n    “Biodiversity is one of them.”\n",
    );
  });

  it("does not repeat streamed text before the sources", async () => {
    const answerer: QuestionAnswerer = {
      ask: () => Promise.reject(new Error("unused")),
      draft: async (_topic, options?: AskOptions) => {
        for (const piece of ["Cooperation on biodiversity ", "is a priority of the 2016-2020 strategy [1]."])
          options?.onToken?.(piece);
        return drafted;
      },
    };
    const out = capture();
    await runDraft(answerer, "biodiversity", { write: out.write, stream: true });
    expect(out.text().split(drafted.answer)).toHaveLength(2);
    expect(out.text()).toMatch(/strategy \[1\]\.\n\nSources:\n\[1\] Strategy/);
  });

  it("prints the ask --json shape", async () => {
    const out = capture();
    await runDraft({ ask: () => Promise.reject(new Error("unused")), draft: async () => drafted }, "biodiversity", {
      json: true,
      write: out.write,
    });
    const parsed: unknown = JSON.parse(out.text());
    expect(parsed).toMatchObject({ answer: drafted.answer, mode: "llm", citations: drafted.citations, found: true });
  });

  it("without an LLM, gives the extractive answer as source material, with a note", async () => {
    const material: Answer = { ...drafted, mode: "extractive", answer: "Biodiversity is one of them [1]." };
    const asked: string[] = [];
    const out = capture();
    const answer = await runDraft(
      {
        ask: async (q) => {
          asked.push(q);
          return material;
        },
      },
      "biodiversity",
      { json: true, write: out.write },
    );
    expect(asked).toEqual(["biodiversity"]);
    expect(answer.note).toBe(draftNeedsLlmNote);
    expect(JSON.parse(out.text())).toMatchObject({ mode: "extractive", note: draftNeedsLlmNote });
  });
});

describe("registration", () => {
  it("is in the command list and defines `draft <topic...> [--json]`", () => {
    expect(commandModules).toContain(registerDraft);
    const program = new Command();
    registerDraft(program, () => {});
    const command = program.commands.find((c) => c.name() === "draft");
    expect(command?.options.map((o) => o.long)).toEqual(["--json"]);
    expect(command?.registeredArguments[0]?.variadic).toBe(true);
  });
});
