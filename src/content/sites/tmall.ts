/**
 * Tmall (detail.tmall.com, detail.tmall.hk, chaoshi.detail.tmall.com,
 * detail.m.tmall.com). Classic layout: `.tb-detail-hd h1`,
 * `#J_StrPriceModBox .tm-price`, `#J_PromoPrice`, `.slogo-shopname`,
 * `#J_AttrUL`, and `TShop.Setup({...})` in script text (itemDO: title, brand,
 * userId, quantity, prov; valItemInfo.skuMap: per-variant prices). The 2023+
 * React layout is shared with Taobao (lib/alibaba-cn.ts). Prices are CNY.
 *
 * Official: Tmall defines three store types and regulates their names:
 * 旗舰店 (flagship: the brand owner or its exclusive licensee, including
 * 官方旗舰店 and 海外旗舰店), 专卖店 (authorised reseller) and 专营店
 * (multi-brand dealer). So on Tmall, and only on Tmall, a store name ending in
 * 旗舰店 is the marketplace's own label. 天猫超市 (Tmall Supermarket) is Tmall
 * itself selling, like JD 自营.
 */
import type { Listing, Money } from "../../shared/listing.ts";
import { absoluteUrl, attr, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { alibabaCnAdapter, BRAND_NAME, oldSpecifics } from "./lib/alibaba-cn.ts";
import { firstVisibleText, fullSizeImage, imageList, specific } from "./lib/dom-read.ts";
import { moneyFromMinor, moneyFromNumber, type PriceAndRange, priceOrRange, rangeOf } from "./lib/money.ts";
import { makeSeller, parseCount } from "./lib/read.ts";
import { at, jsonInScripts, num, str } from "./lib/script-json.ts";

const HOST = /(^|\.)tmall\.(com|hk)$/;
const CURRENCY = "CNY";
const MAX_SKUS = 500;

/** Whether Tmall's store type makes this store official (see the file comment); null when the name says neither. */
export function tmallOfficial(shopName: string | null, host: string): boolean | null {
  if (/^chaoshi\./.test(host) || /^天猫超市/.test(shopName ?? "")) return true;
  if (!shopName) return null;
  if (/旗舰店$/.test(shopName)) return true;
  if (/(专卖店|专营店)$/.test(shopName)) return false;
  return null;
}

/** The per-variant prices of valItemInfo.skuMap, as a low–high range. */
function skuPrices(setup: unknown, ctx: ExtractContext): PriceAndRange {
  const map = at(setup, "valItemInfo", "skuMap");
  if (typeof map !== "object" || map === null) return { price: null, priceRange: null };
  const prices: (Money | null)[] = [];
  for (const sku of Object.values(map).slice(0, MAX_SKUS)) {
    if (ctx.overBudget()) break;
    prices.push(moneyFromMinor(at(sku, "priceCent"), CURRENCY) ?? moneyFromNumber(at(sku, "price"), CURRENCY));
  }
  return rangeOf(prices);
}

/** Visible promotion price, else visible list price, else the variant prices from the config. */
function classicPrice(ctx: ExtractContext, setup: unknown): PriceAndRange {
  const promo = firstVisibleText(ctx.doc, "#J_PromoPrice .tm-price");
  const list = firstVisibleText(ctx.doc, "#J_StrPriceModBox .tm-price, .tm-price-panel .tm-price");
  const shown = priceOrRange(promo ?? list, CURRENCY);
  return shown.price ? shown : skuPrices(setup, ctx);
}

function availability(itemDO: unknown): Listing["availability"] {
  const q = num(at(itemDO, "quantity"));
  if (at(itemDO, "isOnline") === false) return "OutOfStock";
  if (q === null) return null;
  return q > 0 ? "InStock" : "OutOfStock";
}

function decodeNick(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function classicSeller(ctx: ExtractContext, itemDO: unknown): Listing["seller"] {
  const link = ctx.doc.querySelector(".slogo-shopname, .shopLink, .hd-shop-name a");
  const name = text(link) ?? decodeNick(at(itemDO, "sellerNickName"));
  return makeSeller({
    name,
    id: str(at(itemDO, "userId")),
    url: absoluteUrl(link?.getAttribute("href"), ctx.url),
    official: tmallOfficial(name, ctx.url.hostname),
  });
}

function classic(ctx: ExtractContext): ListingPatch {
  const doc = ctx.doc;
  const setup = jsonInScripts(ctx, /TShop\.Setup\(\s*/);
  const itemDO = at(setup, "itemDO");
  const specifics = oldSpecifics(ctx, "#J_AttrUL li, .attributes-list li");
  const thumbs = Array.from(doc.querySelectorAll("#J_UlThumb img"), (i) => attr(i, "src") ?? attr(i, "data-src"));
  const reviewCount = parseCount(text(doc.querySelector("#J_ItemRates .tm-count")));
  return {
    title: text(doc.querySelector(".tb-detail-hd h1")) ?? str(at(itemDO, "title")),
    brand: str(at(itemDO, "brand")) ?? specific(specifics, BRAND_NAME),
    ...classicPrice(ctx, setup),
    availability: availability(itemDO),
    seller: classicSeller(ctx, itemDO),
    shipsFrom: str(at(itemDO, "prov")),
    images: imageList(thumbs, ctx.url, fullSizeImage),
    specifics,
    reviews: reviewCount === null ? null : { rating: null, count: reviewCount },
  };
}

export const tmall: SiteAdapter = alibabaCnAdapter({
  id: "tmall",
  host: HOST,
  classic,
  official: (shopName, ctx) => tmallOfficial(shopName, ctx.url.hostname),
});
