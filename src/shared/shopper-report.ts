/**
 * The shopper's report: a short factual text for the marketplace form or the
 * brand's contact, and where to send it. Facts only (what the listing says,
 * what Copycatch found), no accusation the shopper cannot back.
 */
import type { Listing } from "./listing.ts";
import type { ReportContact } from "./pack.ts";
import { MARKETPLACE_NAME, portalFor, portalHintKey, reportUrl } from "./report-portals.ts";
import { type Said, saidFromData } from "./said.ts";
import type { Verdict } from "./verdict.ts";

export function shopperReportText(listing: Listing, verdict: Verdict, checkedAt: string): string {
  const brand = verdict.brand?.name ?? listing.brand ?? "a brand";
  const where = MARKETPLACE_NAME[listing.marketplace];
  const lines = [
    `I believe this listing on ${where} may be offering counterfeit ${brand} goods:`,
    listing.url,
    "",
    `Title: ${listing.title ?? "(none)"}`,
  ];
  if (listing.seller?.name) lines.push(`Seller: ${listing.seller.name}`);
  if (listing.price)
    lines.push(`Price: ${listing.price.amount}${listing.price.currency ? ` ${listing.price.currency}` : ""}`);
  const signals = verdict.reasons.filter((r) => r.weight > 0);
  if (signals.length > 0) {
    lines.push("", "What I noticed:");
    for (const r of signals.slice(0, 5)) lines.push(`- ${r.message}${r.evidence ? `: "${r.evidence.text}"` : ""}`);
  }
  lines.push(
    "",
    `Checked with Copycatch on ${checkedAt.slice(0, 16).replace("T", " ")} UTC (risk ${verdict.score}/100).`,
  );
  return lines.join("\n");
}

export interface ShopperReport {
  portalName: string;
  portalUrl: string | null;
  /** False when no public source confirms the page: the popup says so. */
  portalUrlVerified: boolean;
  hint: string;
  /** The hint as a key (the registry's text translated), for the popup to word. */
  hintSaid: Said;
  text: string;
  /** The brand's own reporting contact from the rule pack, when it has one. */
  contact: ReportContact | null;
  mailto: string | null;
}

export function shopperReport(
  listing: Listing,
  verdict: Verdict,
  checkedAt: string,
  contact: ReportContact | null,
): ShopperReport {
  const portal = portalFor(listing.marketplace, "shopper");
  const text = shopperReportText(listing, verdict, checkedAt);
  const subject =
    `Possible counterfeit ${verdict.brand?.name ?? ""} listing on ${MARKETPLACE_NAME[listing.marketplace]}`.replace(
      /\s+/g,
      " ",
    );
  const email = contact?.email && /^[^\s@<>"?&]+@[^\s@<>"?&]+$/.test(contact.email) ? contact.email : null;
  return {
    portalName: portal.name,
    portalUrl: reportUrl(listing.marketplace, listing.url, "shopper"),
    portalUrlVerified: portal.shopperUrlVerified,
    hint: portal.shopperHint,
    hintSaid: saidFromData(portalHintKey(portal.id), portal.shopperHint),
    text,
    contact,
    mailto: email ? `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}` : null,
  };
}
