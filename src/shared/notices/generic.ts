/** A plain notice for marketplaces without a dedicated form (JD, Rakuten, any other shop), or for the brand's own contact. */
import type { PortalId } from "../report-portals.ts";
import { PORTALS, reportUrl } from "../report-portals.ts";
import { brandName, capacity, contactBlock, description, field, goodFaith, itemId, trademarkLines } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export function genericNotice(portal: PortalId): NoticeWriter {
  return (input) => {
    const c = input.case;
    return {
      portal,
      portalName: PORTALS[portal].name,
      url: reportUrl(c.marketplace, c.url, "agent"),
      fields: [
        field("rightsOwner", "Rights owner", input.profile.company),
        field("capacity", "Filing as", capacity(input)),
        field("trademark", "Trademark", brandName(c)),
        field("registrations", "Registrations", trademarkLines(input)),
        field("itemId", "Item id", itemId(c)),
        field("url", "Listing URL", c.url),
        field("description", "Description", description(input)),
        field("contact", "Contact", contactBlock(input)),
        field("statement", "Statements", goodFaith(input)),
        field("signature", "Signature", input.profile.name),
      ],
    };
  };
}
