/**
 * Taobao (item.taobao.com, world.taobao.com, m.intl.taobao.com). Two layouts:
 * the classic one (`#J_Title .tb-main-title`, `#J_StrPrice .tb-rmb-num`,
 * `.tb-shop-name`, config in `var g_config = {...}`) and the 2023+ React one
 * (see lib/alibaba-cn.ts). Prices are CNY.
 *
 * Official: Taobao has no official/flagship store label (flagship stores are a
 * Tmall store type), so a Taobao shop calling itself "XX旗舰店" is only the
 * seller's own claim: `official` is false here, never inferred from the name.
 */
import type { Listing } from "../../shared/listing.ts";
import { absoluteUrl, attr, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { alibabaCnAdapter, BRAND_NAME, oldSpecifics } from "./lib/alibaba-cn.ts";
import { firstVisibleText, fullSizeImage, imageList, specific } from "./lib/dom-read.ts";
import { type PriceAndRange, priceOrRange } from "./lib/money.ts";
import { makeSeller, parseCount } from "./lib/read.ts";
import { jsArray, jsString, literalAfter } from "./lib/script-json.ts";

const HOST = /(^|\.)taobao\.com$/;
const CURRENCY = "CNY";

/** The classic layout's visible price: the promotion price when shown, else the list price (may be a range). */
function classicPrice(ctx: ExtractContext): PriceAndRange {
  const promo = firstVisibleText(ctx.doc, "#J_PromoPriceNum, #J_PromoPrice .tb-rmb-num");
  const list = firstVisibleText(ctx.doc, "#J_StrPrice .tb-rmb-num, #J_StrPrice");
  return priceOrRange(promo ?? list, CURRENCY);
}

function classicShop(ctx: ExtractContext, config: string | null): Listing["seller"] {
  const link = ctx.doc.querySelector(".tb-shop-name a, .shop-name-link, .tb-seller-name");
  return makeSeller({
    name: jsString(config, "shopName") ?? attr(link, "title") ?? text(link),
    id: jsString(config, "sellerId"),
    url: absoluteUrl(link?.getAttribute("href"), ctx.url),
    official: false,
  });
}

function classic(ctx: ExtractContext): ListingPatch {
  const doc = ctx.doc;
  const config = literalAfter(ctx, /\bg_config\s*=\s*/);
  const specifics = oldSpecifics(ctx, ".attributes-list li, #J_AttrUL li");
  const titleEl = doc.querySelector("#J_Title .tb-main-title, .tb-main-title, #J_Title h3");
  const thumbs = Array.from(doc.querySelectorAll("#J_UlThumb img"), (i) => attr(i, "data-src") ?? attr(i, "src"));
  const configImages = jsArray(config, "auctionImages").map((u) => (typeof u === "string" ? u : null));
  return {
    title: attr(titleEl, "data-title") ?? text(titleEl) ?? jsString(config, "title"),
    brand: specific(specifics, BRAND_NAME),
    ...classicPrice(ctx),
    seller: classicShop(ctx, config),
    images: imageList(configImages.length > 0 ? configImages : thumbs, ctx.url, fullSizeImage),
    specifics,
    reviews: reviewsFrom(text(doc.querySelector("#J_RateCounter"))),
  };
}

function reviewsFrom(raw: string | null): Listing["reviews"] {
  const n = parseCount(raw);
  return n === null ? null : { rating: null, count: n };
}

export const taobao: SiteAdapter = alibabaCnAdapter({
  id: "taobao",
  host: HOST,
  classic,
  official: () => false,
});
