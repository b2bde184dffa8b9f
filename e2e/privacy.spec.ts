/**
 * No network while browsing: the extension sends no request of its own while
 * the user browses covered and uncovered pages and opens the popup and the
 * options page. Requests are watched through the browser's own network
 * events, the service worker's included; a request the test makes the worker
 * send first proves the watch sees the worker. Only feeds the user subscribed
 * to and reports the user filed may reach the network (other tests).
 */
import type { BrowserContext, Request } from "@playwright/test";
import { originalUrl, readSaved, servePages } from "../scripts/lib/serve-pages.ts";
import { expect, test } from "./fixtures.ts";
import { OptionsPage } from "./pages/options-page.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { settled } from "./support/settled.ts";

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
// Hand-written: an ordinary shop page outside the covered marketplaces (no content script runs there).
const OTHER_SHOP = "https://shop.example/products/kettle";
const OTHER_SHOP_HTML = "<!doctype html><title>Kettle</title><h1>Steel kettle</h1><p>29.90 EUR</p>";
const SEARCH = "https://www.amazon.com/s?k=monitor";

/** Requests to the web made by the extension: its service worker or its own pages. */
function watchExtensionRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on("request", (request: Request) => {
    if (!/^https?:/.test(request.url())) return; // the extension's own files (chrome-extension://)
    const fromWorker = request.serviceWorker() !== null;
    let fromExtensionPage = false;
    if (!fromWorker) {
      try {
        fromExtensionPage = request.frame().url().startsWith("chrome-extension://");
      } catch {
        fromExtensionPage = false;
      }
    }
    if (fromWorker || fromExtensionPage) seen.push(`${fromWorker ? "worker" : "page"} ${request.url()}`);
  });
  return seen;
}

/** Opens the popup for a tab and waits until it shows its state and has fetched all it will. */
async function openPopupSettled(context: BrowserContext, extensionId: string, tabId: number): Promise<void> {
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.stateTitle.or(popup.risk)).toBeVisible();
  await settled(popup.page);
}

/** Opens the options page and waits until it shows the rules and has fetched all it will. */
async function openOptionsSettled(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await OptionsPage.open(context, extensionId);
  await expect(options.rules).toBeVisible();
  await settled(options.page);
}

test("browsing, the popup and the options page send no request", async ({ context, extensionId, sw }) => {
  const seen = watchExtensionRequests(context);
  await servePages(context, [
    { url: originalUrl(VIEWSONIC), body: readSaved(VIEWSONIC) },
    { url: OTHER_SHOP, body: OTHER_SHOP_HTML },
    { url: SEARCH, body: "<!doctype html><title>Amazon.com : monitor</title><h1>Results</h1>" },
  ]);

  // Control: a request the worker sends is seen.
  const worker = await sw.worker();
  await worker.evaluate(() => fetch("https://control.example/ping").catch(() => undefined));
  await expect.poll(() => seen.filter((s) => s.includes("control.example")).length).toBe(1);
  seen.length = 0;

  for (const url of [originalUrl(VIEWSONIC), SEARCH, OTHER_SHOP]) {
    const page = await context.newPage();
    await page.goto(url);
    await page.bringToFront();
    // The tab just opened is the active one (no "tabs" permission needed for its id).
    const tabId = await worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    );
    expect(typeof tabId).toBe("number");
    if (url === originalUrl(VIEWSONIC)) await expect.poll(() => sw.badgeText(tabId as number)).toBe("LOW");
    await openPopupSettled(context, extensionId, tabId as number);
  }
  await openOptionsSettled(context, extensionId);
  expect(seen).toEqual([]);
  expect(sw.errors).toEqual([]);
});

test("a web page cannot read the extension's files; the popup and options raise no CSP violation", async ({
  context,
  extensionId,
}) => {
  await servePages(context, [{ url: OTHER_SHOP, body: OTHER_SHOP_HTML }]);
  const page = await context.newPage();
  await page.goto(OTHER_SHOP);
  for (const path of ["manifest.json", "packs/default.json", "icons/icon-16.png"]) {
    const read = await page.evaluate(async (url) => {
      try {
        const response = await fetch(url);
        return `HTTP ${response.status}`;
      } catch {
        return "refused";
      }
    }, `chrome-extension://${extensionId}/${path}`);
    expect(read, path).toBe("refused");
  }

  // Chrome reports every content-security-policy violation as a console error (and a securitypolicyviolation event).
  const violations: string[] = [];
  context.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const tabId = await await context
    .serviceWorkers()[0]
    ?.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  await openPopupSettled(context, extensionId, tabId as number);
  await openOptionsSettled(context, extensionId);
  expect(violations).toEqual([]);
});
