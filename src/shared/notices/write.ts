/**
 * One notice writer for every portal: the registry gives the portal's fields
 * (label, source of the value, limit, required or not), values.ts the facts.
 * A limit no source confirms is not invented: long texts are kept short and
 * the notice says the limit is unknown. A required field left empty, or a
 * value the portal rejects (Etsy: shop names for listing URLs), is an error.
 */
import { isVerified, type PortalEntry, portalEntry, REGISTRY } from "../marketplaces.ts";
import {
  PORTALS,
  type PortalId,
  portalFieldKey,
  portalNoteKey,
  portalRequirementKey,
  portalRuleKey,
  portalUrl,
} from "../report-portals.ts";
import { english, type Said, said, saidFromData } from "../said.ts";
import { clip } from "./common.ts";
import type { Notice, NoticeField, NoticeInput } from "./types.ts";
import { noticeValues } from "./values.ts";

/** Values written as free text: the ones kept short where the portal's limit is unknown. */
const LONG_TEXT = new Set(["description", "sellerMessage"]);

function urlWarnings(portal: PortalEntry, url: string | null): Said[] {
  const out: Said[] = [];
  if (url === null) return out;
  if (!isVerified(portal.agent.url)) out.push(said("notice_url_unverified", { url, portal: portal.name }));
  if (portal.agent.page === "policy") out.push(said("notice_policy_page"));
  if (portal.agent.note) out.push(saidFromData(portalNoteKey(portal.id), portal.agent.note));
  if (portal.agent.submitTo) out.push(said("notice_send_to", { address: portal.agent.submitTo.value }));
  return out;
}

export function writeNotice(portalId: PortalId, input: NoticeInput): Notice {
  const portal = portalEntry(portalId);
  const { values, warnings, attachments } = noticeValues(portal, input);
  const url = portalUrl(PORTALS[portalId] as NonNullable<(typeof PORTALS)[string]>, input.case.url, "agent");
  const errors: Said[] = [];
  const notes: Said[] = [];
  const count = 1 + (input.more?.length ?? 0);
  const listingLimit = portal.limits.listings?.value ?? 1;
  if (count > listingLimit) {
    errors.push(said("notice_too_many_listings", { count, portal: portal.name, limit: listingLimit }));
  }
  const fields: NoticeField[] = portal.fields.map((spec) => {
    // The field as the agent's pages name it (in their language); the notice keeps the registry's label.
    const label = saidFromData(portalFieldKey(portal.id, spec.key), spec.label);
    let value = spec.value ?? (spec.from ? values[spec.from] : "");
    const limit = spec.maxLength?.value;
    if (limit !== undefined) value = clip(value, limit);
    else if (spec.from && LONG_TEXT.has(spec.from)) {
      value = clip(value, REGISTRY.unknownLimitTarget);
      notes.push(
        said("notice_limit_unknown", { field: label, portal: portal.name, limit: REGISTRY.unknownLimitTarget }),
      );
    }
    if (spec.required && value.trim() === "") {
      errors.push(said("notice_field_required", { field: label, portal: portal.name }));
    }
    if (spec.pattern && value !== "") {
      const re = new RegExp(spec.pattern.value);
      for (const line of value.split("\n")) {
        if (!re.test(line)) {
          const { note } = spec.pattern;
          const rule = note ? saidFromData(portalRuleKey(portal.id, spec.key), note) : spec.pattern.value;
          errors.push(said("notice_value_refused", { field: label, value: line, rule }));
        }
      }
    }
    const field: NoticeField = { key: spec.key, label: spec.label, value };
    if (limit !== undefined) field.maxLength = limit;
    if (spec.options) field.options = spec.options;
    return field;
  });
  const requirements = portal.requirements.map((r, i) => saidFromData(portalRequirementKey(portal.id, i), r.text));
  const told = [...urlWarnings(portal, url), ...warnings, ...requirements, ...notes];
  return {
    portal: portal.id,
    portalName: portal.name,
    url,
    urlVerified: url !== null && isVerified(portal.agent.url),
    submitTo: portal.agent.submitTo?.value ?? null,
    fields,
    warnings: told.map(english),
    errors: errors.map(english),
    said: { warnings: told, errors },
    attachments,
  };
}
