// Finds a quoted sentence in the text of a page and marks it. Shared by the text and the PDF source
// views. Letters and digits only are compared (lower-cased, NFKC), so line breaks, end-of-line
// hyphens, ligatures and quote styles in the document do not stop a match.

const letterOrDigit = /[\p{L}\p{N}]/u;

/** The comparison key of a piece of text, and for each key character the index it came from. */
function keyOf(text) {
  let key = "";
  const from = [];
  for (let i = 0; i < text.length; i++) {
    for (const ch of text[i].normalize("NFKC").toLowerCase()) {
      if (letterOrDigit.test(ch)) {
        key += ch;
        from.push(i);
      }
    }
  }
  return { key, from };
}

/** Fewest words of a quote's head still worth matching when the whole quote is not on the page. */
const minHeadWords = 5;

/** Where the quote (or the longest head of it) is in `key`: [start, end) in key characters, or null. */
export function locate(key, quote) {
  const words = quote.split(/\s+/).filter(Boolean);
  for (let n = words.length; n >= Math.min(minHeadWords, words.length) && n > 0; n--) {
    const wanted = keyOf(words.slice(0, n).join(" ")).key;
    if (wanted === "") return null;
    const at = key.indexOf(wanted);
    if (at >= 0) return [at, at + wanted.length];
    // The whole quote failed: try heads, dropping a word at a time (a quote that runs past the page).
  }
  return null;
}

/** Wraps the quote, found in the text under `root`, in <mark class="quote"> elements; returns them. */
export function highlightQuote(root, quote) {
  if (!root || !quote?.trim()) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let key = "";
  const owner = []; // key index → [node index, offset in node]
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const part = keyOf(node.nodeValue ?? "");
    for (const offset of part.from) owner.push([nodes.length, offset]);
    key += part.key;
    nodes.push(node);
  }
  const found = locate(key, quote);
  if (!found) return [];
  const [first, firstOffset] = owner[found[0]];
  const [last, lastOffset] = owner[found[1] - 1];
  const marks = [];
  for (let i = first; i <= last; i++) {
    let node = nodes[i];
    const text = node.nodeValue ?? "";
    const start = i === first ? firstOffset : 0;
    const end = i === last ? lastOffset + 1 : text.length;
    if (text.slice(start, end).trim() === "") continue;
    if (start > 0) node = node.splitText(start);
    if (end - start < node.nodeValue.length) node.splitText(end - start);
    const mark = document.createElement("mark");
    mark.className = "quote";
    node.parentNode.insertBefore(mark, node);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}

/** Scrolls the first mark to the middle of the screen and says whether the quote was found. */
export function showQuote(marks, statusElement) {
  if (marks.length > 0) {
    marks[0].id = "quote";
    marks[0].scrollIntoView({ block: "center" });
    if (statusElement) statusElement.textContent = "The quoted passage is highlighted.";
    document.body.dataset.quote = "found";
  } else {
    if (statusElement)
      statusElement.textContent = "The quoted words were not found here; the cited passage is marked where known.";
    document.body.dataset.quote = "missing";
  }
}
