/**
 * JD.com (item.jd.com/<sku>.html; JD Worldwide item.jd.hk, npcitem.jd.hk).
 * Tested on two real saved pages (2014 and 2018) and two written ones. 2018 layout:
 * title `.sku-name`, price `.p-price .price` (class `J-p-<sku>`), shop name in
 * `.J-hove-wrap .name a` / `.shopName`, the 自营 (self-operated) badge
 * `.u-jd` / `.self-operated`, brand `#parameter-brand`, specs `.parameter2 li`,
 * breadcrumb `#crumb-wrap .crumb`, and `var pageConfig = { product: { skuid,
 * name, venderId, shopId, cat, imageList, ... } }` in script text.
 * The 2014 layout (real saved page) has the title in `#name h1`, the price in
 * `#jd-price`, the spec lines in `.detail-list li` and a `.breadcrumb` whose
 * last links are the brand and the item itself.
 * JD fills the price by script after load: a page saved unrendered has only an
 * empty `J-p-<sku>` placeholder, which reads as no price (null, never 0).
 * Prices are CNY on both jd.com and jd.hk.
 *
 * Official: JD self-operated (京东自营: JD sells and ships) is JD's own label,
 * shown as the 自营 badge and in the names JD gives its own stores
 * ("XX京东自营旗舰店"). JD's store-type rules, like Tmall's, reserve
 * 旗舰店 (flagship, incl. 官方旗舰店) for the brand owner or its exclusive
 * licensee; 专卖店 / 专营店 are resellers. A badge the page hides is ignored.
 */
import type { Listing } from "../../shared/listing.ts";
import { MAX_CATEGORIES } from "../../shared/listing.ts";
import { absoluteUrl, attr, isHidden, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { imageList, specific, specificsFromLines } from "./lib/dom-read.ts";
import { priceOrRange } from "./lib/money.ts";
import { makeSeller } from "./lib/read.ts";
import { jsArray, jsString, literalAfter } from "./lib/script-json.ts";

const HOST = /(^|\.)jd\.(com|hk)$/;
const ITEM_PATH = /^\/(\d{4,20})\.html$/;
const CURRENCY = "CNY";
const SHOP =
  ".J-hove-wrap .name a, .J-hove-wrap .shopName a, .popbox-inner .mt h3 a, .shopName a, .name a[href*='mall.jd']";

/** Official by JD's own labels (see the file comment); null when the page says nothing either way. */
export function jdOfficial(shopName: string | null, selfBadgeShown: boolean): boolean | null {
  if (selfBadgeShown || /京东自营/.test(shopName ?? "")) return true;
  if (!shopName) return null;
  if (/旗舰店$/.test(shopName)) return true;
  if (/(专卖店|专营店)$/.test(shopName)) return false;
  return null;
}

/** A visible 自营 badge near the title or the shop name, not one the page hides. */
function selfBadge(ctx: ExtractContext): boolean {
  const badges = ctx.doc.querySelectorAll(
    ".u-jd, .self-operated, .J-hove-wrap em, .sku-name img[alt], .sku-name-title em",
  );
  for (const el of Array.from(badges).slice(0, 20)) {
    const label = attr(el, "alt") ?? text(el);
    if (label && /^(JD)?自营$|^京东自营$/.test(label.replace(/\s/g, "")) && !isHidden(el)) return true;
  }
  return false;
}

function sellerOf(ctx: ExtractContext, config: string | null): Listing["seller"] {
  const link = ctx.doc.querySelector(SHOP);
  const name = attr(link, "title") ?? text(link);
  return makeSeller({
    name,
    id: knownId(jsString(config, "venderId") ?? jsNumber(config, "venderId") ?? jsString(config, "shopId")),
    url: absoluteUrl(link?.getAttribute("href"), ctx.url),
    official: jdOfficial(name, selfBadge(ctx)),
  });
}

/** JD writes `venderId:0, shopId:'0'` when the page does not name a vendor: no id. */
function knownId(id: string | null): string | null {
  return id && !/^0+$/.test(id) ? id : null;
}

/** A numeric key of the pageConfig literal (`venderId: 1000000127`). */
function jsNumber(src: string | null, key: string): string | null {
  return src?.match(new RegExp(`[\\s,{]${key}\\s*:\\s*(\\d+)`))?.[1] ?? null;
}

function images(ctx: ExtractContext, config: string | null): string[] {
  // pageConfig.product.imageList holds "jfs/t1/..." paths on JD's image CDN; the thumbnails are the fallback.
  const paths = jsArray(config, "imageList").map((p) =>
    typeof p === "string" ? `https://img14.360buyimg.com/n1/${p.replace(/^\/+/, "")}` : null,
  );
  // A thumbnail's data-url is the same kind of CDN path ("g14/M07/..." on the 2014 layout).
  const thumbs = Array.from(ctx.doc.querySelectorAll("#spec-list img"), (i) => {
    const path = attr(i, "data-url");
    return path && !/^(https?:)?\/\//.test(path) ? `https://img14.360buyimg.com/n1/${path}` : attr(i, "src");
  });
  return imageList(paths.length > 0 ? paths : thumbs, ctx.url);
}

function title(ctx: ExtractContext, config: string | null): string | null {
  const el = ctx.doc.querySelector(".sku-name, #name h1");
  // The 自营 / 京东国际 badge images inside .sku-name have no text, so text() is the title alone.
  return text(el) ?? jsString(config, "name");
}

/**
 * Category links of the breadcrumb: the 2018 `#crumb-wrap` items (not the
 * brand dropdown's list of other brands) or the 2014 `.breadcrumb`, without
 * its brand link (/pinpai/) and the item's own link.
 */
function categories(ctx: ExtractContext, sku: string | null): string[] {
  const links = ctx.doc.querySelectorAll("#crumb-wrap .crumb .item > a, .breadcrumb a");
  const out: string[] = [];
  for (const a of Array.from(links)) {
    const href = a.getAttribute("href") ?? "";
    if (/\/pinpai\//.test(href) || (sku !== null && href.includes(`/${sku}.html`))) continue;
    const t = text(a);
    if (t && !out.includes(t)) out.push(t);
    if (out.length >= MAX_CATEGORIES) break;
  }
  return out;
}

export const jd: SiteAdapter = {
  id: "jd",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => ITEM_PATH.test(ctx.url.pathname),
  extract(ctx): ListingPatch {
    const sku = ctx.url.pathname.match(ITEM_PATH)?.[1] ?? null;
    try {
      const doc = ctx.doc;
      const config = literalAfter(ctx, /\bpageConfig\s*=\s*/);
      const specifics = specificsFromLines(
        Array.from(doc.querySelectorAll("#parameter-brand li, .parameter2 li, .detail-list li"), (li) =>
          text(li),
        ).slice(0, 200),
      );
      const priceEl = sku ? doc.querySelector(`.J-p-${sku}`) : null;
      const shown = text(priceEl) ?? text(doc.querySelector("#jd-price, .p-price .price, .summary-price .p-price"));
      return {
        title: title(ctx, config),
        brand: specific(specifics, /^(品牌|brand)$/i),
        ...priceOrRange(shown, CURRENCY),
        sku: sku ?? jsNumber(config, "skuid"),
        seller: sellerOf(ctx, config),
        images: images(ctx, config),
        specifics,
        categories: categories(ctx, sku),
      };
    } catch {
      return { sku, warnings: ["jd: adapter failed, generic layers only"] };
    }
  },
};
