/**
 * Temu (www.temu.com/<slug>-g-<goodsId>.html, with country subpaths such as
 * /uk/, /de/, /ca/). Built from the documented page structure (no saved page
 * exists): the page ships its state as `window.rawData = {...}` in script text,
 * with the goods record (goodsId, goodsName, price info) and the store record
 * (mallId, mallName) under `store`. Temu moves these between releases, so we
 * find them by their keys within a bounded walk, not by a fixed path. The
 * visible page and the generic layers (Temu also ships JSON-LD) fill the rest.
 *
 * Official: Temu labels some stores "Brand Official Store" / "Official Store"
 * with a badge in the store card; only that visible badge counts, never the
 * store's name. Without the badge we cannot tell, so `official` is null.
 */
import type { Listing } from "../../shared/listing.ts";
import { absoluteUrl, isHidden, meta, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { imageList } from "./lib/dom-read.ts";
import { moneyFromMinor, moneyFromText, type PriceAndRange, rangeOf } from "./lib/money.ts";
import { makeSeller } from "./lib/read.ts";
import { at, findObject, jsonInScripts, num, str } from "./lib/script-json.ts";

const HOST = /(^|\.)temu\.com$/;
const GOODS_PATH = /-g-(\d{6,20})\.html$/;

/** Temu's country subpath → its currency (temu.com without a subpath is the US store). */
const COUNTRY_CURRENCY: Record<string, string> = {
  uk: "GBP",
  de: "EUR",
  fr: "EUR",
  it: "EUR",
  es: "EUR",
  nl: "EUR",
  be: "EUR",
  at: "EUR",
  ie: "EUR",
  pt: "EUR",
  ca: "CAD",
  au: "AUD",
  nz: "NZD",
  jp: "JPY",
  kr: "KRW",
  mx: "MXN",
  br: "BRL",
  ch: "CHF",
  se: "SEK",
  pl: "PLN",
};

function currencyFor(url: URL): string {
  const country = url.pathname.split("/")[1] ?? "";
  return COUNTRY_CURRENCY[country] ?? "USD";
}

export function goodsIdFromUrl(url: URL): string | null {
  return url.pathname.match(GOODS_PATH)?.[1] ?? url.searchParams.get("goods_id") ?? null;
}

/** Price text Temu renders for the shopper ("$12.99", "12,99 €") or minor units ("price": 1299). */
function priceOf(goods: Record<string, unknown> | null, currency: string): PriceAndRange {
  const shown = str(at(goods, "priceInfo", "priceStr")) ?? str(at(goods, "priceStr")) ?? str(at(goods, "salePriceStr"));
  const fromText = moneyFromText(shown, currency);
  if (fromText) return { price: fromText, priceRange: null };
  const minor = [at(goods, "minOnSalePrice"), at(goods, "maxOnSalePrice")].map((v) => moneyFromMinor(num(v), currency));
  return rangeOf(minor);
}

/** A visible "Brand Official Store" / "Official Store" badge (exact label, not part of a name). */
function officialBadge(ctx: ExtractContext): boolean | null {
  for (const el of Array.from(ctx.doc.querySelectorAll("[class*='official' i], [aria-label*='official' i]")).slice(
    0,
    20,
  )) {
    const label = el.getAttribute("aria-label") ?? text(el);
    if (label && /^(brand )?official store$/i.test(label.trim()) && !isHidden(el)) return true;
  }
  return null;
}

function mallOf(ctx: ExtractContext, raw: unknown): Listing["seller"] {
  const mall = findObject(raw, (o) => typeof o.mallName === "string");
  const id = str(mall?.mallId);
  return makeSeller({
    name: str(mall?.mallName),
    id,
    url: id ? absoluteUrl(`/mall.html?mall_id=${encodeURIComponent(id)}`, ctx.url) : null,
    official: officialBadge(ctx),
  });
}

export const temu: SiteAdapter = {
  id: "temu",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => goodsIdFromUrl(ctx.url) !== null,
  extract(ctx): ListingPatch {
    const sku = goodsIdFromUrl(ctx.url);
    try {
      const raw = jsonInScripts(ctx, /\bwindow\.rawData\s*=\s*/);
      const goods = findObject(raw, (o) => typeof o.goodsName === "string");
      const gallery = goods?.gallery ?? goods?.images;
      return {
        title: str(goods?.goodsName) ?? text(ctx.doc.querySelector("h1")) ?? meta(ctx.doc, "og:title"),
        ...priceOf(goods, currencyFor(ctx.url)),
        sku: sku ?? str(goods?.goodsId),
        seller: mallOf(ctx, raw),
        images: imageList(Array.isArray(gallery) ? gallery.map((g) => str(at(g, "url")) ?? str(g)) : [], ctx.url),
      };
    } catch {
      return { sku, warnings: ["temu: adapter failed, generic layers only"] };
    }
  },
};
