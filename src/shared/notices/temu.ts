/** Temu intellectual property complaint. */
import { reportUrl } from "../report-portals.ts";
import { brandName, capacity, contactBlock, description, field, firstMark, itemId } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const temuNotice: NoticeWriter = (input) => {
  const c = input.case;
  const mark = firstMark(input);
  return {
    portal: "temu",
    portalName: "Temu — intellectual property complaint",
    url: reportUrl("temu", c.url, "agent"),
    fields: [
      field("complainant", "Complainant", input.profile.company),
      field("capacity", "Filing as", capacity(input)),
      field("ipType", "Type of right", "Trademark"),
      field("trademark", "Trademark", brandName(c)),
      field("certificate", "Registration certificate number", mark.number),
      field("jurisdiction", "Registration jurisdiction", mark.office),
      field("goodsId", "Goods ID", itemId(c)),
      field("link", "Product link", c.url),
      field("reason", "Reason", "Counterfeit goods"),
      field("description", "Description", description(input), 1500),
      field("contact", "Contact", contactBlock(input)),
    ],
  };
};
