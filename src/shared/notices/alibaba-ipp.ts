/** Alibaba IP Protection Platform: one portal for Alibaba.com, AliExpress, Taobao and Tmall. */
import { MARKETPLACE_NAME, reportUrl } from "../report-portals.ts";
import { brandName, capacity, contactBlock, description, field, firstMark, itemId } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const alibabaIppNotice: NoticeWriter = (input) => {
  const c = input.case;
  const mark = firstMark(input);
  return {
    portal: "alibaba-ipp",
    portalName: "Alibaba IP Protection Platform (IPP)",
    url: reportUrl(c.marketplace, c.url, "agent"),
    fields: [
      field("platform", "Platform", MARKETPLACE_NAME[c.marketplace]),
      field("ipType", "IP type", "Trademark"),
      field("rightsHolder", "Rights holder", input.profile.company),
      field("capacity", "Filing as", capacity(input)),
      field("trademark", "Trademark", brandName(c)),
      field("registrationNumber", "Registration number", mark.number),
      field("registrationRegion", "Registration country/region (office)", mark.office),
      field("class", "Class", mark.classes),
      field("complaintType", "Complaint type", "Counterfeit — sale of counterfeit goods"),
      field("productId", "Product ID", itemId(c)),
      field("infringingLink", "Infringing link", c.url),
      field("description", "Description of the infringement", description(input), 1000),
      field("authorisation", "Proof of authorisation", input.profile.authorisationRef || "(rights owner filing)"),
      field("contact", "Contact", contactBlock(input)),
    ],
  };
};
