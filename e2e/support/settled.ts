/**
 * Waits until a page has loaded and fetched nothing new for a quiet spell, read from the page's own resource
 * timing entries. Playwright's "networkidle" tracks requests through the browser's network events, and an
 * extension page on a loaded machine sometimes never reports one of them finished, so the wait hung for the
 * whole test budget; the page's own count of fetched resources has no such gap.
 */
import { expect, type Page } from "@playwright/test";

const QUIET_MS = 500;

export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForLoadState("load");
  let last = -1;
  let quietSince = Date.now();
  await expect
    .poll(
      async () => {
        const count = await page.evaluate(() => performance.getEntriesByType("resource").length);
        if (count !== last) {
          last = count;
          quietSince = Date.now();
        }
        return Date.now() - quietSince >= QUIET_MS;
      },
      { timeout, intervals: [100] },
    )
    .toBe(true);
}
