import * as pdfjsLib from "/assets/pdfjs/pdf.min.mjs";
import { highlightQuote, showQuote } from "./quote-match.js";

pdfjsLib.GlobalWorkerOptions.workerSrc = "/assets/pdfjs/pdf.worker.min.mjs";

const source = document.getElementById("source");
const container = document.getElementById("pdf-page");
const status = document.getElementById("quote-status");

async function renderPage(doc, number) {
  const page = await doc.getPage(number);
  // Fit the page to the width of the screen (phones included), sharp on high-density screens.
  const scale = (container.clientWidth || 800) / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  container.style.setProperty("--scale-factor", String(scale));
  container.style.height = `${Math.floor(viewport.height)}px`;
  const textLayerDiv = document.createElement("div");
  textLayerDiv.className = "textLayer";
  container.replaceChildren(canvas, textLayerDiv);
  await page.render({
    canvas,
    canvasContext: canvas.getContext("2d"),
    viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  const textLayer = new pdfjsLib.TextLayer({
    textContentSource: page.streamTextContent(),
    container: textLayerDiv,
    viewport,
  });
  await textLayer.render();
  return textLayerDiv;
}

async function showPage() {
  const { pdf, page: wanted, quote } = source.dataset;
  const doc = await pdfjsLib.getDocument({
    url: pdf,
    isEvalSupported: false,
    standardFontDataUrl: "/assets/pdfjs/standard_fonts/",
    cMapUrl: "/assets/pdfjs/cmaps/",
    wasmUrl: "/assets/pdfjs/wasm/",
  }).promise;
  const number = Math.min(Math.max(1, Number(wanted) || 1), doc.numPages);
  document.getElementById("page-count").textContent = ` of ${doc.numPages}`;
  const next = document.getElementById("next-page");
  if (next) next.hidden = number >= doc.numPages;
  const textLayer = await renderPage(doc, number);
  if (!quote) return;
  let marks = highlightQuote(textLayer, quote);
  // A citation names the page its passage starts on; the sentence may sit on the next one.
  if (marks.length === 0 && number < doc.numPages) {
    const following = await renderPage(doc, number + 1);
    marks = highlightQuote(following, quote);
    if (marks.length > 0) document.getElementById("shown-page").textContent = String(number + 1);
    else await renderPage(doc, number);
  }
  showQuote(marks, status);
}

showPage()
  .catch((error) => {
    status.textContent = `The PDF could not be shown (${error?.message ?? error}); the original file link above opens it.`;
    document.body.dataset.quote = "error";
  })
  .finally(() => {
    document.body.dataset.ready = "true";
  });
