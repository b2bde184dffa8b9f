/**
 * Pages the browser closes to extensions give a clear "cannot check this
 * page" state, and rapid repeated reports file exactly one case. Test build
 * (dist-test/: <all_urls> granted, as after agent mode's permission prompt),
 * so that only the browser's own refusals are left.
 *
 * The pages: a browser page (chrome://version), a file opened from disk (here
 * Chromium lets the extension script it, so the worker refuses it by its URL),
 * a PDF shown by the browser's viewer (a hand-written one-page PDF, served
 * locally), and the Chrome Web Store at both its addresses. A navigation to
 * the store never reaches context.route, so the store's host names are
 * resolved to a loopback HTTPS server instead (e2e/support/https-site.ts);
 * Chromium decides what it refuses by the address, so the page it refuses is
 * ours, served without the network.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page, Worker } from "@playwright/test";
import { servePages } from "../scripts/lib/serve-pages.ts";
import { expect, testOnTestBuild as test, testOnHttpsSite } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { openViewSonic, REPLICA_TITLE } from "./support/viewsonic.ts";

/** A minimal valid one-page PDF (hand-written; xref offsets computed below). */
function tinyPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** The id of the active tab (the page just opened): restricted pages report nothing and hide their URL. */
async function activeTabId(worker: Worker): Promise<number> {
  const id = await worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null,
  );
  if (id === null) throw new Error("no active tab");
  return id;
}

async function expectCannotCheck(context: BrowserContext, extensionId: string, worker: Worker, page: Page) {
  await page.bringToFront();
  const tabId = await activeTabId(worker);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.stateTitle).toHaveText("Not checked yet");
  await popup.page.getByRole("button", { name: "Check this page" }).click();
  await expect(popup.stateTitle).toHaveText("Copycatch cannot check this page");
  await expect(popup.page.locator(".unavailable-reason")).toContainText("Copycatch reads web pages only");
  await popup.close();
}

test("restricted pages: chrome://, a file from disk, a PDF say Copycatch cannot check them", async ({
  context,
  extensionId,
  sw,
}) => {
  const worker = await sw.worker();
  const dir = mkdtempSync(join(tmpdir(), "copycatch-file-"));
  try {
    const browserPage = await context.newPage();
    await browserPage.goto("chrome://version/");
    await expectCannotCheck(context, extensionId, worker, browserPage);

    const file = join(dir, "listing.html");
    writeFileSync(file, "<!doctype html><title>Saved listing</title><h1>Nike Air Max replica</h1>");
    const filePage = await context.newPage();
    await filePage.goto(`file://${file}`);
    await expectCannotCheck(context, extensionId, worker, filePage);

    const pdf = await context.newPage();
    const pdfUrl = "https://www.example.com/catalogue.pdf";
    await servePages(pdf, [{ url: pdfUrl, body: tinyPdf(), contentType: "application/pdf" }]);
    await pdf.goto(pdfUrl).catch(() => undefined); // the viewer may report the navigation as a download
    await expectCannotCheck(context, extensionId, worker, pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A listing by its markup alone (schema.org Product): wherever the content script runs, it gives a verdict. */
const STORE_LISTING_TITLE = "Nike Air Max 90 replica 1:1";
const STORE_LISTING = `<!doctype html><html><head><title>${STORE_LISTING_TITLE}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"${STORE_LISTING_TITLE}",
"brand":{"@type":"Brand","name":"Nike"},"offers":{"@type":"Offer","price":"19.99","priceCurrency":"USD"}}</script>
</head><body><h1>${STORE_LISTING_TITLE}</h1><p>$19.99</p></body></html>`;

/**
 * The isolated worlds the extension opens in the page, as the DevTools protocol reports them: a content script
 * of ours, declared or injected, runs in one (origin chrome-extension://ID). The list fills as the page runs.
 */
async function extensionWorlds(context: BrowserContext, page: Page, extensionId: string): Promise<string[]> {
  const worlds: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on("Runtime.executionContextCreated", ({ context: c }) => {
    if (c.origin === `chrome-extension://${extensionId}`) worlds.push(`${c.name} in ${c.auxData?.frameId}`);
  });
  await cdp.send("Runtime.enable");
  return worlds;
}

testOnHttpsSite(
  "the Chrome Web Store, at both its addresses, says Copycatch cannot check it, and no content script runs there",
  async ({ context, extensionId, site, sw }) => {
    const worker = await sw.worker();
    const stores = [
      "https://chromewebstore.google.com/detail/copycatch/abc",
      "https://chrome.google.com/webstore/detail/abc",
    ];
    const shop = "https://shop.example.com/detail/abc";
    for (const url of [...stores, shop]) site.serve(url, STORE_LISTING);

    // The same page at an ordinary shop's address: "Check this page" runs the content script, and it is seen.
    const shopPage = await context.newPage();
    const shopWorlds = await extensionWorlds(context, shopPage, extensionId);
    await shopPage.goto(shop);
    await shopPage.bringToFront();
    const popup = await PopupPage.open(context, extensionId, await activeTabId(worker));
    await popup.page.getByRole("button", { name: "Check this page" }).click();
    await expect(popup.risk).toBeVisible({ timeout: 20_000 });
    await expect(popup.isolated("title")).toHaveText(STORE_LISTING_TITLE);
    await popup.close();
    expect(shopWorlds.length).toBeGreaterThan(0);

    for (const url of stores) {
      const store = await context.newPage();
      const worlds = await extensionWorlds(context, store, extensionId);
      await store.goto(url);
      await expect(store.locator("h1")).toHaveText(STORE_LISTING_TITLE); // the tab shows our page, not the network's
      expect(site.requests).toContain(url);
      await expectCannotCheck(context, extensionId, worker, store);
      expect(worlds, url).toEqual([]);
    }
    expect(sw.errors).toEqual([]);
  },
);

test("a double or triple click on report, and reports sent at once, file exactly one case each", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await OptionsCases.openAsAgent(context, extensionId);
  const listing = await openViewSonic(context, REPLICA_TITLE, { atOriginalUrl: true });
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");

  // Three clicks in one task: all reach the button before the popup re-renders it as busy.
  const popup = await PopupPage.open(context, extensionId, tabId);
  const button = popup.page.getByRole("button", { name: "File a case with evidence" });
  await button.evaluate((b: HTMLButtonElement) => {
    b.click();
    b.click();
    b.click();
  });
  await expect(popup.page.locator(".report.filed h2")).toHaveText("Case saved");
  expect((await options.storeCounts()).cases).toBe(1);

  // Three reports for the same tab sent at once (another popup, a script): one case, the same answer to each.
  const ids = await popup.page.evaluate(async (tab) => {
    const send = () => chrome.runtime.sendMessage({ type: "report-case", tabId: tab, details: null });
    const replies = await Promise.all([send(), send(), send()]);
    return replies.map((r) => (r?.ok ? r.value.caseId : `error: ${r?.error}`));
  }, tabId);
  expect(new Set(ids).size).toBe(1);
  expect(ids[0]).not.toMatch(/^error/);
  expect((await options.storeCounts()).cases).toBe(2);
});
