/**
 * The marketplace registry (marketplaces.json and portals.json), typed. Every marketplace
 * Copycatch knows: the name shoppers know, its hosts with their currency and
 * jurisdiction, its site adapter, and the portals that take its reports
 * (URL, fields, limits, reasons), each portal fact with its public source and
 * the date it was recorded, or marked unverified. The engine's
 * marketplaceFromUrl, the country-site tables, the report portals, the notice
 * writer and the manifest's content-script matches all come from here (or a
 * test checks them against it: cli/registry-check.ts). See docs/marketplaces.md.
 */
import {
  contentScriptMatches,
  type HostEntry,
  hostEntry,
  MARKETPLACE_LIST,
  type MarketplaceEntry,
  marketplaceEntry,
} from "./marketplace-sites.ts";
import portals from "./portals.json" with { type: "json" };

export { contentScriptMatches, type HostEntry, hostEntry, type MarketplaceEntry, marketplaceEntry };

/** A fact from a public source (a URL or a document's name) and the date it was recorded, or one no source confirms. */
export type Fact<T> = { value: T; note?: string } & ({ source: string; checked: string } | { unverified: true });

export type Claim = "counterfeit" | "listing-misuse";

export interface PortalReason {
  code: string;
  label: string;
  /** What kind of claim this reason is for: one reason per notice is chosen by the case's claim. */
  claim: Claim;
  source?: string;
  checked?: string;
  unverified?: true;
}

/** The case and profile values a field can be filled from (see notices/values.ts). */
export type ValueName =
  | "capacity"
  | "rightsOwner"
  | "signer"
  | "reason"
  | "brand"
  | "brandRight"
  | "registrationNumber"
  | "registrationOffice"
  | "registrationClasses"
  | "registrationExpiry"
  | "registrations"
  | "certificates"
  | "itemId"
  | "listingUrl"
  | "listingUrls"
  | "listingUrlsWithSeller"
  | "seller"
  | "platform"
  | "description"
  | "sellerMessage"
  | "contact"
  | "address"
  | "phone"
  | "email"
  | "authorisation"
  | "infringementTypes"
  | "supporting"
  | "goodFaith";

export interface PortalField {
  key: string;
  label: string;
  /** Filled from this value of the case or profile ... */
  from?: ValueName;
  /** ... or always this text. */
  value?: string;
  options?: string[];
  /** The portal's length limit, only when a source gives it; null: unknown. */
  maxLength: Fact<number> | null;
  /** Each line of the value must match (Etsy: listing URLs, not shop names). */
  pattern?: Fact<string>;
  /** The portal refuses a notice without it. */
  required?: boolean;
  source?: string;
  checked?: string;
  unverified?: true;
  note?: string;
}

export interface PortalEntry {
  id: string;
  name: string;
  agent: {
    url: Fact<string | null>;
    /** What the URL opens: the form itself, a policy page next to it, or a help page. */
    page: "form" | "policy" | "help" | "none";
    signIn?: boolean;
    /** Where the notice is sent when it is not a web form (eBay's NOCI goes by e-mail). */
    submitTo?: Fact<string>;
    covers?: Fact<string[]>;
    note?: string;
  };
  shopper: { url: Fact<string | null>; hint: string };
  /** "host": the listing's host decides; a country code: always that one; null: any. */
  jurisdiction: { value: string | null; source?: string; checked?: string };
  limits: { listings: Fact<number> | null };
  reasons: PortalReason[];
  requirements: { text: string; source?: string; checked?: string; unverified?: true }[];
  fields: PortalField[];
}

/** The whole registry: marketplaces.json (marketplace-sites.ts) and portals.json, as one object. */
export interface Registry {
  format: "copycatch.marketplaces/1";
  about: string;
  /** Where a portal's limit is unknown, long texts are kept under this many characters. */
  unknownLimitTarget: number;
  /** Trademark office → jurisdiction ("EUIPO" → "EU"), for registrations saved without one. */
  offices: Record<string, string>;
  euMembers: string[];
  marketplaces: MarketplaceEntry[];
  portals: PortalEntry[];
  generic: { name: string; portals: { shopper: string; agent: string } };
}

const PORTALS_DATA = portals as unknown as Pick<Registry, "unknownLimitTarget" | "offices" | "euMembers" | "portals">;

export const REGISTRY: Registry = {
  ...MARKETPLACE_LIST,
  unknownLimitTarget: PORTALS_DATA.unknownLimitTarget,
  offices: PORTALS_DATA.offices,
  euMembers: PORTALS_DATA.euMembers,
  portals: PORTALS_DATA.portals,
};

/** True when a source backs the fact. */
export function isVerified(fact: { source?: string; unverified?: true } | null | undefined): boolean {
  return Boolean(fact && "source" in fact && fact.source && !("unverified" in fact && fact.unverified));
}

/**
 * Problems in a registry: every portal fact needs a source and a date, or
 * `unverified: true`; ids unique; every marketplace points at portals that
 * exist. Run on the shipped registry by the tests and `npm run -s portals -- --check`.
 */
export function registryProblems(reg: Registry): string[] {
  const out: string[] = [];
  const sourced = (where: string, f: { source?: string; checked?: string; unverified?: boolean } | null) => {
    if (f === null) return;
    const hasSource = typeof f.source === "string" && f.source.length > 0;
    if (hasSource && f.unverified) out.push(`${where}: both a source and unverified`);
    else if (hasSource && !/^\d{4}-\d\d-\d\d$/.test(f.checked ?? "")) out.push(`${where}: source without a date`);
    else if (!hasSource && f.unverified !== true) out.push(`${where}: no source and not marked unverified`);
  };
  const portalIds = new Set<string>();
  for (const p of reg.portals) {
    if (portalIds.has(p.id)) out.push(`portal ${p.id}: listed twice`);
    portalIds.add(p.id);
    sourced(`${p.id}.agent.url`, p.agent.url);
    sourced(`${p.id}.shopper.url`, p.shopper.url);
    if (p.agent.submitTo) sourced(`${p.id}.agent.submitTo`, p.agent.submitTo);
    if (p.agent.covers) sourced(`${p.id}.agent.covers`, p.agent.covers);
    sourced(`${p.id}.limits.listings`, p.limits.listings);
    const keys = new Set<string>();
    for (const f of p.fields) {
      if (keys.has(f.key)) out.push(`${p.id}.${f.key}: field listed twice`);
      keys.add(f.key);
      sourced(`${p.id}.${f.key}`, f);
      sourced(`${p.id}.${f.key}.maxLength`, f.maxLength);
      if (f.pattern) sourced(`${p.id}.${f.key}.pattern`, f.pattern);
      if ((f.from === undefined) === (f.value === undefined)) out.push(`${p.id}.${f.key}: give "from" or "value"`);
    }
    for (const r of p.reasons) sourced(`${p.id}.reason ${r.code}`, r);
    for (const [i, r] of p.requirements.entries()) sourced(`${p.id}.requirements[${i}]`, r);
    if (p.fields.some((f) => f.from === "reason") && p.reasons.length === 0)
      out.push(`${p.id}: a reason field, no reasons`);
  }
  const ids = new Set<string>();
  for (const m of reg.marketplaces) {
    if (ids.has(m.id)) out.push(`marketplace ${m.id}: listed twice`);
    ids.add(m.id);
    for (const role of ["shopper", "agent"] as const) {
      if (!portalIds.has(m.portals[role])) out.push(`${m.id}: ${role} portal ${m.portals[role]} does not exist`);
    }
    if (m.hosts.length === 0) out.push(`${m.id}: no hosts`);
  }
  for (const role of ["shopper", "agent"] as const) {
    if (!portalIds.has(reg.generic.portals[role])) out.push(`generic: ${role} portal does not exist`);
  }
  return out;
}

const PROBLEMS = registryProblems(REGISTRY);
if (PROBLEMS.length > 0) throw new Error(`marketplace registry: ${PROBLEMS.join("; ")}`);

const PORTAL_BY_ID = new Map(REGISTRY.portals.map((p) => [p.id, p]));

export function portalEntry(id: string): PortalEntry {
  const p = PORTAL_BY_ID.get(id);
  if (!p) throw new Error(`no portal ${id} in the registry`);
  return p;
}
