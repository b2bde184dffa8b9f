import type { ListingPatch, SiteAdapter } from "./types.ts";
import { parsePrice } from "../../shared/price.ts";
import { text } from "../extract/dom.ts";

const HOST = /(^|\.)ebay\.(com|ca|co\.uk|de|fr|it|es|ie|at|ch|nl|be|pl|com\.au|com\.hk|com\.sg|com\.my|ph|in)$/;

export const ebay: SiteAdapter = {
  id: "ebay",
  matchesHost: (host) => HOST.test(host),
  isListing: (ctx) => /\/itm\//.test(ctx.url.pathname) || ctx.doc.querySelector("#itemTitle, .x-item-title") !== null,
  extract(ctx): ListingPatch {
    const doc = ctx.doc;
    const title = text(doc.querySelector(".x-item-title__mainTitle, #itemTitle"))?.replace(/^Details about\s+/i, "") ?? null;
    const seller = text(doc.querySelector(".x-sellercard-atf__info__about-seller a, .mbg-nw"));
    return {
      title,
      price: parsePrice(text(doc.querySelector(".x-price-primary, #prcIsum, #mm-saleDscPrc"))),
      seller: seller ? { name: seller, id: null, url: null, positivePercent: null, feedbackCount: null, memberSince: null, country: null, official: null } : null,
      sku: ctx.url.pathname.match(/\/itm\/(?:[^/]+\/)?(\d{9,15})/)?.[1] ?? null,
    };
  },
};
