/**
 * Alibaba.com (B2B; www. and the language subdomains). No real saved page is
 * in the project: built from the documented structure of the product-detail
 * page (www.alibaba.com/product-detail/<slug>_<id>.html, older
 * detail.alibaba.com/product/<id>.html). The data is read from the inline
 * script text `window.detailData = {...}` (globalData.product / .seller /
 * .trade), with the visible page (.product-title-container h1,
 * .module-pdp-main, .price-list, .company-name) as fallback.
 * Alibaba labels suppliers "Verified" or "Gold", never a brand's official
 * store, so seller.official stays null.
 */
import {
  type Availability,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  type Money,
  type PriceRange,
  type Seller,
  type Specific,
} from "../../shared/listing.ts";
import { absoluteUrl, clean } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { firstMatch, pushSpecific, visibleText } from "./lib/dom-read.ts";
import { priceFor } from "./lib/money.ts";
import { makeSeller, parseCount, parseRating, uniq } from "./lib/read.ts";
import { extractFields, safely } from "./lib/safe.ts";
import { isObject, type Json, jsonAfter, MAX_SCRIPT_JSON, pick } from "./lib/script-json.ts";

const HOST = /(^|\.)alibaba\.com$/;
const ITEM_PATH = /\/(?:product-detail\/[^/]*?_|product\/)(\d{6,20})\.html/;

/** globalData of `window.detailData`, or null. */
function detailData(ctx: ExtractContext): Json | null {
  for (const s of ctx.scriptTexts()) {
    if (ctx.overBudget()) return null;
    if (s.length > MAX_SCRIPT_JSON || !s.includes("detailData")) continue;
    const d = jsonAfter(s, /window\.detailData\s*=\s*/);
    if (isObject(d)) {
      const g = d.globalData;
      return isObject(g) ? g : d;
    }
  }
  return null;
}

function ladder(g: Json | null): Money[] {
  const tiers = pick(g, "product.price.productLadderPrices") ?? pick(g, "product.price.ladderPrices");
  if (!Array.isArray(tiers)) return [];
  const currency = clean(pick(g, "product.price.currencyCode")) ?? "USD";
  const out: Money[] = [];
  for (const t of tiers) {
    if (!isObject(t)) continue;
    const m = priceFor(clean(t.formatPrice) ?? clean(t.price), currency);
    if (m) out.push(m);
  }
  return out;
}

function prices(ctx: ExtractContext, g: Json | null): { price: Money | null; priceRange: PriceRange | null } {
  let tiers = ladder(g);
  if (tiers.length === 0) {
    // Visible tiers ("$1.20", "$0.98") or one range ("$0.98 - 1.20").
    const texts = Array.from(
      ctx.doc.querySelectorAll(".price-list .price, .price-item .price, .module-pdp-price .price"),
      (e) => visibleText(e),
    );
    tiers = texts
      .flatMap((t) => (t ? t.split(/\s[-–]\s/).map((part) => priceFor(part, "USD")) : []))
      .filter((m): m is Money => m !== null);
  }
  if (tiers.length === 0) return { price: null, priceRange: null };
  const sorted = [...tiers].sort((a, b) => Number(a.amount) - Number(b.amount));
  const min = sorted[0] as Money;
  const max = sorted[sorted.length - 1] as Money;
  return { price: min, priceRange: Number(max.amount) > Number(min.amount) ? { min, max } : null };
}

function seller(ctx: ExtractContext, g: Json | null): Seller | null {
  const s = isObject(g?.seller) ? g.seller : null;
  const link = ctx.doc.querySelector(".company-name a, .module-pdp-company-info .company-name a");
  const home = clean(s?.supplierHomeUrl) ?? link?.getAttribute("href") ?? null;
  const country = clean(s?.companyRegisterCountry) ?? clean(s?.countryCode);
  return makeSeller({
    name: clean(s?.companyName) ?? visibleText(link),
    id: clean(s?.companyId) ?? clean(s?.accountId),
    url: absoluteUrl(home?.startsWith("//") ? `https:${home}` : home, ctx.url),
    positivePercent: null,
    feedbackCount: parseCount(s?.reviewCount ?? pick(g, "seller.companyReviews.reviewCount")),
    memberSince: clean(s?.companyJoinYear) ?? null,
    country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : country,
    // Gold/Verified supplier badges are paid memberships, not brand-official stores.
    official: null,
  });
}

function specifics(ctx: ExtractContext, g: Json | null): Specific[] {
  const out: Specific[] = [];
  const props = pick(g, "product.productBasicProperties") ?? pick(g, "product.productKeyIndustryProperties");
  if (Array.isArray(props)) {
    for (const p of props) if (isObject(p)) pushSpecific(out, clean(p.attrName), clean(p.attrValue), MAX_SPECIFICS);
  }
  if (out.length === 0) {
    for (const row of Array.from(ctx.doc.querySelectorAll(".attribute-info .attribute-item, .do-entry-list dl"))) {
      pushSpecific(
        out,
        visibleText(row.querySelector(".left, dt")),
        visibleText(row.querySelector(".right, dd")),
        MAX_SPECIFICS,
      );
    }
  }
  return out;
}

function images(ctx: ExtractContext, g: Json | null): string[] {
  const media = pick(g, "product.mediaItems");
  const urls: (string | null)[] = [];
  if (Array.isArray(media)) {
    for (const m of media) {
      if (!isObject(m) || (m.type && m.type !== "image")) continue;
      const u = pick(m, "imageUrl.big") ?? pick(m, "imageUrl.normal") ?? m.imageUrl;
      urls.push(clean(u));
    }
  }
  for (const img of Array.from(ctx.doc.querySelectorAll(".main-image img, .image-list img")))
    urls.push(img.getAttribute("src"));
  return uniq(
    urls.map((u) => absoluteUrl(u?.startsWith("//") ? `https:${u}` : u, ctx.url)),
    MAX_IMAGES,
  );
}

function availability(g: Json | null): Availability | null {
  const status = clean(pick(g, "product.status")) ?? clean(pick(g, "trade.productStatus"));
  if (!status) return null;
  if (/^(published|online|approved|active)$/i.test(status)) return "InStock";
  if (/^(offline|expired|deleted|unpublished)$/i.test(status)) return "OutOfStock";
  return null;
}

function extract(ctx: ExtractContext): ListingPatch {
  const g = detailData(ctx);
  let specs: Specific[] = [];
  let p: { price: Money | null; priceRange: PriceRange | null } = { price: null, priceRange: null };
  return extractFields("alibaba", ctx, {
    title: () =>
      clean(pick(g, "product.subject")) ??
      visibleText(firstMatch(ctx.doc, [".product-title-container h1", ".module-pdp-title h1", "h1"])),
    sku: () => clean(pick(g, "product.productId")) ?? ctx.url.pathname.match(ITEM_PATH)?.[1] ?? null,
    price: () => {
      p = prices(ctx, g);
      return p.price;
    },
    priceRange: () => p.priceRange,
    availability: () => availability(g),
    seller: () => seller(ctx, g),
    specifics: () => {
      specs = specifics(ctx, g);
      return specs;
    },
    brand: () => {
      const b = specs.find((s) => /^(brand name|brand)$/i.test(s.name))?.value ?? null;
      // "OEM"/"ODM" in the brand field means the factory will print any brand: not a brand.
      return b && !/^(oem|odm|oem\/odm|no brand|none|unbranded|other|customized?)$/i.test(b) ? b : null;
    },
    mpn: () => specs.find((s) => /^(model number|model no\.?)$/i.test(s.name))?.value ?? null,
    shipsFrom: () => specs.find((s) => /^(place of origin)$/i.test(s.name))?.value ?? null,
    reviews: () => {
      const rating = parseRating(
        pick(g, "product.review.averageStar") ?? pick(g, "product.productReviews.averageStar"),
      );
      const count = parseCount(pick(g, "product.review.totalCount") ?? pick(g, "product.productReviews.reviewCount"));
      return rating === null && count === null ? null : { rating, count };
    },
    images: () => images(ctx, g),
    categories: () =>
      uniq(
        Array.from(ctx.doc.querySelectorAll(".detail-breadcrumb a, .breadcrumb a"), (a) => visibleText(a)).filter(
          (t) => t && !/^(home|alibaba\.com)$/i.test(t),
        ),
        MAX_CATEGORIES,
      ),
  });
}

export const alibaba: SiteAdapter = {
  id: "alibaba",
  matchesHost: (host) => HOST.test(host.toLowerCase()),
  isListing: (ctx) => safely(() => ITEM_PATH.test(ctx.url.pathname) || detailData(ctx) !== null),
  extract,
};
