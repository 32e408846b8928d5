import { highlightQuote, showQuote } from "./quote-match.js";

const source = document.getElementById("source");
const quote = source?.dataset.quote ?? "";
if (quote) {
  const cited = document.getElementById("cited");
  let marks = highlightQuote(cited, quote);
  if (marks.length === 0) marks = highlightQuote(document.getElementById("document"), quote);
  showQuote(marks, document.getElementById("quote-status"));
  if (marks.length === 0) cited?.scrollIntoView({ block: "center" });
}
document.body.dataset.ready = "true";
