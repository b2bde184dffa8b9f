/**
 * Marketplace id from a listing URL, for records that do not say (CLI input,
 * labelled data). The content script knows its site adapter and never needs this.
 */
import type { MarketplaceId } from "../shared/listing.ts";

/** Host label → marketplace; checked against every label of the host ("www.amazon.co.uk" has "amazon"). */
const BY_LABEL: Record<string, MarketplaceId> = {
  amazon: "amazon",
  ebay: "ebay",
  aliexpress: "aliexpress",
  alibaba: "alibaba",
  "1688": "alibaba",
  taobao: "taobao",
  tmall: "tmall",
  jd: "jd",
  walmart: "walmart",
  etsy: "etsy",
  temu: "temu",
  dhgate: "dhgate",
  mercadolibre: "mercadolibre",
  mercadolivre: "mercadolibre",
  rakuten: "rakuten",
};

export function marketplaceFromUrl(url: string): MarketplaceId {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return "generic";
  }
  for (const label of host.split(".")) {
    const m = BY_LABEL[label];
    if (m) return m;
  }
  return "generic";
}
