import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, type RunningWebServer } from "../../src/web/index.js";
import { launchChromium, type Browser } from "./browser.js";
import { createWebFixture, formatsPdf, wetlandFile, type WebFixture } from "./web-fixture.js";

// Real Chromium: ask → answer with citations → citation 1 → the quote highlighted on screen.
// One browser for the file; every wait is for an element or a state, never for a time.

/** Upper bound of one browser test: a few seconds when idle, far more while other builds share 2 cores. */
const browserTestMs = 150_000;

let fixture: WebFixture;
let server: RunningWebServer;
let browser: Browser;
/** Console errors and uncaught exceptions of every page opened, checked after each test. */
let consoleErrors: string[] = [];

beforeAll(async () => {
  fixture = await createWebFixture();
  server = await startWebServer({ ...fixture.options, host: "127.0.0.1", port: 0 });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.cleanup();
});

async function openPage(width = 1280, height = 900): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  page.setDefaultTimeout(60_000);
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  const answered = Number((await page.locator("body").getAttribute("data-answered")) ?? 0);
  await page.fill("#question", question);
  await page.click("#ask-button");
  await page.waitForSelector(`body[data-answered="${answered + 1}"]`);
}

/** The first highlighted piece of the quote lies inside the visible part of the window. */
async function quoteOnScreen(page: Page): Promise<{ visible: boolean; text: string }> {
  // Runs in the page (as a string: this project compiles without the DOM types).
  return page.evaluate(`(() => {
    const marks = [...document.querySelectorAll("mark.quote")];
    const first = marks[0];
    if (!first) return { visible: false, text: "" };
    const box = first.getBoundingClientRect();
    const visible = box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
    return { visible, text: marks.map((m) => m.textContent).join(" ") };
  })()`);
}

const flat = (text: string) => text.replace(/[\s-]+/g, "");

describe("web page in Chromium", () => {
  it(
    "a text document: the answer streams in, citation 1 opens the passage highlighted on screen",
    async () => {
      consoleErrors = [];
      const page = await openPage();
      await page.goto(`${server.url}/`);
      await ask(page, "How often did volunteers count migratory shorebirds?");
      const answer = await page.textContent(".turn .answer-text");
      expect(answer).toMatch(/every spring/);
      const first = page.locator(".citations a.citation-link").first();
      expect(await first.textContent()).toMatch(/^\[1\] Tidal Wetland Monitoring Pilot/);
      await first.click();
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toContain(`/sources/${wetlandFile}?q=`);
      expect(await page.getAttribute("body", "data-quote")).toBe("found");
      const quote = await quoteOnScreen(page);
      expect(quote.visible).toBe(true);
      expect(quote.text).toContain("Volunteers counted migratory shorebirds");
      expect(await page.locator("#cited mark.quote").count()).toBeGreaterThan(0);
      expect(await page.textContent("#section-path")).toContain("Methods");
      await page.close();
      expect(consoleErrors).toEqual([]);
    },
    browserTestMs,
  );

  it(
    "a PDF at phone width: citation 1 opens the page in pdf.js with the quote highlighted on screen",
    async () => {
      consoleErrors = [];
      const page = await openPage(390, 844);
      await page.goto(`${server.url}/`);
      await ask(page, "When did China's top leader propose to set up the center?");
      const first = page.locator(".citations a.citation-link").first();
      expect(await first.textContent()).toContain("p. 1");
      await first.click();
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toContain(`/sources/${formatsPdf}?page=1&q=`);
      expect(await page.getAttribute("body", "data-quote")).toBe("found");
      expect(await page.locator(".textLayer mark.quote").count()).toBeGreaterThan(0);
      const quote = await quoteOnScreen(page);
      expect(quote.visible).toBe(true);
      expect(flat(quote.text)).toContain(flat("In November 2007, China’s top leader proposed"));
      expect(await page.textContent("#page-count")).toBe(" of 2");
      const fits = await page.evaluate<{ canvas: number; scroll: number; width: number }>(`({
      canvas: document.querySelector("#pdf-page canvas")?.getBoundingClientRect().width ?? 0,
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    })`);
      expect(fits.canvas).toBeGreaterThan(200);
      expect(fits.scroll).toBeLessThanOrEqual(fits.width);
      // Page navigation: the next page renders without a quote to look for.
      await page.click("#next-page");
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toContain("page=2");
      expect(await page.locator("#pdf-page canvas").count()).toBe(1);
      // A passage that starts on page 1 may hold a sentence printed on page 2: that page is shown.
      await page.goto(
        `${server.url}/sources/${formatsPdf}?page=1&q=${encodeURIComponent("making a regional contribution to South-South Environmental Cooperation")}`,
      );
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.getAttribute("body", "data-quote")).toBe("found");
      expect(await page.textContent("#shown-page")).toBe("2");
      expect((await quoteOnScreen(page)).visible).toBe(true);
      await page.close();
      expect(consoleErrors).toEqual([]);
    },
    browserTestMs,
  );

  it(
    "not in the documents: the closest passages open the source view; follow-ups and Markdown copy",
    async () => {
      consoleErrors = [];
      const page = await openPage();
      await page.goto(`${server.url}/`);
      await ask(page, "Which colour is the lunar rover's paint?");
      expect(await page.textContent(".turn .answer")).toMatch(/could not find/i);
      expect(await page.textContent(".turn h3")).toBe("Closest passages");
      const closest = page.locator(".citations a.citation-link");
      expect(await closest.count()).toBeGreaterThan(0);
      expect(await closest.first().getAttribute("href")).toMatch(/^\/sources\//);

      await ask(page, "How often did volunteers count migratory shorebirds?");
      await ask(page, "And what was each count checked against?");
      expect(await page.locator(".turn").count()).toBe(3);
      expect(await page.locator(".turn").nth(2).textContent()).toContain("photographs");
      await page.click("#copy-markdown");
      const markdown = (await page.getAttribute("#copy-markdown", "data-markdown")) ?? "";
      expect(markdown).toContain("photographs");
      expect(markdown).toMatch(/\*\*References\*\*\n\n1\. Tidal Wetland Monitoring Pilot/);
      expect(markdown).toContain(`${server.url}/sources/${wetlandFile}?q=`);
      await page.close();
      expect(consoleErrors.filter((e) => !/clipboard|Write permission/i.test(e))).toEqual([]);
    },
    browserTestMs,
  );

  it(
    "<script> in a question and in a document shows as text and never runs",
    async () => {
      consoleErrors = [];
      const page = await openPage();
      await page.goto(`${server.url}/`);
      const question =
        '<script>window.injected = 1</script><img src=x onerror="window.injected = 2"> volunteers shorebirds';
      await ask(page, question);
      expect(await page.textContent(".turn .question")).toBe(question);
      expect(await page.locator(".turn .question img").count()).toBe(0);
      await page.goto(`${server.url}/sources/${wetlandFile}?q=${encodeURIComponent("markup that must show as text")}`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.textContent("#cited")).toContain("<script>window.injected = 1</script> <b>not bold</b>");
      expect(await page.locator("#document b, #document script").count()).toBe(0);
      expect(await page.evaluate<unknown>("window.injected")).toBeUndefined();
      await page.close();
      expect(consoleErrors).toEqual([]);
    },
    browserTestMs,
  );

  it(
    "a file that is not indexed shows the not-found page",
    async () => {
      const page = await openPage();
      const response = await page.goto(`${server.url}/sources/notes.xyz`);
      expect(response?.status()).toBe(404);
      expect(await page.textContent("#not-found-message")).toContain("not in the index");
      await page.close();
    },
    browserTestMs,
  );
});
