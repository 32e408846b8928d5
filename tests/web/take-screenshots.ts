// Takes the README's screenshots of the web page: `npx tsx tests/web/take-screenshots.ts` (about a minute).
// The real corpus, with the CAEC leaflet as its PDF from shared/formats in place of its text file.
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAnswerService } from "../../src/answer/index.js";
import { loadConfig } from "../../src/config/config.js";
import { createIndexSourcesProvider, startWebServer } from "../../src/web/index.js";
import { projectRoot, realCorpusDir } from "../helpers/test-corpus.js";
import { launchChromium } from "./browser.js";
import { formatsPdf, sharedDir } from "./web-fixture.js";

const docs = path.join(projectRoot, "docs");
const dir = await mkdtemp(path.join(tmpdir(), "coopdocs-shots-"));
try {
  const corpusDir = path.join(dir, "corpus");
  await cp(realCorpusDir, corpusDir, { recursive: true });
  await rm(path.join(corpusDir, "caec-about-us.txt"));
  await copyFile(path.join(sharedDir, "formats", formatsPdf), path.join(corpusDir, formatsPdf));
  const manifest = JSON.parse(await readFile(path.join(corpusDir, "manifest.json"), "utf8")) as {
    documents: { file: string }[];
  };
  for (const d of manifest.documents) if (d.file === "caec-about-us.txt") d.file = formatsPdf;
  await writeFile(path.join(corpusDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: path.join(dir, "index"), LOG_LEVEL: "warn" }, dir);
  const answerer = await createAnswerService(config);
  const server = await startWebServer({
    answerer,
    sources: createIndexSourcesProvider({ corpusDir: config.corpusDir, indexDir: config.indexDir }),
    host: "127.0.0.1",
    port: 0,
  });
  const browser = await launchChromium({ width: 1100, height: 900 });
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/`);
    await page.fill("#question", "When did China's top leader propose to set up the center, and at which summit?");
    await page.click("#ask-button");
    await page.waitForSelector('body[data-answered="1"]');
    await page.screenshot({ path: path.join(docs, "web-ask.png") });
    await page.locator(".citations a.citation-link").first().click();
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: path.join(docs, "web-source-pdf.png") });
    await page.goto(`${server.url}/sources`);
    await page.screenshot({ path: path.join(docs, "web-sources.png") });
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(
      `${server.url}/sources/china-asean-strategy-2009-2015.txt?q=${encodeURIComponent("the ASEAN Leaders signed the Cha-am Hua Hin Declaration on the Roadmap")}`,
    );
    await phone.waitForSelector('body[data-ready="true"]');
    await phone.screenshot({ path: path.join(docs, "web-source-text-phone.png") });
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
