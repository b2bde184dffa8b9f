/**
 * What Taobao and Tmall item pages share: the item id in the URL, the
 * 2023+ React layout (CSS-module classes with hashed suffixes), and the
 * old-layout attribute lists.
 */
import { absoluteUrl, text } from "../../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../../base/types.ts";
import {
  firstVisibleText,
  fullSizeImage,
  imageList,
  prefixSelector,
  specific,
  specificsFromLines,
} from "./dom-read.ts";
import { priceOrRange } from "./money.ts";
import { makeSeller } from "./read.ts";

/**
 * The item id: `?id=` on item.taobao.com/item.htm, detail.tmall.com/item.htm,
 * m.intl.taobao.com/detail/detail.html; `/item/<id>.htm` on world.taobao.com.
 */
export function itemIdFromUrl(url: URL): string | null {
  const id = url.searchParams.get("id");
  if (id && /^\d{6,20}$/.test(id)) return id;
  return url.pathname.match(/\/item\/(\d{6,20})\.html?$/)?.[1] ?? null;
}

/** Item pages, not shop, search or list pages, on both sites. */
export function isItemPath(url: URL): boolean {
  return /(^|\/)(item\.htm|item\/\d+\.html?|detail\/detail\.html|detail\.htm)$/.test(url.pathname);
}

/**
 * The React item page rolled out from 2023 on both sites. Class names as
 * shipped (`ItemHeader--mainTitle--…`, `Price--priceText--…`,
 * `ShopHeader--shopName--…`, `Attrs--attr--…`, `PicGallery--thumbnailPic--…`)
 * and their 2024 renames (`MainTitle--`, `highlightPrice--`, `ShopHeaderNew--`,
 * `BasicContent--`), matched by prefix up to the `--` before the build hash
 * (so `Attrs--attr--` does not also match the `Attrs--attrs--` container).
 */
export const REACT = {
  title: prefixSelector("ItemHeader--mainTitle--", "MainTitle--mainTitle--"),
  price: prefixSelector("Price--priceText--", "highlightPrice--priceText--"),
  shopName: prefixSelector("ShopHeader--shopName--", "ShopHeaderNew--shopName--", "ShopHeader--title--", "shopName--"),
  shopLink: prefixSelector("ShopHeader--detailWrap--", "ShopHeaderNew--detailWrap--", "ShopHeader--root--"),
  attr: prefixSelector("Attrs--attr--", "emphasisParamsInfoItem--", "generalParamsInfoItem--"),
  thumb: prefixSelector("PicGallery--thumbnailPic--", "thumbnailPic--"),
};

export interface ReactLayout {
  title: string | null;
  price: string | null;
  shopName: string | null;
  shopUrl: string | null;
  specifics: ReturnType<typeof specificsFromLines>;
  images: string[];
}

/** Null when the page is not the React layout. */
export function readReactLayout(ctx: ExtractContext): ReactLayout | null {
  const doc = ctx.doc;
  const titleEl = doc.querySelector(REACT.title);
  if (!titleEl) return null;
  const shopEl = doc.querySelector(REACT.shopName);
  const link = shopEl?.closest("a") ?? doc.querySelector(REACT.shopLink)?.querySelector("a[href]") ?? null;
  const attrs = Array.from(doc.querySelectorAll(REACT.attr)).slice(0, 200);
  return {
    title: text(titleEl),
    price: firstVisibleText(doc, REACT.price),
    shopName: text(shopEl),
    shopUrl: link?.getAttribute("href") ?? null,
    // The attribute items carry "品牌：X" as their text and often a title attribute with the same.
    specifics: specificsFromLines(attrs.map((a) => a.getAttribute("title") ?? text(a))),
    images: imageList(
      Array.from(doc.querySelectorAll(REACT.thumb), (el) => {
        // The class sits on the <img> itself or on its wrapper.
        const img = el.tagName === "IMG" ? el : el.querySelector("img");
        return img?.getAttribute("src") ?? img?.getAttribute("data-src") ?? null;
      }).slice(0, 100),
      ctx.url,
      fullSizeImage,
    ),
  };
}

/** Old-layout attribute list items ("品牌:&nbsp;KBDfans"), preferring the visible text. */
export function oldSpecifics(ctx: ExtractContext, selector: string) {
  const items = Array.from(ctx.doc.querySelectorAll(selector)).slice(0, 200);
  return specificsFromLines(items.map((li) => text(li)));
}

/** The brand among specifics is 品牌 ("brand"); 产品名称 is the product name, not a brand. */
export const BRAND_NAME = /^(品牌|brand)$/i;

const CURRENCY = "CNY";

export interface AlibabaCnSite {
  id: "taobao" | "tmall";
  host: RegExp;
  /** The pre-2023 layout, which differs per site. */
  classic(ctx: ExtractContext): ListingPatch;
  /** Whether the store is official: by Tmall's regulated store names, never on Taobao (see each adapter). */
  official(shopName: string | null, ctx: ExtractContext): boolean | null;
}

/** The React layout's fields: the same on both sites but for what makes a store official. */
function reactPatch(ctx: ExtractContext, page: ReactLayout, site: AlibabaCnSite): ListingPatch {
  return {
    title: page.title,
    brand: specific(page.specifics, BRAND_NAME),
    ...priceOrRange(page.price, CURRENCY),
    seller: makeSeller({
      name: page.shopName,
      url: absoluteUrl(page.shopUrl, ctx.url),
      official: site.official(page.shopName, ctx),
    }),
    images: page.images,
    specifics: page.specifics,
  };
}

/** A Taobao or Tmall adapter: item pages by path and id, the React layout when present, else the classic one. */
export function alibabaCnAdapter(site: AlibabaCnSite): SiteAdapter {
  return {
    id: site.id,
    matchesHost: (host) => site.host.test(host),
    isListing: (ctx) => isItemPath(ctx.url) && itemIdFromUrl(ctx.url) !== null,
    extract(ctx): ListingPatch {
      try {
        const page = readReactLayout(ctx);
        const patch = page ? reactPatch(ctx, page, site) : site.classic(ctx);
        return { ...patch, sku: itemIdFromUrl(ctx.url) };
      } catch {
        // Never throw into the page: the generic layers fill what we could not read.
        return { sku: itemIdFromUrl(ctx.url), warnings: [`${site.id}: adapter failed, generic layers only`] };
      }
    },
  };
}
