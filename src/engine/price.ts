/**
 * Price below the reference, after currency conversion. Models carry their
 * retail price; brands the lowest plausible new price of anything they sell.
 */
import type { Listing, Money } from "../shared/listing.ts";
import type { EvidenceSpan, Reason } from "../shared/verdict.ts";
import { parseAmount } from "./currency.ts";
import type { MatcherData } from "./layout.ts";
import { hostOf, round } from "./seller.ts";
import * as W from "./weights.ts";

/** Hosts whose prices are in yuan even when the record does not say so. */
export const CNY_HOSTS = ["1688.com", "taobao.com", "tmall.com", "jd.com", "weidian.com"];

function usdOf(d: MatcherData, money: Money, url: string): number {
  let cur = money.currency?.toUpperCase() ?? null;
  if (!cur) {
    const host = hostOf(url) ?? "";
    if (CNY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) cur = "CNY";
  }
  if (!cur) return Number.NaN;
  const i = d.rCur.indexOf(cur);
  if (i < 0) return Number.NaN;
  return parseAmount(money.amount) * (d.rUsd[i] as number);
}

/** The price compared: the visible price, or the top of a range (a "from $5" range hides the real item price). */
export function listingPriceUsd(d: MatcherData, listing: Listing): { usd: number; money: Money } | null {
  const money = listing.priceRange?.max ?? listing.price;
  if (!money) return null;
  const usd = usdOf(d, money, listing.url);
  return Number.isFinite(usd) && usd > 0 ? { usd, money } : null;
}

export interface PriceCheck {
  reason: Reason;
  brand: number;
}

export interface Reference {
  /** Reference price in USD. */
  usd: number;
  /** What it is the reference of ("Nike Air Force 1", "Nike (3× the brand's floor ...)"). */
  name: string;
  /** Share of the reference below which the price is suspicious. */
  threshold: number;
  /** The reference is a named model's retail price (not a brand floor). */
  model: boolean;
}

/** The reference for one brand: the best (highest) reference among the models named, else the brand's floor scaled by the kind of item. */
export function referenceFor(d: MatcherData, brand: number, models: number[], product = 1): Reference | null {
  let ref = Number.NaN;
  let refName = d.bName.at(brand) ?? "";
  let threshold = W.PRICE_THRESHOLD_BRAND;
  let model = false;
  for (const mi of models) {
    const r = d.mRefUsd[mi] as number;
    if (Number.isFinite(r) && !(r <= ref)) {
      ref = r;
      const mName = d.mName.at(mi) ?? "";
      const bName = d.bName.at(brand) ?? "";
      refName = mName.toLowerCase().startsWith(bName.toLowerCase()) ? mName : `${bName} ${mName}`;
      threshold = W.PRICE_THRESHOLD_MODEL;
      model = true;
    }
  }
  if (!Number.isFinite(ref)) {
    // Brand floor scaled by the kind of item named: a jacket is never the brand's cheapest item. Not when a
    // model (without a price) says what the item is: "Nikon D3400 kit + bag" is a camera, not a bag.
    if (models.length > 0) product = 1;
    ref = (d.bRefUsd[brand] as number) * product;
    if (product > 1) refName = `${refName} (${product}× the brand's floor for this kind of item)`;
  }
  if (!Number.isFinite(ref) || ref <= 0) return null;
  return { usd: ref, name: refName, threshold, model };
}

/** Price reason for one brand, using the best (highest) reference among the models named, else the brand's. */
export function priceBelow(
  d: MatcherData,
  listing: Listing,
  brand: number,
  models: number[],
  product = 1,
): PriceCheck | null {
  const price = listingPriceUsd(d, listing);
  if (!price) return null;
  const reference = referenceFor(d, brand, models, product);
  if (!reference) return null;
  const { usd: ref, name: refName, threshold } = reference;
  const factor = W.PRICE_CONDITION_FACTOR[listing.condition ?? "new"];
  const t = threshold * factor;
  const r = price.usd / ref;
  if (r >= t) return null;
  const tier = W.PRICE_TIER_FACTOR[d.bTier[brand] as number] ?? 1;
  const w = Math.min(W.PRICE_MAX, tier * (W.PRICE_BASE + W.PRICE_SLOPE * Math.log2(t / r)));
  const text = `${price.money.amount}${price.money.currency ? ` ${price.money.currency}` : ""}`;
  const evidence: EvidenceSpan = { field: "price", text, start: 0, end: text.length };
  const cond =
    listing.condition && listing.condition !== "new"
      ? ` (${listing.condition}, threshold ${Math.round(t * 100)}%)`
      : "";
  return {
    brand,
    reason: {
      signal: "price-below-reference",
      message: `Price ≈ US$${price.usd.toFixed(2)} is ${Math.round(r * 100)}% of the reference US$${ref.toFixed(0)} for ${refName}${cond}`,
      weight: round(w),
      evidence,
    },
  };
}
