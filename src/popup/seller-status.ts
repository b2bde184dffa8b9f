import { t } from "../shared/i18n.ts";
import type { Listing } from "../shared/listing.ts";
import type { Verdict } from "../shared/verdict.ts";

/**
 * Who sells, in four statuses (the engine's seller standings): the brand's own
 * store, the marketplace's own retail, a reseller the brand authorises, or a
 * third party (which may also use the brand's name without being its store).
 */
export type SellerKind = "official" | "marketplace" | "authorised" | "impersonates" | "third-party" | "unknown";

function kindOf(listing: Listing, verdict: Verdict): SellerKind {
  const signals = new Set(verdict.reasons.map((r) => r.signal));
  // The marketplace's own retail can carry the marketplace's "official" flag (Amazon.com, 京东自营): it is not the brand's store.
  if (signals.has("seller-marketplace") || listing.seller?.retail === true) return "marketplace";
  if (signals.has("seller-official") || (listing.seller?.official === true && !signals.has("seller-authorised"))) {
    return "official";
  }
  if (signals.has("seller-authorised")) return "authorised";
  if (signals.has("seller-impersonates-brand")) return "impersonates";
  // The page did not say who sells (no name, no id): claiming "third party" would be a guess.
  if (!listing.seller?.name && !listing.seller?.id) return "unknown";
  return "third-party";
}

/** What the marketplace and the brand's rules say about the seller; a text label, never colour alone. */
export function sellerStatus(listing: Listing, verdict: Verdict): { kind: SellerKind; label: string } {
  const kind = kindOf(listing, verdict);
  return { kind, label: t(kind === "third-party" ? "seller_status_third_party" : `seller_status_${kind}`) };
}
