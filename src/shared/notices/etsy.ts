/** Etsy intellectual property infringement report (trademark). */
import { reportUrl } from "../report-portals.ts";
import { brandName, capacity, contactBlock, description, field, goodFaith, trademarkLines } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const etsyNotice: NoticeWriter = (input) => {
  const c = input.case;
  return {
    portal: "etsy",
    portalName: "Etsy — intellectual property infringement report",
    url: reportUrl("etsy", c.url, "agent"),
    fields: [
      field("reporter", "Your relationship to the IP", capacity(input)),
      field("ipOwner", "Name of the IP owner", input.profile.company),
      field("ipType", "Type of IP", "Trademark"),
      field("trademark", "Trademark", brandName(c)),
      field("registrations", "Registration number(s) and jurisdiction", trademarkLines(input)),
      field("listingUrls", "Etsy listing URL(s)", c.url),
      field("description", "Description of the infringement", description(input), 2000),
      field("contact", "Contact information", contactBlock(input)),
      field("statement", "Statements", goodFaith(input)),
      field("signature", "Signature", input.profile.name),
    ],
  };
};
