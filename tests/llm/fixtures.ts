import type { Answer, Passage, Retriever } from "../../src/core/types.js";

function passage(id: string, text: string, meta: Partial<Passage["meta"]> & { file: string; title: string }): Passage {
  return {
    id,
    text,
    meta: { section: "", page: null, start: 0, end: text.length, year: null, ...meta },
    score: 1,
    similarity: 0.5,
  };
}

export const passages: Passage[] = [
  passage(
    "strategy-1",
    "The ASEAN-China Environmental Cooperation Strategy 2016-2020 identifies priority areas. Biodiversity and ecosystem conservation is one of them. Environmental data and information management is another.",
    {
      file: "asean-china-strategy-2016-2020.txt",
      title: "ASEAN-China Strategy on Environmental Cooperation 2016-2020",
      section: "4. Priority Areas",
      page: 12,
      year: 2016,
    },
  ),
  passage(
    "caec-1",
    "The China-ASEAN Environmental Cooperation Center (CAEC) was established in 2010. It is based in Beijing and implements the cooperation strategy.",
    { file: "caec-about-us.txt", title: "About CAEC", section: "About us", year: 2020 },
  ),
  passage(
    "est-1",
    "Cleaner production programmes help small and medium enterprises reduce waste. Green Silk Road Envoys training was launched to build capacity.",
    {
      file: "asean-est-cleaner-production.txt",
      title: "Environmentally Sound Technologies: Cleaner Production",
      section: "2. Programmes",
      page: 3,
      year: 2015,
    },
  ),
];

export interface RecordingRetriever extends Retriever {
  queries: { query: string; k: number | undefined }[];
}

/** Returns the fixture passages (or the given ones) for any query, and records the queries. */
export function fakeRetriever(result: Passage[] = passages): RecordingRetriever {
  const queries: { query: string; k: number | undefined }[] = [];
  return {
    queries,
    async retrieve(query, k) {
      queries.push({ query, k });
      return result.slice(0, k ?? result.length);
    },
  };
}

export interface RecordingExtractive {
  (question: string, given: Passage[]): Answer;
  calls: { question: string; passages: Passage[] }[];
}

/** Stands in for answerExtractively: quotes the first passage, citing it as [1]. */
export function fakeExtractive(): RecordingExtractive {
  const calls: { question: string; passages: Passage[] }[] = [];
  const answer = (question: string, given: Passage[]): Answer => {
    calls.push({ question, passages: given });
    const first = given[0];
    if (!first)
      return {
        answer: "I could not find this in the documents.",
        mode: "extractive",
        citations: [],
        found: false,
        passages: [],
      };
    const { file, title, section, page } = first.meta;
    return {
      answer: `EXTRACTIVE: ${first.text} [1]`,
      mode: "extractive",
      citations: [{ n: 1, file, title, section, page, quote: first.text }],
      found: true,
      passages: [first],
    };
  };
  return Object.assign(answer, { calls });
}
