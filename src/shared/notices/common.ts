/** Pieces every notice shares: who complains, about which mark, what the listing is, what evidence exists. */
import { MARKETPLACE_NAME } from "../report-portals.ts";
import type { NoticeCase, NoticeField, NoticeInput } from "./types.ts";

export function brandName(c: NoticeCase): string {
  return c.verdict.brand?.name ?? c.listing.brand ?? "(brand not identified)";
}

export function trademarkLines(input: NoticeInput): string {
  const marks = input.profile.trademarks;
  if (marks.length === 0) return "(add your trademark registrations in Copycatch options)";
  return marks.map((m) => `${m.office} reg. no. ${m.number}${m.classes ? `, class ${m.classes}` : ""}`).join("; ");
}

export function firstMark(input: NoticeInput): { office: string; number: string; classes: string } {
  return input.profile.trademarks[0] ?? { office: "", number: "", classes: "" };
}

export function contactBlock(input: NoticeInput): string {
  const p = input.profile;
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
  const lines = [
    `The listing "${c.listing.title ?? "(untitled)"}" on ${MARKETPLACE_NAME[c.marketplace]} offers goods bearing the ${brandName(c)} trademark that are not genuine ${brandName(c)} products and are not sold by or with the authorisation of the rights owner.`,
    `Seller: ${sellerOf(c)}.`,
  ];
  const signals = signalLines(c);
  if (signals.length > 0) lines.push(`Indicators on the listing: ${signals.join("; ")}.`);
  lines.push(`Evidence: ${evidenceLine(c)}`);
  return lines.join("\n");
}

export function goodFaith(input: NoticeInput): string {
  return `I have a good faith belief that use of the trademark described above is not authorised by the rights owner, its agent, or the law. The information in this notice is accurate, and under penalty of perjury, I am the rights owner or authorised to act on behalf of ${input.profile.company || "the rights owner"}.`;
}

/** "Filing as agent" when a letter of authorisation is referenced. */
export function capacity(input: NoticeInput): string {
  return input.profile.authorisationRef
    ? `Authorised agent (letter of authorisation ${input.profile.authorisationRef})`
    : "Rights owner";
}

export function field(key: string, label: string, value: string, maxLength?: number): NoticeField {
  const clipped = maxLength !== undefined ? clip(value, maxLength) : value;
  return maxLength !== undefined ? { key, label, value: clipped, maxLength } : { key, label, value: clipped };
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
