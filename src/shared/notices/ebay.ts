/**
 * eBay VeRO Notice of Claimed Infringement: one reason code per item, and a
 * message eBay forwards to the seller, limited to 1,000 characters.
 */
import { reportUrl } from "../report-portals.ts";
import { brandName, clip, contactBlock, description, field, goodFaith, itemId, trademarkLines } from "./common.ts";
import type { NoticeInput, NoticeWriter } from "./types.ts";

/** VeRO reason codes for trademark claims (the NOCI form's "Trademark" group). */
export const VERO_REASONS = {
  counterfeit: "Trademark — item(s) is a counterfeit product (1.1)",
  unlawfulLogo: "Trademark — item(s) bears an unlawful copy of the trademark (1.2)",
  listingMisuse: "Trademark — listing(s) uses the trademark unlawfully (1.3)",
} as const;

export const EBAY_SELLER_MESSAGE_MAX = 1000;

function reasonFor(input: NoticeInput): string {
  const signals = new Set(input.case.verdict.reasons.filter((r) => r.weight > 0).map((r) => r.signal));
  if (signals.has("counterfeit-term") || signals.has("price-below-reference") || signals.has("bulk-luxury")) {
    return VERO_REASONS.counterfeit;
  }
  if (signals.has("seller-impersonates-brand")) return VERO_REASONS.listingMisuse;
  return VERO_REASONS.counterfeit;
}

/** What eBay forwards to the seller: short, factual, a contact to write to. */
export function sellerMessage(input: NoticeInput): string {
  const brand = brandName(input.case);
  const who = input.profile.company || "the rights owner";
  const contact = input.profile.email ? ` Contact: ${input.profile.email}.` : "";
  const text = `This listing (item ${itemId(input.case)}) was removed at the request of ${who}, owner of the ${brand} trademark, because it offers goods that are not genuine ${brand} products. If you believe this is wrong, contact the rights owner with proof of authenticity.${contact}`;
  return clip(text, EBAY_SELLER_MESSAGE_MAX);
}

export const ebayNotice: NoticeWriter = (input) => {
  const c = input.case;
  return {
    portal: "ebay-vero",
    portalName: "eBay VeRO — Notice of Claimed Infringement",
    url: reportUrl("ebay", c.url, "agent"),
    fields: [
      field("rightsOwner", "Rights owner", input.profile.company),
      field("itemNumber", "eBay item number", itemId(c)),
      field("listingUrl", "Listing URL", c.url),
      field("reasonCode", "Reason code", reasonFor(input)),
      field("trademark", "Trademark registrations", trademarkLines(input)),
      field("sellerMessage", "Message to the seller", sellerMessage(input), EBAY_SELLER_MESSAGE_MAX),
      field("details", "Details for eBay", description(input)),
      field("contact", "Contact", contactBlock(input)),
      field("statement", "Statements", goodFaith(input)),
      field("signature", "Signature", input.profile.name),
    ],
  };
};
