/**
 * Browser tests in Firefox (firefox-esr, WebDriver BiDi through puppeteer-core):
 * a saved real listing gives its verdict in the popup, the verdict survives the
 * background being stopped and woken, a listing whose background was stopped
 * before it answered is sent again, the options page loads, and loads in
 * Arabic when that language is chosen. Run by
 * `npm run test:firefox` (part of `npm test`) after `npm run build:firefox-test`.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { originalUrl, readSaved } from "../scripts/lib/serve-pages.ts";
import {
  BACKGROUND_IDLE_MS,
  type FirefoxExtension,
  launchFirefox,
  openExtensionPage,
  openServed,
  poll,
  reportedTabId,
  sessionStorage,
  setLocal,
} from "./firefox.ts";

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";

let ext: FirefoxExtension;
before(async () => {
  ext = await launchFirefox();
});
after(async () => {
  await ext?.close();
});

async function popupFor(tabId: number) {
  const popup = await openExtensionPage(ext, `/src/popup/index.html?tab=${tabId}`);
  const text = (selector: string) =>
    poll(
      () => popup.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? "", selector),
      (t) => t !== "",
    );
  return { popup, text };
}

test("a saved real Amazon listing gets its verdict in the popup, and keeps it after the background restarts", async () => {
  const url = originalUrl(VIEWSONIC);
  await openServed(ext.browser, url, readSaved(VIEWSONIC));
  const tabId = await reportedTabId(ext, url);
  const state = await poll(
    async () => (await sessionStorage(ext))[`tab:${tabId}`] as { status?: string },
    (s) => s?.status === "verdict",
  );
  assert.equal(state.status, "verdict");

  const first = await popupFor(tabId);
  assert.equal(await first.text("h1.risk"), "Low risk");
  assert.equal(await first.text('dd[data-field="brand"]'), "ViewSonic");
  assert.equal(await first.text('dd[data-field="price"]'), "259.99 USD");
  const score = await first.text(".score");
  await first.popup.close();

  // Let Firefox stop the idle event page, then wake it with the popup: a new start, the same verdict.
  const starts = (await sessionStorage(ext))["diagnostics:starts"] as number;
  await new Promise((r) => setTimeout(r, BACKGROUND_IDLE_MS * 4));
  const again = await popupFor(tabId);
  assert.equal(await again.text("h1.risk"), "Low risk");
  assert.equal(await again.text(".score"), score);
  const after = (await sessionStorage(ext))["diagnostics:starts"] as number;
  assert.ok(after > starts, `the background should have been restarted (starts ${starts} → ${after})`);
  assert.deepEqual((await sessionStorage(ext))["diagnostics:errors"] ?? [], []);
  await again.popup.close();
});

test("the options page loads with its sections", async () => {
  // A query of its own: the bare path is the harness page, which later tests still need.
  const options = await openExtensionPage(ext, "/src/options/index.html?sections");
  const headings = await poll(
    () => options.evaluate(() => [...document.querySelectorAll("h1, h2")].map((h) => h.textContent?.trim() ?? "")),
    (h) => h.length > 1,
  );
  assert.equal(headings[0], "Copycatch");
  assert.ok(headings.length >= 2, `headings: ${headings.join(", ")}`);
  await options.close();
});

test("the language chosen in the options (Arabic) is read from the extension's _locales: right to left, Arabic headings", async () => {
  const set = (code: string | null) => setLocal(ext, "ui-language", code);
  await set("ar");
  try {
    const options = await openExtensionPage(ext, "/src/options/index.html?arabic");
    const page = await poll(
      () =>
        options.evaluate(() => ({
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          heading: document.querySelector("#language-title")?.textContent?.trim() ?? "",
        })),
      (p) => p.dir === "rtl" && p.heading !== "",
    );
    assert.deepEqual(page, { dir: "rtl", lang: "ar", heading: "اللغة" });
    await options.close();
  } finally {
    await set(null);
  }
});

test("a background stopped while it holds the page's listing (an idle event page is stopped even with a reply pending): the page sends the listing again and gets its verdict", async () => {
  const setPause = (ms: number | null) => setLocal(ext, "test:pause-listing", ms);
  // Test build: the background holds each listing this long before scoring it; Firefox extends an idle event
  // page's life once for a pending reply (BACKGROUND_IDLE_MS twice in all), then stops it.
  await setPause(BACKGROUND_IDLE_MS * 8);
  const url = `${originalUrl(VIEWSONIC)}?th=1`;
  try {
    const starts = ((await sessionStorage(ext))["diagnostics:starts"] as number | undefined) ?? 0;
    await openServed(ext.browser, url, readSaved(VIEWSONIC));
    await poll(
      async () => (await sessionStorage(ext))["test:reached-listing"],
      (reached) => reached === true,
    );
    await setPause(null); // the listing sent again is scored at once
    const tabId = await reportedTabId(ext, url);
    const state = await poll(
      async () => (await sessionStorage(ext))[`tab:${tabId}`] as { status?: string },
      (s) => s?.status === "verdict",
    );
    assert.equal(state.status, "verdict");
    const after = (await sessionStorage(ext))["diagnostics:starts"] as number;
    assert.ok(
      after > starts,
      `the background should have been stopped and started again (starts ${starts} → ${after})`,
    );
  } finally {
    await setPause(null);
  }
});
