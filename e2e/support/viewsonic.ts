/**
 * The real saved Amazon page of a ViewSonic monitor, served at its own
 * address, with another title when a test needs one (then at an address of
 * its own, so each tab's verdict is found).
 */
import type { BrowserContext, Page } from "@playwright/test";
import { originalUrl, readSaved, servePages } from "../../scripts/lib/serve-pages.ts";

export const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
export const REPLICA_TITLE = "ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA";

export async function openViewSonic(context: BrowserContext, title?: string): Promise<Page> {
  const url = title ? `${originalUrl(VIEWSONIC)}?title=${encodeURIComponent(title)}` : originalUrl(VIEWSONIC);
  let body = readSaved(VIEWSONIC).toString("utf8");
  if (title) body = body.replace(/(<span id="productTitle"[^>]*>)[^<]*/, `$1 ${title} `);
  const page = await context.newPage();
  await servePages(page, [{ url, body }]);
  await page.goto(url);
  return page;
}
