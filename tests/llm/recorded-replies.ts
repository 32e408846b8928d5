/**
 * Replies in the style real models write them (Qwen, DeepSeek-R1, Llama, Mistral, GPT via vLLM, llama.cpp or
 * Ollama), replayed by the fake OpenAI-compatible server. Each reply is built from the passages the prompt
 * actually sent, so it works against the fixture passages and against the real index alike: what it
 * states is copied from those passages (supported), and what it invents uses names and numbers that
 * appear in no document ("Atlantis", 8,317), so the tests can tell checked text from unchecked text.
 */
import { normalizeText, splitSentences, stripNumbering } from "../../src/text/index.js";
import type { FakeReply, RecordedRequest, Responder } from "./fake-openai-server.js";

/** A passage as the prompt showed it to the model. */
export interface PromptPassage {
  n: number;
  title: string;
  text: string;
}

/** The numbered passages of an answer prompt. */
export function promptPassages(request: RecordedRequest): PromptPassage[] {
  const user = request.messages.find((m) => m.role === "user")?.content ?? "";
  const out: PromptPassage[] = [];
  const pattern =
    /^\[(\d+)\] Title: (.*?)(?: \(\d{4}\))?\nSection: .*\nPage: .*\nText: ([\s\S]*?)(?=\n\n\[\d+\] Title: |\n\nQuestion: |\n\nTopic: |$)/gm;
  for (const match of user.matchAll(pattern))
    out.push({ n: Number(match[1]), title: match[2] ?? "", text: match[3] ?? "" });
  return out;
}

/** The question of an answer prompt. */
export function promptQuestion(request: RecordedRequest): string {
  const user = request.messages.find((m) => m.role === "user")?.content ?? "";
  return /\nQuestion: (.*)\n/.exec(user)?.[1]?.trim() ?? "";
}

/**
 * A sentence of passage n, copied (so the passage supports it), without its final punctuation: the case
 * adds the citation and the full stop the way the model in question writes them.
 */
export function claimFrom(passages: readonly PromptPassage[], n: number): string {
  const passage = passages.find((p) => p.n === n) ?? passages[0];
  const sentences = (passage?.text ?? "")
    .split(/\n+/)
    .flatMap((line) => splitSentences(line))
    .map((s) =>
      stripNumbering(s)
        .replace(/[[\]()<>"“”【】^]/g, " ")
        .replace(/\s+/g, " ")
        .replace(/ ([,.;:])/g, "$1")
        .trim(),
    );
  const good =
    sentences.find((s) => s.split(" ").length >= 6 && s.length <= 240 && /^[A-Z]/.test(s)) ??
    sentences[0] ??
    "The documents describe cooperation";
  return good.replace(/[.!?;:,\s]+$/, "");
}

/** How a case must end. */
export type Outcome =
  | { kind: "answer"; contains: (p: PromptPassage[]) => string[]; note?: RegExp; citations?: number }
  | { kind: "not-found" }
  | { kind: "fallback"; note: RegExp };

export interface RecordedCase {
  name: string;
  /** The question asked (unique per case: the fake server picks the reply by it). */
  question: string;
  reply: (
    p: PromptPassage[],
  ) => Omit<Extract<FakeReply, { kind: "text" }>, "kind"> | Extract<FakeReply, { kind: "tool_call" }>;
  outcome: Outcome;
  /** Text that must never be shown or posted, in any chunk (unchecked claims, reasoning, raw markers). */
  forbidden: string[];
}

const invented = ["Atlantis", "8,317", "97.3"];
/** Raw citation forms and reasoning that must never reach a reader. */
export const rawForms = [
  "【",
  "】",
  "<sup>",
  "[^",
  "NOT_FOUND",
  "<think>",
  "</think>",
  "†",
  "[Passage",
  "[Source",
  "[citation:",
];

const c = claimFrom;

export const recordedCases: RecordedCase[] = [
  {
    name: "Qwen-style full-width citation",
    question: "What does the strategy say about biodiversity and ecosystem conservation?",
    reply: (p) => ({ content: `${c(p, 1)}【1】.` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: [],
  },
  {
    name: "full-width with dagger source tags",
    question: "What does the strategy say about environmental education and public awareness?",
    reply: (p) => ({ content: `${c(p, 1)}【1†source】. ${c(p, 2)}【2†source】.` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`, `${c(p, 2)} [2].`], citations: 2 },
    forbidden: [],
  },
  {
    name: "one marker naming two passages",
    question: "What does the strategy say about environmentally sustainable cities?",
    reply: (p) => ({ content: `${c(p, 2)} [2, 1].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 2)} [1, 2].`], citations: 2 },
    forbidden: [],
  },
  {
    name: "adjacent markers",
    question: "What does the strategy say about environmental technology and industry cooperation?",
    reply: (p) => ({ content: `${c(p, 1)} [1][2].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1][2].`], citations: 2 },
    forbidden: [],
  },
  {
    name: "a range of passages",
    question: "What does the strategy say about policy dialogue and exchange?",
    reply: (p) => ({ content: `${c(p, 1)} [1-2].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1, 2].`], citations: 2 },
    forbidden: [],
  },
  {
    name: "markdown footnotes with definitions",
    question: "What does the strategy say about capacity building?",
    reply: (p) => ({ content: `${c(p, 2)}.[^2]\n\n[^2]: Passage 2` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 2)} [1].`], citations: 1 },
    forbidden: ["]:"],
  },
  {
    name: "a number in parentheses after the sentence",
    question: "What does the strategy say about cleaner production?",
    reply: (p) => ({ content: `${c(p, 1)}. (1)` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: ["(1)"],
  },
  {
    name: "[Passage n] and [Source n]",
    question: "What does the cooperation strategy say about biodiversity and ecosystem conservation?",
    reply: (p) => ({ content: `${c(p, 2)} [Passage 2]. ${c(p, 3)} [Source 3].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 2)} [1].`, `${c(p, 3)} [2].`], citations: 2 },
    forbidden: [],
  },
  {
    name: "HTML superscripts",
    question: "What does the cooperation strategy say about environmental education and public awareness?",
    reply: (p) => ({ content: `${c(p, 1)}<sup>1</sup>. ${c(p, 3)}<sup>3</sup>.` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`, `${c(p, 3)} [2].`], citations: 2 },
    forbidden: [],
  },
  {
    name: "a passage title in brackets instead of a number",
    question: "What does the cooperation strategy say about environmentally sustainable cities?",
    reply: (p) => ({ content: `${c(p, 1)} [${p[0]?.title ?? ""}].` }),
    // Passages of one document share a title: the marker names them all.
    outcome: { kind: "answer", contains: (p) => [c(p, 1)] },
    forbidden: [],
  },
  {
    name: "a quoted passage title in the sentence",
    question: "What does the cooperation strategy say about environmental technology and industry cooperation?",
    reply: (p) => ({ content: `As "${p[1]?.title ?? ""}" puts it: ${c(p, 2)}.` }),
    outcome: { kind: "answer", contains: (p) => [c(p, 2)] },
    forbidden: [],
  },
  {
    name: "'according to Passage n' in running text",
    question: "What does the cooperation strategy say about policy dialogue and exchange?",
    reply: (p) => ({ content: `According to Passage 2, ${c(p, 2)}.` }),
    outcome: { kind: "answer", contains: (p) => [c(p, 2)], citations: 1 },
    forbidden: ["Passage 2"],
  },
  {
    name: "DeepSeek-style [citation:n]",
    question: "What does the cooperation strategy say about capacity building?",
    reply: (p) => ({ content: `${c(p, 3)}[citation:3].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 3)} [1].`], citations: 1 },
    forbidden: [],
  },
  {
    name: "a sources list after the answer",
    question: "What does the cooperation strategy say about cleaner production?",
    reply: (p) => ({ content: `${c(p, 1)} [1].\n\nSources:\n[1] ${p[0]?.title ?? ""}\n[2] Atlantis Yearbook` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: ["Yearbook"],
  },
  {
    name: "a sentence whose only citation is invalid",
    question: "What does the environmental cooperation strategy say about biodiversity and ecosystem conservation?",
    reply: (p) => ({
      content: `${c(p, 2)} [2]. It is headquartered in Atlantis with a staff of about 8,317 people [99].`,
    }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 2)} [1].`], citations: 1 },
    forbidden: ["headquartered"],
  },
  {
    name: "an uncited sentence stating a fact no passage holds",
    question:
      "What does the environmental cooperation strategy say about environmental education and public awareness?",
    reply: (p) => ({ content: `${c(p, 1)} [1]. The programme received 97.3 million dollars from Atlantis.` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: ["million dollars"],
  },
  {
    name: "a validly cited sentence stating a number the passage lacks",
    question: "What does the environmental cooperation strategy say about environmentally sustainable cities?",
    reply: (p) => ({ content: `${c(p, 1)} [1]. Its budget reached 8,317 million yuan [1].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: ["budget reached"],
  },
  {
    name: "only invalid citations",
    question:
      "What does the environmental cooperation strategy say about environmental technology and industry cooperation?",
    reply: () => ({ content: "Atlantis hosts the secretariat [97]. It was founded by the Atlantis council [98]." }),
    outcome: {
      kind: "fallback",
      note: /^The generated answer cited none of the passages, so this is the extractive answer\.$/,
    },
    forbidden: ["hosts the secretariat"],
  },
  {
    name: "no citation at all",
    question: "What does the environmental cooperation strategy say about policy dialogue and exchange?",
    reply: () => ({ content: "The Atlantis council met 8,317 times. Its members came from many places." }),
    outcome: { kind: "fallback", note: /^The generated answer cited none of the passages/ },
    forbidden: ["council met", "Its members"],
  },
  {
    name: "the NOT_FOUND token",
    question: "What does the environmental cooperation strategy say about capacity building?",
    reply: () => ({ content: "NOT_FOUND" }),
    outcome: { kind: "not-found" },
    forbidden: [],
  },
  {
    name: "an English refusal in the model's own words",
    question: "What does the environmental cooperation strategy say about cleaner production?",
    reply: () => ({ content: "The provided passages do not mention how many staff the Center employs." }),
    outcome: { kind: "not-found" },
    forbidden: ["do not mention"],
  },
  {
    name: "an apologetic refusal",
    question: "What does the strategy say on biodiversity and ecosystem conservation?",
    reply: () => ({
      content: "I'm sorry, but I couldn't find any information about the budget in the given documents.",
    }),
    outcome: { kind: "not-found" },
    forbidden: ["sorry"],
  },
  {
    name: "a Chinese refusal to a Chinese question",
    question: "关于生物多样性保护，战略怎么说？",
    reply: () => ({ content: "所提供的段落中没有提到该中心的员工人数。" }),
    outcome: { kind: "not-found" },
    forbidden: ["没有提到"],
  },
  {
    name: "a refusal that cites a passage anyway",
    question: "What does the strategy say on environmental education and public awareness?",
    reply: () => ({ content: "The documents do not specify the number of staff [2]." }),
    outcome: { kind: "not-found" },
    forbidden: ["do not specify"],
  },
  {
    name: "a Chinese answer with full-width citations",
    question: "文件中描述了哪些环境合作？",
    reply: (p) => ({ content: `文件指出：${c(p, 1)}【1】。` }),
    outcome: { kind: "answer", contains: (p) => [c(p, 1)], citations: 1 },
    forbidden: [],
  },
  {
    name: "a partial answer that says which part is missing",
    question: "What does the strategy say on environmentally sustainable cities?",
    reply: (p) => ({ content: `${c(p, 1)} [1]. The passages do not say how many staff it has.` }),
    outcome: {
      kind: "answer",
      contains: (p) => [`${c(p, 1)} [1].`, "The passages do not say how many staff it has."],
      citations: 1,
    },
    forbidden: [],
  },
  {
    name: "a <think> block before the answer (Qwen3, DeepSeek-R1)",
    question: "What does the strategy say on environmental technology and industry cooperation?",
    reply: (p) => ({
      content: `<think>\nThe user asks about Atlantis. Passage 2 says 8,317 [2]. I should cite it.\n</think>\n\n${c(p, 2)} [2].`,
    }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 2)} [1].`], citations: 1 },
    forbidden: ["The user asks", "I should cite"],
  },
  {
    name: "a DeepSeek-R1 reply whose <think> was in the prompt (orphan close tag)",
    question: "What does the strategy say on policy dialogue and exchange?",
    reply: (p) => ({ content: `Okay, the user asks about Atlantis, so I recall it.\n</think>\n\n${c(p, 1)} [1].` }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: ["the user asks"],
  },
  {
    name: "reasoning sent as reasoning_content (vLLM, DeepSeek API)",
    question: "What does the strategy say on capacity building?",
    reply: (p) => ({
      content: `${c(p, 1)} [1].`,
      reasoning: "The user asks about Atlantis; passage 1 answers it [1].",
    }),
    outcome: { kind: "answer", contains: (p) => [`${c(p, 1)} [1].`], citations: 1 },
    forbidden: ["The user asks"],
  },
  {
    name: "a reply cut while still thinking",
    question: "What does the strategy say on cleaner production?",
    reply: () => ({
      content: "<think>\nThe user asks about Atlantis. Let me go through the passages one by one",
      finishReason: "length",
    }),
    outcome: {
      kind: "fallback",
      note: /^The LLM reply was cut off before it answered, so this is the extractive answer\.$/,
    },
    forbidden: ["The user asks"],
  },
  {
    name: "a reply cut by the token limit midway through a sentence",
    question: "What does the strategy plan for biodiversity and ecosystem conservation?",
    reply: (p) => ({ content: `${c(p, 1)} [1]. ${c(p, 2)} [2]. It also says that Atlantis`, finishReason: "length" }),
    outcome: {
      kind: "answer",
      contains: (p) => [`${c(p, 1)} [1].`, `${c(p, 2)} [2].`],
      note: /^The generated answer was cut off at the length limit; only its complete sentences are shown\.$/,
      citations: 2,
    },
    forbidden: ["It also says"],
  },
  {
    name: "a reply cut before its first citation",
    question: "What does the strategy plan for environmental education and public awareness?",
    reply: (p) => ({ content: `${c(p, 1)}`, finishReason: "length" }),
    outcome: {
      kind: "fallback",
      note: /^The generated answer was cut off before a complete cited sentence, so this is the extractive answer\.$/,
    },
    forbidden: [],
  },
  {
    name: "an empty reply",
    question: "What does the strategy plan for environmentally sustainable cities?",
    reply: () => ({ content: "" }),
    outcome: { kind: "fallback", note: /^The LLM returned an empty reply, so this is the extractive answer\.$/ },
    forbidden: [],
  },
  {
    name: "a tool-call reply",
    question: "What does the strategy plan for environmental technology and industry cooperation?",
    reply: () => ({ kind: "tool_call", name: "search_documents", arguments: '{"query":"Atlantis"}' }),
    outcome: {
      kind: "fallback",
      note: /^The LLM asked to call a tool instead of answering, so this is the extractive answer\.$/,
    },
    forbidden: ["search_documents"],
  },
  {
    name: "a bulleted list with an uncited lead-in",
    question: "What does the strategy plan for policy dialogue and exchange?",
    reply: (p) => ({ content: `Here is a summary of everything relevant:\n\n- ${c(p, 1)} [1]\n- ${c(p, 3)} [3]` }),
    outcome: { kind: "answer", contains: (p) => [`- ${c(p, 1)} [1]\n- ${c(p, 3)} [2]`], citations: 2 },
    forbidden: ["Here is a summary"],
  },
];

/**
 * The fake model: condensation requests get the follow-up back as the standalone question; answer
 * requests get the case's reply for their question, streamed in small pieces when asked to stream.
 */
export function recordedResponder(cases: readonly RecordedCase[] = recordedCases): Responder {
  return (request) => {
    const user = request.messages.find((m) => m.role === "user")?.content ?? "";
    const followUp = /Follow-up message: (.*)/.exec(user)?.[1];
    if (followUp !== undefined) return { kind: "text", content: followUp.trim() };
    const question = promptQuestion(request);
    // The service folds the question (NFKC: "？" → "?") before the prompt.
    const found = cases.find((k) => normalizeText(k.question) === normalizeText(question));
    if (!found) return { kind: "status", status: 500, message: `no recorded reply for ${question}` };
    const reply = found.reply(promptPassages(request));
    if ("kind" in reply) return reply;
    return { kind: "text", chunkSize: 3, ...reply };
  };
}

/** Every invented name or number, as a check on top of each case's own forbidden text. */
export const inventedFacts = invented;
