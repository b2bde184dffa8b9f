import type { Listing } from "../shared/listing.ts";
import type { Verdict } from "../shared/verdict.ts";

/**
 * Who sells, in four statuses (the engine's seller standings): the brand's own
 * store, the marketplace's own retail, a reseller the brand authorises, or a
 * third party (which may also use the brand's name without being its store).
 */
export type SellerKind = "official" | "marketplace" | "authorised" | "impersonates" | "third-party" | "unknown";

/** What the marketplace and the brand's rules say about the seller; a text label, never colour alone. */
export function sellerStatus(listing: Listing, verdict: Verdict): { kind: SellerKind; label: string } {
  const signals = new Set(verdict.reasons.map((r) => r.signal));
  // The marketplace's own retail can carry the marketplace's "official" flag (Amazon.com, 京东自营): it is not the brand's store.
  if (signals.has("seller-marketplace") || listing.seller?.retail === true) {
    return { kind: "marketplace", label: "Sold by the marketplace itself (its own retail), not the brand's store" };
  }
  if (signals.has("seller-official") || (listing.seller?.official === true && !signals.has("seller-authorised"))) {
    return { kind: "official", label: "✓ Official brand store" };
  }
  if (signals.has("seller-authorised")) return { kind: "authorised", label: "✓ Authorised seller of the brand" };
  if (signals.has("seller-impersonates-brand")) {
    return { kind: "impersonates", label: "⚠ Third-party seller using the brand's name; not its store" };
  }
  // The page did not say who sells (no name, no id): claiming "third party" would be a guess.
  if (!listing.seller?.name && !listing.seller?.id) return { kind: "unknown", label: "Seller not shown on the page" };
  return { kind: "third-party", label: "Third-party seller: not known as the brand's store or an authorised seller" };
}
