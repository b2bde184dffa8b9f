/**
 * Marketplace id from a listing URL, for records that do not say (CLI input,
 * labelled data). The content script knows its site adapter and never needs
 * this. The host labels come from the marketplace registry.
 */
import type { MarketplaceId } from "../shared/listing.ts";
import { MARKETPLACE_LIST } from "../shared/marketplace-sites.ts";

/** Host label → marketplace; checked against every label of the host ("www.amazon.co.uk" has "amazon"). */
const BY_LABEL: ReadonlyMap<string, MarketplaceId> = new Map(
  MARKETPLACE_LIST.marketplaces.flatMap((m) => m.labels.map((label) => [label, m.id as MarketplaceId] as const)),
);

export function marketplaceFromUrl(url: string): MarketplaceId {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return "generic";
  }
  for (const label of host.split(".")) {
    const m = BY_LABEL.get(label);
    if (m) return m;
  }
  return "generic";
}
