/** Pieces every notice shares: who complains, about which mark, what the listing is, what evidence exists. */
import type { RightsHolderProfile, TrademarkRegistration } from "../profile.ts";
import { MARKETPLACE_NAME } from "../report-portals.ts";
import type { NoticeCase, NoticeInput } from "./types.ts";

export function brandName(c: NoticeCase): string {
  return c.verdict.brand?.name ?? c.listing.brand ?? "(brand not identified)";
}

function markLine(m: TrademarkRegistration): string {
  const where = m.jurisdiction ? ` (${m.jurisdiction})` : "";
  const cls = m.classes ? `, class ${m.classes}` : "";
  const exp = m.expiry ? `, valid until ${m.expiry}` : "";
  return `${m.office}${where} reg. no. ${m.number}${cls}${exp}`;
}

export function trademarkLines(profile: RightsHolderProfile): string {
  const marks = profile.trademarks;
  if (marks.length === 0) return "(add your trademark registrations in Copycatch options)";
  return marks.map(markLine).join("; ");
}

export function contactBlock(profile: RightsHolderProfile): string {
  const p = profile;
  return [p.name, p.company, p.address, p.email, p.phone].filter((s) => s.length > 0).join("\n");
}

export function sellerOf(c: NoticeCase): string {
  const s = c.listing.seller;
  if (!s?.name) return "(seller not shown)";
  return s.id ? `${s.name} (id ${s.id})` : s.name;
}

/** The verdict's reasons that raise risk, with the words found on the listing. */
export function signalLines(c: NoticeCase): string[] {
  return c.verdict.reasons
    .filter((r) => r.weight > 0)
    .map((r) => (r.evidence ? `${r.message}: "${r.evidence.text}" (in the ${r.evidence.field})` : r.message));
}

export function evidenceLine(c: NoticeCase): string {
  const files = c.evidence.map((e) => `${e.name} sha256:${e.sha256}`).join("; ");
  return `Copycatch case ${c.caseId}, captured ${c.createdAt} (UTC)${files ? `; ${files}` : ""}.`;
}

/** A factual description, no accusation beyond what the listing shows. */
export function description(input: NoticeInput): string {
  const c = input.case;
  const brand = brandName(c);
  const lines = [
    `The listing "${c.listing.title ?? "(untitled)"}" on ${MARKETPLACE_NAME[c.marketplace]} offers goods bearing the ${brand} trademark that are not genuine ${brand} products and are not sold by or with the authorisation of the rights owner.`,
    `Seller: ${sellerOf(c)}.`,
  ];
  const where = c.details?.where ?? [];
  if (where.length > 0) lines.push(`The infringement appears in: ${where.join(", ")}.`);
  const signals = signalLines(c);
  if (signals.length > 0) lines.push(`Indicators on the listing: ${signals.join("; ")}.`);
  const orders = c.details?.testBuyOrders ?? [];
  if (orders.length > 0) lines.push(`Test-buy order(s): ${orders.join(", ")}.`);
  lines.push(`Evidence: ${evidenceLine(c)}`);
  return lines.join("\n");
}

export function goodFaith(profile: RightsHolderProfile): string {
  return `I have a good faith belief that use of the trademark described above is not authorised by the rights owner, its agent, or the law. The information in this notice is accurate, and under penalty of perjury, I am the rights owner or authorised to act on behalf of ${profile.company || "the rights owner"}.`;
}

/** "Filing as agent" when a letter of authorisation is referenced or attached. */
export function capacity(profile: RightsHolderProfile): string {
  const letters = profile.attachments.filter((a) => a.kind === "authorisation");
  if (profile.authorisationRef) return `Authorised agent (letter of authorisation ${profile.authorisationRef})`;
  if (letters.length > 0) return `Authorised agent (letter of authorisation attached: ${letters[0]?.name})`;
  return "Rights owner";
}

/** Cut to a limit on a word boundary, with an ellipsis, never over the limit (counted in UTF-16 units as forms do). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The listing's id on its marketplace: ASIN, item number, product id. */
export function itemId(c: NoticeCase): string {
  return c.listing.sku ?? "(see URL)";
}
