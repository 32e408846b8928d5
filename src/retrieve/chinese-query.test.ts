import { describe, expect, it } from "vitest";
import { chineseLexicon, normalizeChinese, parseLexicon } from "./chinese-lexicon.js";
import { chineseCountedTerms, chineseQueryExpander, chineseSearchTerms, translateChinese } from "./chinese-query.js";

describe("the Chinese lexicon", () => {
  it("reads variants, comments and tabs; joiners between Chinese characters are ignored", () => {
    const lexicon = parseLexicon("# a comment\n甲乙|甲—乙\tAlpha Beta\n\n丙\tGamma\tv\n");
    expect([...lexicon]).toEqual([
      ["甲乙", { english: "Alpha Beta", searchOnly: false }],
      ["丙", { english: "Gamma", searchOnly: true }],
    ]);
    expect(normalizeChinese("中国 — 东盟（ACB）")).toBe("中国东盟(ACB)");
    // Two spellings of "environmentally sound technologies" are one.
    expect(normalizeChinese("环境无害化技术")).toBe(normalizeChinese("环境无害技术"));
  });

  it("covers the corpus's vocabulary with hundreds of entries, each with an English translation", () => {
    const lexicon = chineseLexicon();
    expect(lexicon.size).toBeGreaterThan(500);
    expect([...lexicon.values()].filter((entry) => !/[A-Za-z]/.test(entry.english))).toEqual([]);
  });
});

describe("translating a Chinese question", () => {
  it("keeps a compound name whole, however its parts are joined", () => {
    for (const name of ["中国-东盟环境合作中心", "中国—东盟环境合作中心", "中国东盟环境合作中心"]) {
      const { terms } = translateChinese(`请介绍${name}的主要工作`);
      expect(terms[0]).toBe("China-ASEAN Environmental Cooperation Center CAEC");
    }
  });

  it("keeps years, figures and acronyms, and reads months and ordinals", () => {
    const { literals } = translateChinese("2013年7月第三届研讨会的议题占ACB工作的12.5%吗");
    expect(literals).toEqual(expect.arrayContaining(["2013", "ACB", "12.5%", "July", "third"]));
    expect(literals).not.toContain("7");
  });

  it("maps question words to English and keeps them out of what is asked about", () => {
    const translation = translateChinese("南宁的展会是什么时候举办的？");
    expect(translation.asking).toEqual(["when"]);
    expect(translation.terms).toContain("Nanning");
    // What it is about: Nanning and the expo, not the verb (the evidence may say "hosted" or "took place").
    expect(chineseSearchTerms("南宁的展会是什么时候举办的？").join(" ")).not.toMatch(/when|held/);
    expect(translateChinese("哪个国家主办了论坛？").terms).toEqual([expect.stringMatching(/held|host/), "forum"]);
  });

  it("leaves a name the corpus never uses out of the search, but asks about it", () => {
    const question = "巴黎协定是什么时候签署的？";
    const { unknownNames } = translateChinese(question);
    expect(unknownNames.join("")).toContain("巴黎");
    expect(chineseQueryExpander(question)).not.toMatch(/巴黎/);
    expect(chineseSearchTerms(question).join("")).toContain("巴黎");
  });

  it("asks about a name the lexicon does not know, and skips words that only frame the question", () => {
    expect(translateChinese("东京有多少家咖啡馆？").unknownNames).toEqual(["东京"]);
    expect(translateChinese("绿色使者计划的英文简称是什么？").unknownNames).toEqual([]);
  });

  it("reads what a count question counts, before or after the count word, but not a share", () => {
    expect(chineseCountedTerms("行动计划有几个优先领域？")).toEqual(["priority areas"]);
    expect(chineseCountedTerms("论坛的参会人数是多少？")).toEqual([expect.stringContaining("participants")]);
    expect(chineseCountedTerms("城镇人口的比例是多少？")).toEqual([]);
    // A verb after the counted thing is not part of it.
    expect(chineseCountedTerms("战略由几个部分组成？")).toEqual([expect.stringContaining("sections")]);
  });

  it("gives nothing for a question without Chinese", () => {
    expect(chineseQueryExpander("What is CAEC?")).toBe("");
    expect(chineseSearchTerms("What is CAEC?")).toEqual([]);
    expect(chineseCountedTerms("How many areas?")).toEqual([]);
  });
});
