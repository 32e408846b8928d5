// The ask page: streams each answer in from POST /api/ask/stream (server-sent events), renders it with
// numbered citations that open the source view, and keeps the conversation for follow-up questions.
// All text goes in through textContent: nothing from a question or a document is parsed as HTML.

const form = document.getElementById("ask-form");
const questionBox = document.getElementById("question");
const askButton = document.getElementById("ask-button");
const conversation = document.getElementById("conversation");
const status = document.getElementById("status");
const copyButton = document.getElementById("copy-markdown");
const newButton = document.getElementById("new-conversation");

/** Earlier turns sent with a follow-up, and the answers shown (for Copy as Markdown). */
let history = [];
let lastAnswer = null;

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function where(c) {
  return [c.title || c.file, c.section, c.page !== null && c.page !== undefined ? `p. ${c.page}` : ""]
    .filter(Boolean)
    .join(" — ");
}

/** The answer text with each [n] turned into a link to citation n's passage. */
function answerBody(answer) {
  const body = element("div", "answer-text");
  const links = new Map(answer.citations.map((c) => [String(c.n), c.url]));
  for (const paragraph of answer.answer.split(/\n{2,}/)) {
    const p = element("p");
    for (const part of paragraph.split(/(\[\d+\])/)) {
      const n = /^\[(\d+)\]$/.exec(part)?.[1];
      if (n && links.get(n)) {
        const a = element("a", "cite", `[${n}]`);
        a.href = links.get(n);
        p.append(a);
      } else {
        p.append(document.createTextNode(part));
      }
    }
    body.append(p);
  }
  return body;
}

function referenceList(items, numbered) {
  const list = element("ol", "citations");
  items.forEach((c, i) => {
    const li = element("li");
    const link = element("a", "citation-link", `${numbered ? `[${c.n}] ` : ""}${where(c)}`);
    link.href = c.url;
    li.append(link, element("blockquote", "", `“${c.quote}”`));
    if (!numbered) li.value = i + 1;
    list.append(li);
  });
  return list;
}

function renderAnswer(target, answer) {
  target.replaceChildren(answerBody(answer));
  if (answer.note) target.append(element("p", "note", answer.note));
  if (answer.citations.length > 0) {
    target.append(element("h3", "", "Sources"), referenceList(answer.citations, true));
  } else if (!answer.found && answer.closest.length > 0) {
    target.append(element("h3", "", "Closest passages"), referenceList(answer.closest, false));
  }
}

/** Reads a text/event-stream body and calls onEvent(name, data) for each event. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      onEvent(name, data.join("\n"));
    }
  }
}

async function ask(question) {
  const turn = element("section", "turn");
  turn.append(element("p", "question", question));
  const answerArea = element("div", "answer");
  answerArea.setAttribute("aria-busy", "true");
  turn.append(answerArea);
  conversation.append(turn);
  status.textContent = "Searching the documents…";

  const response = await fetch("/api/ask/stream", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ question, history }),
  });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  let streamed = "";
  let answer = null;
  let failure = null;
  await readEvents(response.body, (name, data) => {
    if (name === "token") {
      streamed += data;
      answerArea.textContent = streamed;
    } else if (name === "answer") {
      answer = JSON.parse(data);
    } else if (name === "error") {
      failure = JSON.parse(data).error?.message ?? "The server could not answer.";
    }
  });
  answerArea.removeAttribute("aria-busy");
  if (failure || !answer) {
    answerArea.replaceChildren(element("p", "error", failure ?? "The answer was cut off; try again."));
    return;
  }
  renderAnswer(answerArea, answer);
  // The API takes at most 20 earlier turns of 8,000 characters; the latest ones matter for a follow-up.
  history.push(
    { role: "user", text: question },
    {
      role: "assistant",
      text: answer.answer.slice(0, 8000),
      passageIds: (answer.passageIds ?? []).slice(0, 100),
      found: answer.found,
    },
  );
  history = history.slice(-20);
  lastAnswer = answer;
  copyButton.disabled = false;
}

/** The last answer as Markdown with a numbered reference list, for pasting into a report. */
function toMarkdown(answer) {
  const absolute = (url) => (url ? new URL(url, location.href).href : "");
  const lines = [answer.answer, ""];
  const refs = answer.citations.length > 0 ? answer.citations : [];
  if (refs.length > 0) {
    lines.push("**References**", "");
    for (const c of refs) lines.push(`${c.n}. ${where(c)}. “${c.quote}” ${absolute(c.url)}`.trim());
  }
  return `${lines.join("\n").trim()}\n`;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const question = questionBox.value.trim();
  if (!question) return;
  askButton.disabled = true;
  try {
    await ask(question);
    questionBox.value = "";
    status.textContent = "";
  } catch (error) {
    status.textContent = error?.message ?? String(error);
  } finally {
    askButton.disabled = false;
    document.body.dataset.answered = String(Number(document.body.dataset.answered ?? 0) + 1);
  }
});

newButton.addEventListener("click", () => {
  history = [];
  lastAnswer = null;
  conversation.replaceChildren();
  copyButton.disabled = true;
  questionBox.focus();
});

copyButton.addEventListener("click", async () => {
  if (!lastAnswer) return;
  const markdown = toMarkdown(lastAnswer);
  copyButton.dataset.markdown = markdown;
  try {
    await navigator.clipboard.writeText(markdown);
    status.textContent = "Copied the answer and its references as Markdown.";
  } catch {
    status.textContent = "The browser did not allow copying; select the answer and copy it by hand.";
  }
});

// A question in the address (/?q=…) is asked at once, so answers can be linked to.
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  questionBox.value = initial;
  form.requestSubmit();
}
