import type { Listing } from "../shared/listing.ts";
import type { Verdict } from "../shared/verdict.ts";

export type SellerKind = "official" | "authorised" | "impersonates" | "unknown";

/** What the marketplace and the brand's rules say about the seller; a text label, never colour alone. */
export function sellerStatus(listing: Listing, verdict: Verdict): { kind: SellerKind; label: string } {
  const signals = new Set(verdict.reasons.map((r) => r.signal));
  if (signals.has("seller-official") || listing.seller?.official === true) {
    return { kind: "official", label: "✓ Official brand store" };
  }
  if (signals.has("seller-authorised")) return { kind: "authorised", label: "✓ Authorised seller of the brand" };
  if (signals.has("seller-impersonates-brand")) {
    return { kind: "impersonates", label: "⚠ Uses the brand's name but is not its store" };
  }
  return { kind: "unknown", label: "Not known as official or authorised" };
}
