/**
 * Pages the browser closes to extensions give a clear "cannot check this
 * page" state, and rapid repeated reports file exactly one case. Test build
 * (dist-test/: <all_urls> granted, as after agent mode's permission prompt),
 * so that only the browser's own refusals are left.
 *
 * The pages: a browser page (chrome://version), a file opened from disk (here
 * Chromium lets the extension script it, so the worker refuses it by its URL),
 * and a PDF shown by the
 * browser's viewer (a hand-written one-page PDF, served locally). The Chrome
 * Web Store is not here: a navigation to its address never reached the
 * page's route in our runs (Chromium handles that host itself), and the test
 * may not touch the network. The store takes the same path as chrome:// (the
 * browser refuses executeScript, the popup says it cannot check the page).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page, Worker } from "@playwright/test";
import { servePages } from "../scripts/lib/serve-pages.ts";
import { expect, testOnTestBuild as test } from "./fixtures.ts";
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
