/**
 * The values a notice field can be filled from (the registry's `from`), for
 * one portal, case and profile: computed once, so every portal's notice is
 * the same facts in that portal's fields.
 */
import type { Claim, PortalEntry, ValueName } from "../marketplaces.ts";
import { attachmentEntryName } from "../profile.ts";
import { MARKETPLACE_NAME } from "../report-portals.ts";
import type { Said } from "../said.ts";
import {
  brandName,
  capacity,
  contactBlock,
  description,
  goodFaith,
  itemId,
  sellerOf,
  trademarkLines,
} from "./common.ts";
import { caseJurisdiction, chooseRegistration } from "./registration.ts";
import type { NoticeCase, NoticeInput } from "./types.ts";

/** A case's claim: counterfeit goods, unless the agent says the mark appears only in the images or text. */
export function claimOf(c: NoticeCase): Claim {
  const where = c.details?.where ?? [];
  if (where.length === 0) return "counterfeit";
  return where.includes("product") || where.includes("packaging") ? "counterfeit" : "listing-misuse";
}

/** One reason per notice: the portal's reason for the case's claim, else its first. */
export function reasonFor(portal: PortalEntry, c: NoticeCase): string {
  const claim = claimOf(c);
  return (portal.reasons.find((r) => r.claim === claim) ?? portal.reasons[0])?.label ?? "";
}

/** What eBay (and any portal with a message to the seller) forwards: short, factual, a contact to write to. */
export function sellerMessage(input: NoticeInput): string {
  const brand = brandName(input.case);
  const who = input.profile.company || "the rights owner";
  const contact = input.profile.email ? ` Contact: ${input.profile.email}.` : "";
  return `This listing (item ${itemId(input.case)}) was removed at the request of ${who}, owner of the ${brand} trademark, because it offers goods that are not genuine ${brand} products. If you believe this is wrong, contact the rights owner with proof of authenticity.${contact}`;
}

const PLACE_LABEL: Record<string, string> = {
  product: "Product",
  packaging: "Packaging",
  images: "Images",
  text: "Text",
};

export interface Values {
  values: Record<ValueName, string>;
  warnings: Said[];
  attachments: string[];
}

export function noticeValues(portal: PortalEntry, input: NoticeInput): Values {
  const c = input.case;
  const all = [c, ...(input.more ?? [])];
  const p = input.profile;
  const chosen = chooseRegistration(p.trademarks, caseJurisdiction(portal, c), c.createdAt);
  const mark = chosen.mark;
  const letters = p.attachments.filter((a) => a.kind === "authorisation");
  const certificates = p.attachments.filter(
    (a) => a.kind === "certificate" && (a.registration === "" || a.registration === mark?.number),
  );
  const attachments = [...letters, ...certificates].map(attachmentEntryName);
  const orders = [...new Set(all.flatMap((x) => x.details?.testBuyOrders ?? []))];
  const where = [...new Set(all.flatMap((x) => x.details?.where ?? []))];
  const evidence = c.evidence.map((e) => e.name);
  const values: Record<ValueName, string> = {
    capacity: capacity(p),
    rightsOwner: p.company,
    signer: p.name,
    reason: reasonFor(portal, c),
    brand: brandName(c),
    brandRight: `Marca (trademark): ${brandName(c)}`,
    registrationNumber: mark?.number ?? "",
    registrationOffice: mark ? [mark.office, mark.jurisdiction].filter(Boolean).join(", ") : "",
    registrationClasses: mark?.classes ?? "",
    registrationExpiry: mark?.expiry ?? "",
    registrations: trademarkLines(p),
    certificates: certificates.map(attachmentEntryName).join("\n"),
    itemId: all.map(itemId).join("\n"),
    listingUrl: c.url,
    listingUrls: all.map((x) => x.url).join("\n"),
    listingUrlsWithSeller: all.map((x) => `${x.url} — seller: ${sellerOf(x)}`).join("\n"),
    seller: sellerOf(c),
    platform: MARKETPLACE_NAME[c.marketplace],
    description: description(input),
    sellerMessage: sellerMessage(input),
    contact: contactBlock(p),
    address: p.address,
    phone: p.phone,
    email: p.email,
    authorisation: [p.authorisationRef, ...letters.map(attachmentEntryName)].filter(Boolean).join("\n"),
    infringementTypes: where.map((w) => PLACE_LABEL[w] ?? w).join(", "),
    supporting: [
      ...(orders.length > 0 ? [`Test-buy order(s): ${orders.join(", ")}`] : []),
      ...[...evidence, ...attachments].map((name) => `Attached: ${name}`),
    ].join("\n"),
    goodFaith: goodFaith(p),
  };
  return { values, warnings: chosen.warnings, attachments: [...evidence, ...attachments] };
}
