/**
 * Etsy (etsy.com in every language path, /es/, /de/, ...). The listing page
 * carries a schema.org Product in JSON-LD (name, sku = listing id, brand =
 * the shop, AggregateOffer low/high, availability, shipping origin); the
 * adapter adds what only the visible page says: the shown price, the shop
 * (name, id, URL, review count) and the listing id from /listing/<id>.
 */
import {
  type Availability,
  MAX_CATEGORIES,
  MAX_IMAGES,
  type Money,
  type PriceRange,
  type Seller,
} from "../../shared/listing.ts";
import { absoluteUrl, clean } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { firstMatch, visibleText } from "./lib/dom-read.ts";
import { ldBreadcrumb, ldNodes } from "./lib/ld.ts";
import { priceFor } from "./lib/money.ts";
import { makeSeller, parseCount, uniq } from "./lib/read.ts";
import { extractFields, safely } from "./lib/safe.ts";
import { isObject, type Json } from "./lib/script-json.ts";

const HOST = /(^|\.)etsy\.com$/;
const LISTING_PATH = /\/listing\/(\d{5,15})(?:[/?#]|$)/;

function product(ctx: ExtractContext): Json | null {
  return ldNodes(ctx, "Product")[0] ?? null;
}

function offer(p: Json | null): Json | null {
  const o = p?.offers;
  return isObject(o) ? o : Array.isArray(o) && isObject(o[0]) ? o[0] : null;
}

function price(ctx: ExtractContext, p: Json | null): Money | null {
  const el = firstMatch(ctx.doc, [
    "[data-buy-box-region='price'] p.wt-text-title-larger",
    "[data-buy-box-region='price'] p",
  ]);
  // "Price: €40.63+" (the "+" means "from", variations cost more); the label is screen-reader text.
  const raw = visibleText(el)
    ?.replace(/^[^\d€$£¥₹]*?:\s*/, "")
    .replace(/\+$/, "");
  const currency = clean(offer(p)?.priceCurrency);
  return priceFor(raw, currency);
}

function priceRange(p: Json | null): PriceRange | null {
  const o = offer(p);
  const cur = clean(o?.priceCurrency);
  const low = clean(o?.lowPrice);
  const high = clean(o?.highPrice);
  if (!low || !high || low === high || !/^\d+(\.\d+)?$/.test(low) || !/^\d+(\.\d+)?$/.test(high)) return null;
  return { min: { amount: low, currency: cur }, max: { amount: high, currency: cur } };
}

function availability(p: Json | null): Availability | null {
  const a = clean(offer(p)?.availability) ?? "";
  if (/InStock|LimitedAvailability|OnlineOnly/i.test(a)) return "InStock";
  if (/OutOfStock|SoldOut|Discontinued/i.test(a)) return "OutOfStock";
  return null;
}

function seller(ctx: ExtractContext): Seller | null {
  const link = firstMatch(ctx.doc, [
    "[data-appears-component-name='lp_existing_shop_header'] a[href*='/shop/']",
    "a[href*='/shop/'][href*='ref=shop-header-name']",
    "#shop-info a[href*='/shop/']",
  ]);
  const href = link?.getAttribute("href") ?? null;
  const name = visibleText(link) ?? href?.match(/\/shop\/([^/?#]+)/)?.[1] ?? null;
  const reviewsRoot = ctx.doc.querySelector("[data-shop-reviews-count]") ?? ctx.doc.querySelector("[data-shop-id]");
  return makeSeller({
    name,
    id: reviewsRoot?.getAttribute("data-shop-id") ?? null,
    url: href ? absoluteUrl(href.split("?")[0], ctx.url) : null,
    feedbackCount: parseCount(reviewsRoot?.getAttribute("data-shop-reviews-count")),
    // Etsy has no official/brand-store label for shops.
    official: null,
  });
}

function images(p: Json | null, ctx: ExtractContext): string[] {
  const list = Array.isArray(p?.image) ? p.image : p?.image ? [p.image] : [];
  return uniq(
    list.map((i) => absoluteUrl(isObject(i) ? clean(i.contentURL ?? i.contentUrl ?? i.url) : clean(i), ctx.url)),
    MAX_IMAGES,
  );
}

function shipsFrom(p: Json | null): string | null {
  const o = offer(p);
  const d = Array.isArray(o?.shippingDetails) ? o.shippingDetails[0] : o?.shippingDetails;
  const origin = isObject(d) ? d.shippingOrigin : null;
  return isObject(origin) ? clean(origin.addressCountry) : null;
}

function extract(ctx: ExtractContext): ListingPatch {
  const p = product(ctx);
  return extractFields("etsy", ctx, {
    title: () => visibleText(firstMatch(ctx.doc, ["h1[data-buy-box-listing-title]", "h1"])) ?? clean(p?.name),
    sku: () => ctx.url.pathname.match(LISTING_PATH)?.[1] ?? clean(p?.sku),
    price: () => price(ctx, p),
    priceRange: () => priceRange(p),
    availability: () => availability(p),
    seller: () => seller(ctx),
    shipsFrom: () => shipsFrom(p),
    images: () => images(p, ctx),
    categories: () => uniq(ldBreadcrumb(ctx), MAX_CATEGORIES),
  });
}

export const etsy: SiteAdapter = {
  id: "etsy",
  matchesHost: (host) => HOST.test(host.toLowerCase()),
  isListing: (ctx) => safely(() => LISTING_PATH.test(ctx.url.pathname)),
  extract,
};
