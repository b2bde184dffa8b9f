/**
 * Storage full while a case is saved: a clear "storage full" message, no part
 * of the new case kept, the earlier case intact. Test build (capture needs
 * <all_urls> without a toolbar click).
 *
 * The quota is real, not simulated: Chromium's DevTools protocol
 * (Storage.overrideQuotaForOrigin) lowers the extension origin's quota to just
 * above what it uses once the first case is saved, so IndexedDB itself refuses
 * the second case's transaction with QuotaExceededError. Filling a default
 * profile's quota (a share of the disk) would take far too long.
 */
import type { Page } from "@playwright/test";
import { originalUrl, readSaved, servePages } from "../scripts/lib/serve-pages.ts";
import { verifyBundle } from "../src/shared/case-bundle.ts";
import { expect, testOnTestBuild as test } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";

async function fileCase(page: Page): Promise<void> {
  await page.getByRole("button", { name: "File a case with evidence" }).click();
}

test("storage full while saving a case: a clear message, nothing of the case kept, the earlier case intact", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await OptionsCases.open(context, extensionId);
  await options.chooseRole("agent");
  await options.fillProfile({
    name: "Ada Agent",
    company: "ViewSonic Corporation",
    email: "brand-protection@example.com",
    authorisationRef: "LOA-2025-017",
    trademarks: [],
  });
  const url = originalUrl(VIEWSONIC);
  const listing = await context.newPage();
  const body = readSaved(VIEWSONIC)
    .toString("utf8")
    .replace(/(<span id="productTitle"[^>]*>)[^<]*/, "$1 ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA ");
  await servePages(listing, [{ url, body }]);
  await listing.goto(url);
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");

  const first = await PopupPage.open(context, extensionId, tabId);
  await fileCase(first.page);
  await expect(first.page.locator(".report.filed h2")).toHaveText("Case saved");
  const firstId = (await first.page.locator(".case-id code").textContent()) ?? "";
  await first.close();
  const before = await options.storeCounts();
  expect(before.cases).toBe(1);

  // The extension's quota: what it uses now plus 64 KB, less than a case's screenshot and page archive.
  const cdp = await context.newCDPSession(options.page);
  const origin = `chrome-extension://${extensionId}`;
  const { usage } = (await cdp.send("Storage.getUsageAndQuota", { origin })) as { usage: number };
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: Math.ceil(usage) + 64 * 1024 });

  const second = await PopupPage.open(context, extensionId, tabId);
  await fileCase(second.page);
  await expect(second.page.locator(".report .error-message")).toContainText("Storage is full");
  await expect(second.page.locator(".report .error-message")).toContainText("Your earlier cases are safe");
  expect(await options.storeCounts()).toEqual(before);

  // The earlier case: listed, and its export verifies.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin }); // the quota back, for the export's reads
  await options.page.reload();
  const check = await verifyBundle(new Uint8Array((await options.exportZip(firstId)).bytes));
  expect(check.problems).toEqual([]);
  await cdp.detach();
});
