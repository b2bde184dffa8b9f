/** Amazon "Report Infringement" form (amazon.com/report/infringement), trademark → counterfeit. */
import { reportUrl } from "../report-portals.ts";
import {
  brandName,
  capacity,
  contactBlock,
  description,
  field,
  firstMark,
  goodFaith,
  itemId,
  trademarkLines,
} from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const amazonNotice: NoticeWriter = (input) => {
  const c = input.case;
  const mark = firstMark(input);
  return {
    portal: "amazon",
    portalName: "Amazon Report Infringement",
    url: reportUrl("amazon", c.url, "agent"),
    fields: [
      field("reporter", "I am", capacity(input)),
      field("rightsOwner", "Rights owner", input.profile.company),
      field("issue", "Type of infringement", "Trademark concern — counterfeit product"),
      field("brand", "Brand name / trademark", brandName(c)),
      field("registrationNumber", "Trademark registration number", mark.number),
      field("registrationOffice", "Trademark office", mark.office),
      field("allRegistrations", "All registrations", trademarkLines(input)),
      field("asin", "ASIN(s)", itemId(c)),
      field("listingUrl", "Listing URL", c.url),
      field("description", "Additional information", description(input), 2000),
      field("contact", "Contact information", contactBlock(input)),
      field("statement", "Statements", goodFaith(input)),
      field("signature", "Electronic signature", input.profile.name),
    ],
  };
};
