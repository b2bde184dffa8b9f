/**
 * The real saved Amazon page of a ViewSonic monitor, served at its own
 * address, with another title when a test needs one (then, by default, at an
 * address of its own, so each tab's verdict is found).
 */
import type { BrowserContext, Page } from "@playwright/test";
import { originalUrl, readSaved, servePages } from "../../scripts/lib/serve-pages.ts";

export const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
export const REPLICA_TITLE = "ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA";

/** The saved page's HTML with `title` as its product title (HTML: escape markup meant to be the title's text). */
export function viewSonicTitled(title: string): string {
  const original = readSaved(VIEWSONIC).toString("utf8");
  const body = original.replace(/(<span id="productTitle"[^>]*>)[^<]*/, `$1 ${title} `);
  if (body === original) throw new Error(`${VIEWSONIC}: no product title to replace`);
  return body;
}

/**
 * Opens the page in a new tab, served by routes on that page (the worker's own requests are never paused).
 * `atOriginalUrl`: a titled page at the listing's real address (a test with one listing whose case records it).
 */
export async function openViewSonic(
  context: BrowserContext,
  title?: string,
  opts: { atOriginalUrl?: boolean } = {},
): Promise<Page> {
  const own = title !== undefined && !opts.atOriginalUrl;
  const url = own ? `${originalUrl(VIEWSONIC)}?title=${encodeURIComponent(title)}` : originalUrl(VIEWSONIC);
  const body = title === undefined ? readSaved(VIEWSONIC).toString("utf8") : viewSonicTitled(title);
  const page = await context.newPage();
  await servePages(page, [{ url, body }]);
  await page.goto(url);
  return page;
}
