import type { ExtractContext, ListingPatch, SiteAdapter } from "./types.ts";
import { parsePrice } from "../../shared/price.ts";
import { text } from "../extract/dom.ts";

const HOST = /(^|\.)amazon\.(com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.be|com\.tr|ae|sa|eg|in|co\.jp|com\.au|sg)$/;

function brand(ctx: ExtractContext): string | null {
  const byline = text(ctx.doc.querySelector("#bylineInfo"));
  if (!byline) return null;
  // "Visit the Gorilla Store", "Brand: ChangM", "Besuche den ViewSonic-Store"
  const m = byline.match(/^Visit the (.+?) Store$/i) ?? byline.match(/^Brand:\s*(.+)$/i);
  return m?.[1] ?? (byline.startsWith("by") ? null : byline);
}

export const amazon: SiteAdapter = {
  id: "amazon",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => ctx.doc.querySelector("#productTitle") !== null,
  extract(ctx): ListingPatch {
    const doc = ctx.doc;
    const price = text(doc.querySelector("#corePrice_feature_div .a-offscreen, #priceblock_ourprice, .a-price .a-offscreen"));
    const seller = text(doc.querySelector("#sellerProfileTriggerId, #merchant-info a"));
    return {
      title: text(doc.querySelector("#productTitle")),
      brand: brand(ctx),
      price: parsePrice(price),
      seller: seller ? { name: seller, id: null, url: null, positivePercent: null, feedbackCount: null, memberSince: null, country: null, official: null } : null,
      sku: ctx.url.pathname.match(/\/(?:dp|gp\/product)\/([A-Z0-9]{10})/)?.[1] ?? null,
    };
  },
};
