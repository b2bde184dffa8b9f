/**
 * Where each marketplace takes reports, derived from the marketplace registry
 * (marketplaces.json, portals.json): `shopperUrl` is the public page a buyer can use;
 * `agentUrl` is the rights-owner portal the notices are written for. A portal
 * that moves is fixed in the registry, with its source, and nowhere else.
 * "{origin}" is replaced by the listing's own origin when it belongs to the
 * marketplace (Amazon and eBay run one report page per country site).
 */
import type { MarketplaceId } from "./listing.ts";
import { isVerified, type PortalEntry, REGISTRY } from "./marketplaces.ts";

export type PortalId = string;

export interface ReportPortal {
  id: PortalId;
  /** The portal's own name, as shown to the user. */
  name: string;
  shopperUrl: string | null;
  agentUrl: string | null;
  /** False when no public source confirms the URL: the UI says so. */
  shopperUrlVerified: boolean;
  agentUrlVerified: boolean;
  /** What the agent URL opens: the form, a policy page one step from it, or a help page. */
  agentPage: PortalEntry["agent"]["page"];
  /** Where a notice is sent when the portal is not a web form (eBay's NOCI: an e-mail address). */
  submitTo: string | null;
  /** Hosts the "{origin}" placeholder may take (exact match), so a URL is never built on a foreign host. */
  hosts: string[];
  /** The origin used when the listing's own host is not one of `hosts`. */
  fallbackOrigin: string | null;
  /** What the shopper should pick on that page. */
  shopperHint: string;
}

function marketplacesOf(portalId: string) {
  return REGISTRY.marketplaces.filter((m) => m.portals.agent === portalId || m.portals.shopper === portalId);
}

function toPortal(p: PortalEntry): ReportPortal {
  const templated = [p.agent.url.value, p.shopper.url.value].some((u) => u?.includes("{origin}"));
  const domains = templated ? marketplacesOf(p.id).flatMap((m) => m.hosts.map((h) => h.domain)) : [];
  return {
    id: p.id,
    name: p.name,
    shopperUrl: p.shopper.url.value,
    agentUrl: p.agent.url.value,
    shopperUrlVerified: isVerified(p.shopper.url),
    agentUrlVerified: isVerified(p.agent.url),
    agentPage: p.agent.page,
    submitTo: p.agent.submitTo?.value ?? null,
    hosts: domains.map((d) => `www.${d}`),
    fallbackOrigin: domains[0] ? `https://www.${domains[0]}` : null,
    shopperHint: p.shopper.hint,
  };
}

export const PORTALS: Record<PortalId, ReportPortal> = Object.fromEntries(
  REGISTRY.portals.map((p) => [p.id, toPortal(p)]),
);

/** The message keys of a portal's texts in the registry, translated in every locale (the English is the registry's). */
export function portalHintKey(id: string): string {
  return `portal_hint_${id.replace(/-/g, "_")}`;
}
export function portalNoteKey(id: string): string {
  return `portal_note_${id.replace(/-/g, "_")}`;
}
export function portalRequirementKey(id: string, index: number): string {
  return `portal_requirement_${id.replace(/-/g, "_")}_${index + 1}`;
}
/** A field of a portal's form, by its key in the registry ("rightsOwner" → portal_field_amazon_rights_owner). */
export function portalFieldKey(id: string, field: string): string {
  return `portal_field_${id.replace(/-/g, "_")}_${snake(field)}`;
}
/** The rule a field's value must follow, in words (the registry's note on the field's pattern). */
export function portalRuleKey(id: string, field: string): string {
  return `portal_rule_${id.replace(/-/g, "_")}_${snake(field)}`;
}
function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Which portal takes agents' reports for a marketplace. */
export const PORTAL_OF: Record<MarketplaceId, PortalId> = {
  ...Object.fromEntries(REGISTRY.marketplaces.map((m) => [m.id, m.portals.agent])),
  generic: REGISTRY.generic.portals.agent,
} as Record<MarketplaceId, PortalId>;

/** Which page a shopper is sent to, per marketplace. */
const SHOPPER_PORTAL_OF: Record<string, PortalId> = {
  ...Object.fromEntries(REGISTRY.marketplaces.map((m) => [m.id, m.portals.shopper])),
  generic: REGISTRY.generic.portals.shopper,
};

/** The marketplace names as shoppers know them. */
export const MARKETPLACE_NAME: Record<MarketplaceId, string> = {
  ...Object.fromEntries(REGISTRY.marketplaces.map((m) => [m.id, m.name])),
  generic: REGISTRY.generic.name,
} as Record<MarketplaceId, string>;

export function portalFor(marketplace: MarketplaceId, who: "shopper" | "agent" = "agent"): ReportPortal {
  const id = who === "agent" ? PORTAL_OF[marketplace] : SHOPPER_PORTAL_OF[marketplace];
  const portal = id === undefined ? undefined : PORTALS[id];
  if (!portal) throw new Error(`no ${who} portal for ${marketplace}`);
  return portal;
}

/** The listing's origin when its host belongs to the portal, else the portal's default origin. */
function originFor(portal: ReportPortal, listingUrl: string): string | null {
  try {
    const url = new URL(listingUrl);
    const owned = url.protocol === "https:" && portal.hosts.includes(url.hostname);
    return owned ? url.origin : portal.fallbackOrigin;
  } catch {
    return portal.fallbackOrigin;
  }
}

/** Fill a portal URL template for a listing; null when the portal has none. */
export function portalUrl(portal: ReportPortal, listingUrl: string, who: "shopper" | "agent"): string | null {
  const template = who === "shopper" ? portal.shopperUrl : portal.agentUrl;
  if (template === null) return null;
  if (!template.includes("{origin}")) return template;
  const origin = originFor(portal, listingUrl);
  return origin === null ? null : template.replace("{origin}", origin);
}

/** The report URL for a listing, for a shopper or an agent; null when the marketplace has none. */
export function reportUrl(marketplace: MarketplaceId, listingUrl: string, who: "shopper" | "agent"): string | null {
  return portalUrl(portalFor(marketplace, who), listingUrl, who);
}
