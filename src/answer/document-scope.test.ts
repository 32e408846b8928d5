import { describe, expect, it } from "vitest";
import type { Chunk } from "../core/types.js";
import {
  aboutNamedDocument,
  documentsOf,
  impliedTerms,
  namedDocuments,
  speaksOfNamedPart,
  withoutDocumentNames,
  type DocumentRef,
} from "./document-scope.js";

const documents: DocumentRef[] = [
  { file: "old.txt", title: "Strategy on Environmental Protection Cooperation (2009-2015)", year: 2009 },
  {
    file: "new.txt",
    title: "Strategy on Environmental Cooperation (2016-2020) and Action Plan (2016-2020)",
    year: 2016,
  },
  { file: "page.txt", title: "Cleaner Production in the Region", year: 2007 },
];

describe("namedDocuments", () => {
  it("finds a page named by words of its title that fit it alone", () => {
    const pages: DocumentRef[] = [
      ...documents,
      { file: "about.txt", title: "About Us: Environmental Cooperation Center (ECC)", year: 2021 },
    ];
    expect([...namedDocuments("What does the ECC 'about us' page say?", pages).files]).toEqual(["about.txt"]);
    expect([...namedDocuments("What does the page on cleaner production list?", pages).files]).toEqual(["page.txt"]);
    // Words that fit several titles name none of them.
    expect([...namedDocuments("What does the environmental cooperation page say?", pages).files]).toEqual([]);
    expect([...namedDocuments("What does the page say?", pages).files]).toEqual([]);
  });

  it("finds a document named by its place among those of its kind, and none past the last", () => {
    expect([...namedDocuments("In the second strategy, who coordinates?", documents).files]).toEqual(["new.txt"]);
    expect([...namedDocuments("According to the first strategy, where?", documents).files]).toEqual(["old.txt"]);
    expect([...namedDocuments("the earlier strategy", documents).files]).toEqual(["old.txt"]);
    expect([...namedDocuments("the third strategy", documents).files]).toEqual([]);
    // Readers call a strategy a plan too.
    expect([...namedDocuments("What does the 2009 plan say?", documents).files]).toEqual(["old.txt"]);
    // One document of the kind has no order among its kind.
    expect([...namedDocuments("the first action plan", documents).files]).toEqual([]);
  });

  it("finds every document of a kind named together ('both strategies', 'each strategy'), when there are several", () => {
    expect([...namedDocuments("Which plan does each strategy cite?", documents).files].sort()).toEqual([
      "new.txt",
      "old.txt",
    ]);
    expect([...namedDocuments("How do both strategies word it?", documents).files].sort()).toEqual([
      "new.txt",
      "old.txt",
    ]);
    // One action plan is no set of them.
    expect([...namedDocuments("What does each action plan list?", documents).files]).toEqual([]);
    expect(namedDocuments("Which plan does each strategy cite?", documents).kinds.get("new.txt")).toEqual(
      new Set(["strategy"]),
    );
  });

  it("finds a document named by its first year and the kind in its title", () => {
    const scope = namedDocuments("What does the 2009 strategy say about funding?", documents);
    expect([...scope.files]).toEqual(["old.txt"]);
    expect([...scope.years]).toEqual(["2009"]);
  });

  it("finds documents named by their periods, before or after the noun", () => {
    expect([...namedDocuments("the 2016-2020 action plan", documents).files]).toEqual(["new.txt"]);
    expect([...namedDocuments("Under the Strategy 2009-2015, who leads?", documents).files]).toEqual(["old.txt"]);
    expect([...namedDocuments("the 2009-2015 strategy compared with the 2016-2020 one", documents).files]).toEqual([
      "old.txt",
      "new.txt",
    ]);
  });

  it("gives the stemmed words that name each document, not a generic noun", () => {
    const scope = namedDocuments("What does the 2009-2015 strategy say about wetlands?", documents);
    expect([...(scope.namingTerms.get("old.txt") ?? [])].sort()).toEqual(["2009", "2015", "strategi"]);
    const page = namedDocuments("According to the 2007 page, what was planned?", documents);
    expect([...(page.namingTerms.get("page.txt") ?? [])]).toEqual(["2007"]);
  });

  it("finds a document named by the short name it defines for itself, not one another document defines", () => {
    const chunk = (file: string, title: string, text: string): Chunk => ({
      id: `${file}-${text.length}`,
      text,
      meta: { file, title, section: "", page: null, start: 0, end: text.length, year: 2016 },
    });
    const [newDoc] = documentsOf([
      chunk(
        "new.txt",
        documents[1]?.title ?? "",
        "Building on the Strategy (herein after referred to as the Strategy 2009-2015), the parties agree this Plan (herein after referred to as the Action Plan III). They adopt it (hereinafter referred to as the Strategy).",
      ),
    ]);
    expect(newDoc?.aliases).toEqual(["Action Plan III"]);
    const scope = namedDocuments("Who reviews Action Plan III?", [documents[0] as DocumentRef, newDoc as DocumentRef]);
    expect([...scope.files]).toEqual(["new.txt"]);
    expect([...(scope.namingTerms.get("new.txt") ?? [])].sort()).toEqual(["action", "iii", "plan"]);
    expect(namedDocuments("Who reviews the plan?", [newDoc as DocumentRef]).files.size).toBe(0);
  });

  it("finds a document named by its title, in either partner order", () => {
    const scope = namedDocuments(
      "What does the Strategy on Environmental Protection Cooperation say about funds?",
      documents,
    );
    expect([...scope.files]).toEqual(["old.txt"]);
    expect([...(scope.namingTerms.get("old.txt") ?? [])].sort()).toEqual(["2009", "2015", "strategi"]);
  });

  it("implies the naming words for the named document's sentences, unless one speaks of another document", () => {
    const scope = namedDocuments("the 2016-2020 strategy: what about wetlands?", documents);
    expect([...impliedTerms(scope, { file: "new.txt", section: "" }, "Wetlands will be restored.")]).toContain(
      "strategi",
    );
    expect(
      impliedTerms(scope, { file: "new.txt", section: "" }, "Under the Strategy 2009-2015, wetlands were mapped.").size,
    ).toBe(0);
    // …or sits under a heading that does.
    const underOld = { file: "new.txt", section: "2.1 Adoption of the Strategy (2009-2015)" };
    expect(impliedTerms(scope, underOld, "The Strategy aimed at wetlands.").size).toBe(0);
    // A period no document has (another plan's) does not move the sentence away.
    expect(
      impliedTerms(scope, { file: "new.txt", section: "" }, "In support of the Plan 2014-2018, wetlands are mapped.")
        .size,
    ).toBe(3);
    expect(impliedTerms(scope, { file: "old.txt", section: "" }, "Wetlands will be restored.").size).toBe(0);
  });

  it("reads a Chinese question's year and document noun, written without spaces", () => {
    expect([...namedDocuments("2009年战略在环境教育方面提出了什么？", documents).files]).toEqual(["old.txt"]);
    const plan = namedDocuments("根据2016-2020年行动计划，要应对哪些问题？", documents);
    expect([...plan.files]).toEqual(["new.txt"]);
    expect([...(plan.namingTerms.get("new.txt") ?? [])]).toContain("plan");
    expect(namedDocuments("2016年在南宁举行的论坛", documents).files.size).toBe(0);
  });

  it("leaves out the part of a two-part file that the question did not name", () => {
    const scope = namedDocuments("What does the 2016-2020 strategy say about wetlands?", documents);
    const strategyPart = { file: "new.txt", section: "4. Areas of Cooperation" };
    const planPart = { file: "new.txt", section: "ACTION PLAN (2016-2020) › II. Plan of Actions" };
    expect([...impliedTerms(scope, strategyPart, "Wetlands will be restored.")]).toContain("strategi");
    expect(impliedTerms(scope, planPart, "Wetlands will be restored.").size).toBe(0);
    const asked = namedDocuments("What does the 2016-2020 action plan say about wetlands?", documents);
    expect(impliedTerms(asked, planPart, "Wetlands will be restored.").size).toBeGreaterThan(0);
  });

  it("keeps a sentence of the other part that speaks of the named part and not of its own", () => {
    const scope = namedDocuments("How many areas does the 2016-2020 strategy have?", documents);
    const planPart = { file: "new.txt", section: "ACTION PLAN (2016-2020) › I. Background" };
    expect(speaksOfNamedPart(scope, planPart, "The Strategy 2016-2020 focuses on nine areas.")).toBe(true);
    expect(speaksOfNamedPart(scope, planPart, "To implement the Strategy, this Action Plan is developed.")).toBe(false);
    expect(speaksOfNamedPart(scope, planPart, "Nine activities will be carried out.")).toBe(false);
    expect(speaksOfNamedPart(scope, { file: "new.txt", section: "4. Areas" }, "Nine activities.")).toBe(true);
  });

  it("drops the words naming the documents, to search within them", () => {
    const question = "Why did the 2009 strategy argue that a centre was needed?";
    const scope = namedDocuments(question, documents);
    expect(withoutDocumentNames(question, scope).split(/\s+/)).toEqual(
      "Why did the argue that a centre was needed?".split(" "),
    );
  });

  it("lets a generic noun name any document of that year", () => {
    expect([...namedDocuments("According to the 2007 page, what was planned?", documents).files]).toEqual(["page.txt"]);
  });

  it("ignores a year that dates an event, or a noun the document's title does not use", () => {
    expect(namedDocuments("Where was the forum held in 2016?", documents).files.size).toBe(0);
    expect(namedDocuments("What did the 2009 action plan say?", documents).files.size).toBe(0);
    expect(namedDocuments("the 2014-2015 action plan", documents).files.size).toBe(0);
  });
});

describe("aboutNamedDocument", () => {
  it("counts a passage of another file that names the document by its period and kind", () => {
    const scope = namedDocuments("What does the 2016-2020 strategy set forth?", documents);
    expect(aboutNamedDocument(scope, "new.txt", "Anything at all.")).toBe(true);
    expect(
      aboutNamedDocument(
        scope,
        "page.txt",
        "The Strategy on Environmental Cooperation (2016-2020) sets forth nine areas.",
      ),
    ).toBe(true);
    expect(aboutNamedDocument(scope, "page.txt", "The Action Plan (2016-2020) sets forth nine areas.")).toBe(false);
    expect(aboutNamedDocument(scope, "page.txt", "The Strategy (2009-2015) sets forth six areas.")).toBe(false);
    expect(aboutNamedDocument(namedDocuments("What is cleaner production?", documents), "new.txt", "x")).toBe(false);
  });
});
