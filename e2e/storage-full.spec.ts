/**
 * Storage full, for real: the browser profile lives on a 32 MB tmpfs (e2e/support/small-disk.ts), so Chromium
 * holds the extension's origin to about 60 % of it. One case is filed, then an extension page
 * fills the origin's quota with incompressible bytes in a database of its own, and the next case (screenshot,
 * MHTML, listing record) no longer fits: the popup must say "Storage is full", no part of that case may be
 * kept, and the earlier case must still be listed with its evidence matching its manifest hash. Test build
 * (dist-test/: <all_urls> granted for the capture). Then the space is freed and the same case is filed in full.
 */
import { DIST_TEST, type ExtensionBrowser, launchWithExtension, reportedTabId } from "../scripts/lib/browser.ts";
import { verifyBundle } from "../src/shared/case-bundle.ts";
import { expect, test } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { mountSmallDisk } from "./support/small-disk.ts";
import { openViewSonic, REPLICA_TITLE } from "./support/viewsonic.ts";

/** Writes random bytes into a database of the extension's origin until the browser refuses; returns the bytes kept. */
function fillQuota(options: OptionsCases): Promise<{ stored: number; refusal: string }> {
  return options.page.evaluate(async () => {
    const open = indexedDB.open("quota-filler", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("blobs", { autoIncrement: true });
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (bytes: Uint8Array) =>
      new Promise<string | null>((resolve) => {
        const tx = database.transaction("blobs", "readwrite");
        tx.objectStore("blobs").add(bytes);
        tx.oncomplete = () => resolve(null);
        tx.onabort = () => resolve(tx.error?.name ?? "AbortError");
      });
    const random = (size: number) => {
      const bytes = new Uint8Array(size);
      for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
      return bytes;
    };
    let stored = 0;
    let refusal = "";
    // Big chunks first, then ever smaller ones, until even 16 KB no longer fits.
    for (const size of [4 << 20, 1 << 20, 256 << 10, 64 << 10, 16 << 10]) {
      for (;;) {
        const error = await put(random(size));
        if (error) {
          refusal = error;
          break;
        }
        stored += size;
      }
    }
    database.close();
    return { stored, refusal };
  });
}

test("storage full: the case is refused with a plain message, nothing of it is kept, the earlier case is intact", async () => {
  // Two cases filed with their captures on a small disk: about 33 s with two workers at load 10, over 60 s with
  // three. The limit catches a hang, not slowness.
  test.setTimeout(120_000);
  const disk = mountSmallDisk(32);
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchWithExtension({ dist: DIST_TEST, userDataDir: disk.dir });
    const { context, extensionId } = browser;
    const options = await OptionsCases.openAsAgent(context, extensionId);
    const listing = await openViewSonic(context, REPLICA_TITLE, { atOriginalUrl: true });
    const tabId = await reportedTabId(browser, listing);

    // The earlier case, filed while there is room; its manifest hash as the options page shows it.
    const first = await PopupPage.open(context, extensionId, tabId);
    await first.page.getByRole("button", { name: "File a case with evidence" }).click();
    await expect(first.page.locator(".report.filed h2")).toHaveText("Case saved");
    const caseId = (await first.page.locator(".case-id code").textContent()) ?? "";
    await first.close();
    await options.page.reload();
    await options.row(caseId).getByRole("button", { name: "Notices" }).click();
    const manifestSha = (await options.page.locator(".manifest-hash code").textContent()) ?? "";
    expect(manifestSha).toMatch(/^[0-9a-f]{64}$/);
    const before = await options.storeCounts();
    expect(before.cases).toBe(1);

    const filled = await fillQuota(options);
    // The limit that stopped it is the small disk's (the quota the page is told is a fixed figure, not the limit).
    expect(filled.stored).toBeLessThan(32 << 20);
    expect(filled.refusal).toBe("QuotaExceededError");
    expect(filled.stored).toBeGreaterThan(0);

    const second = await PopupPage.open(context, extensionId, tabId);
    await second.page.getByRole("button", { name: "File a case with evidence" }).click();
    await expect(second.page.locator(".report .error-message")).toContainText(
      "Storage is full: this case was not saved, and nothing of it was kept.",
    );
    await expect(second.page.locator(".report.filed")).toHaveCount(0);

    // Nothing of the refused case; the earlier case listed, its export matching the hash recorded before.
    expect(await options.storeCounts()).toEqual(before);
    await options.page.reload();
    await expect(options.rows).toHaveCount(1);
    await expect(options.row(caseId)).toBeVisible();
    const zip = await options.exportZip(caseId);
    const check = await verifyBundle(new Uint8Array(zip.bytes), manifestSha);
    expect(check.problems).toEqual([]);
    expect(check.intact).toBe(true);

    // Space freed as the message advises: the same case is filed in full.
    await options.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const r = indexedDB.deleteDatabase("quota-filler");
          r.onsuccess = resolve;
          r.onerror = () => reject(r.error);
        }),
    );
    const third = await PopupPage.open(context, extensionId, tabId);
    await third.page.getByRole("button", { name: "File a case with evidence" }).click();
    await expect(third.page.locator(".report.filed h2")).toHaveText("Case saved");
    expect(await options.storeCounts()).toEqual({ ...before, cases: 2, evidence: before.evidence * 2 });
  } finally {
    await browser?.close();
    disk.unmount();
  }
});
