/** DHgate IPR complaint. */
import { reportUrl } from "../report-portals.ts";
import { brandName, capacity, contactBlock, description, field, itemId, sellerOf, trademarkLines } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const dhgateNotice: NoticeWriter = (input) => {
  const c = input.case;
  return {
    portal: "dhgate",
    portalName: "DHgate — IPR complaint",
    url: reportUrl("dhgate", c.url, "agent"),
    fields: [
      field("rightsHolder", "Rights holder", input.profile.company),
      field("capacity", "Filing as", capacity(input)),
      field("rightType", "Right type", "Trademark"),
      field("trademark", "Trademark", brandName(c)),
      field("registrations", "Registration(s)", trademarkLines(input)),
      field("productNumber", "Product number", itemId(c)),
      field("productUrl", "Product URL", c.url),
      field("store", "Store", sellerOf(c)),
      field("complaintType", "Complaint type", "Counterfeit"),
      field("description", "Description", description(input), 1500),
      field("contact", "Contact", contactBlock(input)),
    ],
  };
};
