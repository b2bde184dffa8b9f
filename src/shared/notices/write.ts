/**
 * One notice writer for every portal: the registry gives the portal's fields
 * (label, source of the value, limit, required or not), values.ts the facts.
 * A limit no source confirms is not invented: long texts are kept short and
 * the notice says the limit is unknown. A required field left empty, or a
 * value the portal rejects (Etsy: shop names for listing URLs), is an error.
 */
import { isVerified, type PortalEntry, portalEntry, REGISTRY } from "../marketplaces.ts";
import { PORTALS, type PortalId, portalUrl } from "../report-portals.ts";
import { clip } from "./common.ts";
import type { Notice, NoticeField, NoticeInput } from "./types.ts";
import { noticeValues } from "./values.ts";

/** Values written as free text: the ones kept short where the portal's limit is unknown. */
const LONG_TEXT = new Set(["description", "sellerMessage"]);

function urlWarnings(portal: PortalEntry, url: string | null): string[] {
  const out: string[] = [];
  if (url === null) return out;
  if (!isVerified(portal.agent.url)) {
    out.push(
      `No public source confirms ${url} as ${portal.name}'s complaint page: it is the marketplace's IP help page as last known; check it before filing.`,
    );
  }
  if (portal.agent.page === "policy")
    out.push("This opens the portal's policy page, one step from its reporting page.");
  if (portal.agent.note) out.push(portal.agent.note);
  if (portal.agent.submitTo) out.push(`Send the notice to ${portal.agent.submitTo.value}.`);
  return out;
}

export function writeNotice(portalId: PortalId, input: NoticeInput): Notice {
  const portal = portalEntry(portalId);
  const { values, warnings, attachments } = noticeValues(portal, input);
  const url = portalUrl(PORTALS[portalId] as NonNullable<(typeof PORTALS)[string]>, input.case.url, "agent");
  const errors: string[] = [];
  const notes: string[] = [];
  const count = 1 + (input.more?.length ?? 0);
  const listingLimit = portal.limits.listings?.value ?? 1;
  if (count > listingLimit) {
    errors.push(`${count} listings: ${portal.name} takes at most ${listingLimit} per notice; split them.`);
  }
  const fields: NoticeField[] = portal.fields.map((spec) => {
    let value = spec.value ?? (spec.from ? values[spec.from] : "");
    const limit = spec.maxLength?.value;
    if (limit !== undefined) value = clip(value, limit);
    else if (spec.from && LONG_TEXT.has(spec.from)) {
      value = clip(value, REGISTRY.unknownLimitTarget);
      notes.push(
        `${spec.label}: no public source gives ${portal.name}'s limit; the text is kept under ${REGISTRY.unknownLimitTarget} characters.`,
      );
    }
    if (spec.required && value.trim() === "") errors.push(`${spec.label}: required by ${portal.name}, empty.`);
    if (spec.pattern && value !== "") {
      const re = new RegExp(spec.pattern.value);
      for (const line of value.split("\n")) {
        if (!re.test(line))
          errors.push(`${spec.label}: "${line}" is not accepted (${spec.pattern.note ?? spec.pattern.value}).`);
      }
    }
    const field: NoticeField = { key: spec.key, label: spec.label, value };
    if (limit !== undefined) field.maxLength = limit;
    if (spec.options) field.options = spec.options;
    return field;
  });
  const requirements = portal.requirements.map((r) => r.text);
  return {
    portal: portal.id,
    portalName: portal.name,
    url,
    urlVerified: url !== null && isVerified(portal.agent.url),
    submitTo: portal.agent.submitTo?.value ?? null,
    fields,
    warnings: [...urlWarnings(portal, url), ...warnings, ...requirements, ...notes],
    errors,
    attachments,
  };
}
