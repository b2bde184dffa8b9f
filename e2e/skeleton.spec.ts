/**
 * The walking skeleton, end to end: a real saved Amazon page served at its
 * real URL → content script → background verdict → badge and popup.
 */

import { originalUrl, readSaved, servePages } from "../scripts/lib/serve-pages.ts";
import { expect, test, testOnTestBuild } from "./fixtures.ts";
import { OptionsPage } from "./pages/options-page.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { pauses } from "./support/test-pause.ts";

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";

async function openListing(context: import("@playwright/test").BrowserContext, url: string, body: Buffer | string) {
  await servePages(context, [{ url, body }]);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test("a genuine Amazon listing shows low risk in the popup and the badge", async ({ context, extensionId, sw }) => {
  const url = originalUrl(VIEWSONIC);
  const page = await openListing(context, url, readSaved(VIEWSONIC));
  const tabId = await sw.tabIdOf(page);
  await expect.poll(() => sw.badgeText(tabId)).toBe("LOW");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.risk).toHaveText("Low risk");
  await expect(popup.field("brand")).toHaveText("ViewSonic");
  await expect(popup.field("price")).toHaveText("259.99 USD");
  await expect(popup.field("title")).toContainText("ViewSonic VX3276-4K-MHD");
  expect(sw.errors).toEqual([]);
});

test("the same page with a replica-style title shows high risk, naming the term", async ({
  context,
  extensionId,
  sw,
}) => {
  const url = originalUrl(VIEWSONIC);
  const original = readSaved(VIEWSONIC).toString("utf8");
  const swapped = original.replace(
    /(<span id="productTitle"[^>]*>)[^<]*/,
    "$1 ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA quality super copy ",
  );
  expect(swapped).not.toBe(original);
  const page = await openListing(context, url, swapped);
  const tabId = await sw.tabIdOf(page);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.risk).toHaveText("High risk");
  await expect(popup.reasons.filter({ hasText: /replica/i }).first()).toBeVisible();
  expect(sw.errors).toEqual([]);
});

test("a page that is not a listing shows 'Not a listing'", async ({ context, extensionId, sw }) => {
  // Hand-written: no saved non-listing marketplace page exists in the fixtures.
  const search =
    "<!doctype html><title>Amazon.com : monitor</title><h1>Results</h1><div data-asin='B07SRDX1Z1'>x</div>";
  const page = await openListing(context, "https://www.amazon.com/s?k=monitor", search);
  const tabId = await sw.tabIdOf(page);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.stateTitle).toHaveText("Not a listing");
  expect(await sw.badgeText(tabId)).toBe("");
  expect(sw.errors).toEqual([]);
});

test("the verdict survives the service worker being stopped", async ({ context, extensionId, sw }) => {
  const url = originalUrl(VIEWSONIC);
  const page = await openListing(context, url, readSaved(VIEWSONIC));
  const tabId = await sw.tabIdOf(page);
  await expect.poll(() => sw.badgeText(tabId)).toBe("LOW");
  const before = await PopupPage.open(context, extensionId, tabId);
  await expect(before.risk).toHaveText("Low risk");
  const score = await before.score.textContent();
  await before.close();

  // Mark the running worker; a restarted worker starts without the mark.
  await (await sw.worker()).evaluate(() => {
    (globalThis as { __beforeStop?: boolean }).__beforeStop = true;
  });
  await sw.stop(page);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect
    .poll(async () => {
      const workers = context.serviceWorkers();
      const current = workers[workers.length - 1];
      return current
        ?.evaluate(() => (globalThis as { __beforeStop?: boolean }).__beforeStop ?? false)
        .catch(() => "gone");
    })
    .toBe(false);
  await expect(popup.risk).toHaveText("Low risk");
  await expect(popup.score).toHaveText(score ?? "");
  expect(sw.errors).toEqual([]);
});

testOnTestBuild(
  "a worker stopped while it holds the page's listing: the page sends the listing again and gets its verdict",
  async ({ context, extensionId, sw }) => {
    // Test build: hold every listing for 20 s before scoring, and say so in storage.session.
    const options = await OptionsPage.open(context, extensionId);
    const pause = pauses(options.page);
    await pause.hold("listing", 20_000);
    const url = originalUrl(VIEWSONIC);
    const page = await openListing(context, url, readSaved(VIEWSONIC));
    await expect.poll(() => pause.reached("listing")).toBe(true);
    const tabStates = () =>
      options.page.evaluate(async () =>
        Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith("tab:")),
      );
    expect(await tabStates()).toEqual([]);

    // The listing is in the worker's hands, unanswered; the worker stops and its answer is lost.
    await pause.hold("listing", null);
    await sw.stop(page);
    const tabId = await sw.tabIdOf(page);
    await expect.poll(() => sw.badgeText(tabId)).toBe("LOW");
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.risk).toHaveText("Low risk");
    expect(sw.errors).toEqual([]);
  },
);
