/**
 * Walmart (www.walmart.com/ip/<slug>/<usItemId>, www.walmart.ca/en/ip/...).
 * Both run Next.js and ship the product in
 * `<script id="__NEXT_DATA__" type="application/json">` at
 * props.pageProps.initialData.data.product (name, brand, usItemId,
 * priceInfo.currentPrice.price/currencyUnit, priceInfo.priceRange,
 * availabilityStatus, sellerName/sellerDisplayName/sellerId,
 * imageInfo.allImages[].url, category.path[].name) and
 * ...data.reviews (averageOverallRating, totalReviewCount), ...data.idml
 * (specifications[] {name, value}). This is the structure the scrapfly
 * Walmart scraper reads (fixtures/pages/walmart/*.extracted.json.gz holds its
 * output for two live pages). The visible page is the fallback.
 *
 * Official: "Sold and shipped by Walmart.com" (Walmart.ca: "Walmart") means
 * Walmart itself is the seller, the marketplace's own first-party label; a
 * marketplace seller is any other sellerName.
 */
import type { Listing, Specific } from "../../shared/listing.ts";
import { DESCRIPTION_MAX, MAX_CATEGORIES, MAX_SPECIFICS } from "../../shared/listing.ts";
import { text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { capText, imageList } from "./lib/dom-read.ts";
import { moneyFromNumber, moneyFromText, type PriceAndRange, rangeOf } from "./lib/money.ts";
import { makeSeller } from "./lib/read.ts";
import { at, num, parseJson, str } from "./lib/script-json.ts";

const HOST = /(^|\.)walmart\.(com|ca)$/;
const ITEM_PATH = /^\/(?:(?:en|fr)\/)?ip\/(?:[^/]+\/)?([A-Za-z0-9]+)\/?$/;

function defaultCurrency(url: URL): string {
  return url.hostname.endsWith(".ca") ? "CAD" : "USD";
}

/** The __NEXT_DATA__ payload's initialData.data (product, reviews, idml). */
function nextData(ctx: ExtractContext): unknown {
  const el = ctx.doc.querySelector('script#__NEXT_DATA__[type="application/json"], script#__NEXT_DATA__');
  const json = parseJson(el?.textContent ?? null);
  return at(json, "props", "pageProps", "initialData", "data");
}

function priceOf(product: unknown, currency: string): PriceAndRange {
  const info = at(product, "priceInfo");
  const cur = str(at(info, "currentPrice", "currencyUnit")) ?? currency;
  const current = moneyFromNumber(at(info, "currentPrice", "price"), cur);
  const min = moneyFromNumber(at(info, "priceRange", "minPrice"), str(at(info, "priceRange", "currencyUnit")) ?? cur);
  const max = moneyFromNumber(at(info, "priceRange", "maxPrice"), str(at(info, "priceRange", "currencyUnit")) ?? cur);
  if (min && max) return { price: current ?? min, priceRange: rangeOf([min, max]).priceRange };
  return { price: current, priceRange: null };
}

function availabilityOf(product: unknown): Listing["availability"] {
  const s = str(at(product, "availabilityStatus"));
  if (s === "IN_STOCK") return "InStock";
  if (s === "OUT_OF_STOCK" || s === "NOT_AVAILABLE") return "OutOfStock";
  return null;
}

/** Walmart itself: "Walmart.com" (US), "Walmart" / "Walmart.ca" (Canada). */
export function isWalmartItself(name: string | null): boolean {
  return name !== null && /^walmart(\.com|\.ca)?$/i.test(name.trim());
}

function sellerOf(product: unknown): Listing["seller"] {
  const name = str(at(product, "sellerDisplayName")) ?? str(at(product, "sellerName"));
  return makeSeller({
    name,
    id: str(at(product, "sellerId")) ?? str(at(product, "catalogSellerId")),
    official: name === null ? null : isWalmartItself(name),
  });
}

function specificsOf(data: unknown): Specific[] {
  const specs = at(data, "idml", "specifications");
  if (!Array.isArray(specs)) return [];
  const out: Specific[] = [];
  for (const s of specs.slice(0, MAX_SPECIFICS)) {
    const name = str(at(s, "name"));
    const value = str(at(s, "value"));
    if (name && value) out.push({ name, value });
  }
  return out;
}

function categoriesOf(product: unknown): string[] {
  const path = at(product, "category", "path");
  if (!Array.isArray(path)) return [];
  return path
    .map((p) => str(at(p, "name")))
    .filter((n): n is string => n !== null)
    .slice(0, MAX_CATEGORIES);
}

function reviewsOf(product: unknown, reviews: unknown): Listing["reviews"] {
  const rating = num(at(reviews, "averageOverallRating")) ?? num(at(product, "averageRating"));
  const count = num(at(reviews, "totalReviewCount")) ?? num(at(product, "numberOfReviews"));
  return rating === null && count === null ? null : { rating, count };
}

function fromNextData(ctx: ExtractContext, data: unknown): ListingPatch {
  const product = at(data, "product");
  const images = at(product, "imageInfo", "allImages");
  const gtin = str(at(product, "upc")) ?? str(at(product, "gtin13"));
  return {
    title: str(at(product, "name")),
    brand: str(at(product, "brand")),
    ...priceOf(product, defaultCurrency(ctx.url)),
    sku: str(at(product, "usItemId")),
    gtin: gtin && /^\d{8,14}$/.test(gtin) ? gtin : null,
    mpn: str(at(product, "model")),
    availability: availabilityOf(product),
    seller: sellerOf(product),
    images: imageList(Array.isArray(images) ? images.map((i) => str(at(i, "url"))) : [], ctx.url),
    description: capText(str(at(product, "shortDescription"))?.replace(/<[^>]*>/g, " ") ?? null, DESCRIPTION_MAX),
    specifics: specificsOf(data),
    reviews: reviewsOf(product, at(data, "reviews")),
    categories: categoriesOf(product),
  };
}

/** The server-rendered page without its data script (rare; blocked or changed): visible fields only. */
function fromDom(ctx: ExtractContext): ListingPatch {
  const doc = ctx.doc;
  const sellerName = text(
    doc.querySelector('[data-testid="product-seller-info"] a, a[data-testid="seller-name-link"]'),
  );
  const priceText = text(doc.querySelector('[itemprop="price"], [data-testid="price-wrap"] [aria-hidden="true"]'));
  return {
    title: text(doc.querySelector('h1[itemprop="name"], h1#main-title, main h1')),
    price: moneyFromText(priceText, defaultCurrency(ctx.url)),
    seller: makeSeller({ name: sellerName, official: sellerName === null ? null : isWalmartItself(sellerName) }),
  };
}

function skuFromUrl(url: URL): string | null {
  return url.pathname.match(ITEM_PATH)?.[1] ?? null;
}

export const walmart: SiteAdapter = {
  id: "walmart",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => ITEM_PATH.test(ctx.url.pathname),
  extract(ctx): ListingPatch {
    try {
      const data = nextData(ctx);
      const patch = at(data, "product") ? fromNextData(ctx, data) : fromDom(ctx);
      return { ...patch, sku: patch.sku ?? skuFromUrl(ctx.url) };
    } catch {
      return { sku: skuFromUrl(ctx.url), warnings: ["walmart: adapter failed, generic layers only"] };
    }
  },
};
