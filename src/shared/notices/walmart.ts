/** Walmart Brand Portal: report a counterfeit item listed by a Marketplace seller. */
import { reportUrl } from "../report-portals.ts";
import { brandName, contactBlock, description, field, goodFaith, itemId, sellerOf, trademarkLines } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const walmartNotice: NoticeWriter = (input) => {
  const c = input.case;
  return {
    portal: "walmart",
    portalName: "Walmart Brand Portal — report infringement",
    url: reportUrl("walmart", c.url, "agent"),
    fields: [
      field("claimType", "Claim type", "Trademark — counterfeit"),
      field("brand", "Brand", brandName(c)),
      field("rightsOwner", "Rights owner", input.profile.company),
      field("registrations", "Trademark registration(s)", trademarkLines(input)),
      field("itemId", "Walmart item ID", itemId(c)),
      field("itemUrl", "Item URL", c.url),
      field("seller", "Seller name", sellerOf(c)),
      field("description", "Description", description(input), 2000),
      field("contact", "Contact", contactBlock(input)),
      field("statement", "Statements", goodFaith(input)),
      field("signature", "Signature", input.profile.name),
    ],
  };
};
