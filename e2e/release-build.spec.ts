/**
 * The release build (dist/: no host access up front, activeTab only), where a
 * toolbar click is not needed: the verdict of a listing, the shopper's report
 * (the marketplace's report page and the prepared text, no capture), and an
 * agent's report from a popup opened without the toolbar click, which must be
 * refused plainly with nothing saved.
 *
 * What only a real toolbar click can test (Playwright cannot click the
 * browser's toolbar, and opening the popup as a page grants nothing): the
 * activeTab grant itself (the popup reading the tab's URL, then the worker
 * taking tabs.captureVisibleTab and pageCapture.saveAsMHTML of that tab) on
 * the release build. The test build grants <all_urls> in its manifest for
 * those flows (e2e/report.spec.ts); docs/security.md says the same.
 */
import { expect, test } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { openViewSonic, REPLICA_TITLE } from "./support/viewsonic.ts";

test("release build: verdict and shopper report work without host access; an agent report without the toolbar click is refused plainly, nothing saved", async ({
  context,
  extensionId,
  sw,
}) => {
  const worker = await sw.worker();
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  // The release build: no host access asked up front.
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ["<all_urls>"] }))).toBe(false);

  const listing = await openViewSonic(context, REPLICA_TITLE, { atOriginalUrl: true });
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");

  // Shopper: the verdict and the prepared report, no capture needed.
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.risk).toContainText(/high/i);
  await popup.page.getByRole("button", { name: "Report to Amazon" }).click();
  await expect(popup.page.locator("textarea.report-text")).toHaveValue(/may be offering counterfeit ViewSonic goods/);
  await popup.close();

  // Agent, without agent mode's site access and without the toolbar click. The role is set by its message: the
  // options page's radio also asks for site access, a prompt headless Chromium leaves pending.
  const options = await OptionsCases.open(context, extensionId);
  const reply = await options.page.evaluate(() => chrome.runtime.sendMessage({ type: "set-role", role: "agent" }));
  expect(reply?.ok).toBe(true);
  const agentPopup = await PopupPage.open(context, extensionId, tabId);
  await agentPopup.page.getByRole("button", { name: "File a case with evidence" }).click();
  await expect(agentPopup.page.locator(".report .error-message")).toContainText(
    "click the Copycatch button in the toolbar",
  );
  expect(await options.storeCounts()).toEqual({ cases: 0, evidence: 0, outbox: 0 });
});
