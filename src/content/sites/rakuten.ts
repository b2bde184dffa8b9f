/**
 * Rakuten Ichiba (item.rakuten.co.jp/<shop>/<item>/). Built from the
 * documented page structure (no saved page exists): title `.item_name` (new
 * design `.normal_reserve_item_name`), price `#priceCalculationConfig`
 * `data-price` or `.price2` ("1,980円"), shop name `.shop-name` / `.shop_name`,
 * shop code from the URL path; many shops also ship JSON-LD (generic layer).
 * Older shop pages are Shift_JIS or EUC-JP; src/shared/load-html.node.ts and the
 * browser decode them from their <meta charset>. Prices are JPY.
 *
 * sku: Rakuten's own item code, "<shop>:<item>" as the Ichiba Item API writes it.
 *
 * Official: Rakuten marks brand-run stores with a 公式 (official) badge in the
 * shop header; only that visible badge counts, never a shop calling itself
 * 公式 in its name. Without the badge we cannot tell, so `official` is null.
 */
import type { Listing } from "../../shared/listing.ts";
import { absoluteUrl, attr, isHidden, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { moneyFromNumber, priceOrRange } from "./lib/money.ts";
import { makeSeller } from "./lib/read.ts";

const HOST = /^item\.rakuten\.co\.jp$/;
const ITEM_PATH = /^\/([a-z0-9_-]+)\/([A-Za-z0-9_.-]+)\/?$/i;
const CURRENCY = "JPY";
const BADGE = ".official-badge, .shop-official, [class*='official'], .shop-name img[alt], .shop-header img[alt]";

function pathParts(url: URL): { shop: string; item: string } | null {
  const m = url.pathname.match(ITEM_PATH);
  return m?.[1] && m[2] ? { shop: m[1], item: m[2] } : null;
}

/** A visible 公式 / 公式ショップ / 楽天公式 badge (exact label). */
function officialBadge(ctx: ExtractContext): boolean | null {
  for (const el of Array.from(ctx.doc.querySelectorAll(BADGE)).slice(0, 20)) {
    const label = (attr(el, "alt") ?? text(el))?.replace(/\s/g, "");
    if (label && /^(楽天)?公式(ショップ|ストア)?$/.test(label) && !isHidden(el)) return true;
  }
  return null;
}

function shopOf(ctx: ExtractContext, shop: string | null): Listing["seller"] {
  const el = ctx.doc.querySelector(".shop-name a, .shop-name, .shop_name a, .shop_name");
  return makeSeller({
    name: text(el),
    id: shop,
    url: shop ? `https://www.rakuten.co.jp/${shop}/` : absoluteUrl(el?.closest("a")?.getAttribute("href"), ctx.url),
    official: officialBadge(ctx),
  });
}

export const rakuten: SiteAdapter = {
  id: "rakuten",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => pathParts(ctx.url) !== null,
  extract(ctx): ListingPatch {
    const parts = pathParts(ctx.url);
    const sku = parts ? `${parts.shop}:${parts.item}` : null;
    try {
      const doc = ctx.doc;
      const configPrice = moneyFromNumber(attr(doc.querySelector("#priceCalculationConfig"), "data-price"), CURRENCY);
      const shown = priceOrRange(text(doc.querySelector(".price2, .important .price")), CURRENCY);
      return {
        title: text(doc.querySelector(".normal_reserve_item_name, .item_name")),
        ...(configPrice ? { price: configPrice, priceRange: null } : shown),
        sku,
        seller: shopOf(ctx, parts?.shop ?? null),
      };
    } catch {
      return { sku, warnings: ["rakuten: adapter failed, generic layers only"] };
    }
  },
};
