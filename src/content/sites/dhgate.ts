/**
 * DHgate (www.dhgate.com/product/<slug>/<itemcode>.html, also m.dhgate.com and
 * country subdomains such as de.dhgate.com). Built from the documented page
 * structure (no saved page exists): the page ships a schema.org Product in
 * JSON-LD (read by the generic layer), the visible title in `h1`, the price in
 * `.product-price` (often a quantity-tier range "US $12.34 - 15.67"), and the
 * store card with `.store-name`, its positive-feedback percentage and badges
 * such as "Top Merchant" (a sales-volume tier, not a brand label).
 *
 * Official: DHgate has no official or brand stores, so `official` is false.
 */
import type { Listing } from "../../shared/listing.ts";
import { absoluteUrl, attr, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { priceOrRange } from "./lib/money.ts";
import { makeSeller, parseCount } from "./lib/read.ts";

const HOST = /(^|\.)dhgate\.com$/;
const ITEM_PATH = /^\/product\/(?:[^/]+\/)?(\d{5,15})\.html$/;
const STORE = ".store-name a, .store-name, .seller-name a, .shop-name a";

/** The currency the page shows ("US $", "€", "EUR"); DHgate's default is USD. */
function currencyOf(raw: string | null): string {
  if (!raw) return "USD";
  if (/€|EUR/.test(raw)) return "EUR";
  if (/£|GBP/.test(raw)) return "GBP";
  if (/AU ?\$|AUD/.test(raw)) return "AUD";
  if (/C ?\$|CAD/.test(raw)) return "CAD";
  return "USD";
}

function storeOf(ctx: ExtractContext): Listing["seller"] {
  const el = ctx.doc.querySelector(STORE);
  const link = el?.tagName === "A" ? el : (el?.querySelector("a") ?? null);
  const card = el?.closest(".store-info, .seller-info, .store-card, aside, section") ?? null;
  const feedback = text(card)?.match(/(\d{1,3}(?:\.\d+)?)\s*%\s*positive/i)?.[1];
  const reviews = text(card)?.match(/([\d,.]+)\s*(?:reviews|transactions)/i)?.[1];
  return makeSeller({
    name: attr(el, "title") ?? text(el),
    url: absoluteUrl(link?.getAttribute("href"), ctx.url),
    id: link?.getAttribute("href")?.match(/\/store\/(\d+)/)?.[1] ?? null,
    positivePercent: feedback ? Number(feedback) : null,
    feedbackCount: parseCount(reviews),
    official: false,
  });
}

export const dhgate: SiteAdapter = {
  id: "dhgate",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => ITEM_PATH.test(ctx.url.pathname),
  extract(ctx): ListingPatch {
    const sku = ctx.url.pathname.match(ITEM_PATH)?.[1] ?? null;
    try {
      const priceText = text(ctx.doc.querySelector(".product-price .price, .product-price, .hinfo-price"));
      return {
        title: text(ctx.doc.querySelector(".product-info h1, .hinfo-title h1, h1")),
        ...priceOrRange(priceText?.replace(/^[^\d]*/, "") ?? null, currencyOf(priceText)),
        sku,
        seller: storeOf(ctx),
      };
    } catch {
      return { sku, warnings: ["dhgate: adapter failed, generic layers only"] };
    }
  },
};
