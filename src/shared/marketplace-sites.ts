/**
 * The marketplaces half of the registry (marketplaces.json): ids, names,
 * hosts with their currency and jurisdiction, adapters, and which portal
 * takes each one's reports. Kept apart from the portals (portals.json, see
 * marketplaces.ts) so the content script and the engine load only this.
 */
import data from "./marketplaces.json" with { type: "json" };

export interface HostEntry {
  /** Registrable domain: "amazon.co.uk". */
  domain: string;
  /** ISO 4217 currency of the prices, null when the site shows several. */
  currency: string | null;
  /** ISO 3166 country whose registrations apply, null when the site sells across borders. */
  jurisdiction: string | null;
  /** The subdomains the content script runs on ("item" → item.taobao.com); absent: any subdomain. */
  subdomains?: string[];
}

export interface MarketplaceEntry {
  id: string;
  name: string;
  /** The site adapter's id (src/content/sites/<adapter>.ts). */
  adapter: string;
  /** Host labels that identify the marketplace in any URL ("www.amazon.co.uk" has "amazon"). */
  labels: string[];
  hosts: HostEntry[];
  portals: { shopper: string; agent: string };
}

export interface MarketplaceList {
  format: "copycatch.marketplaces/1";
  about: string;
  marketplaces: MarketplaceEntry[];
  generic: { name: string; portals: { shopper: string; agent: string } };
}

export const MARKETPLACE_LIST = data as unknown as MarketplaceList;

const BY_ID = new Map(MARKETPLACE_LIST.marketplaces.map((m) => [m.id, m]));

export function marketplaceEntry(id: string): MarketplaceEntry | null {
  return BY_ID.get(id) ?? null;
}

/** The host entry a hostname belongs to (the domain itself or a subdomain of it), never a look-alike. */
export function hostEntry(marketplace: string, host: string): HostEntry | null {
  const h = host.toLowerCase();
  const hosts = BY_ID.get(marketplace)?.hosts ?? [];
  return hosts.find((e) => onDomain(h, e.domain)) ?? null;
}

/** A lower-case hostname is the domain itself or a subdomain of it ("m.ebay.co.uk" is on "ebay.co.uk"). */
export function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** A lower-case hostname (null: none) is on one of the domains (onDomain). */
export function onAnyDomain(host: string | null, domains: readonly string[]): boolean {
  return host !== null && domains.some((d) => onDomain(host, d));
}

/** The content-script match patterns, derived from the hosts: "https://*.amazon.com/*" or one per listed subdomain. */
export function contentScriptMatches(list: { marketplaces: MarketplaceEntry[] } = MARKETPLACE_LIST): string[] {
  return list.marketplaces.flatMap((m) =>
    m.hosts.flatMap((h) =>
      h.subdomains ? h.subdomains.map((s) => `https://${s}.${h.domain}/*`) : [`https://*.${h.domain}/*`],
    ),
  );
}

/** Whether the content script runs on `url`: an https page on one of the hosts of contentScriptMatches. */
export function runsContentScript(url: string, list: { marketplaces: MarketplaceEntry[] } = MARKETPLACE_LIST): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "https:") return false;
  const host = u.hostname.toLowerCase();
  return list.marketplaces.some((m) =>
    m.hosts.some((h) =>
      h.subdomains ? h.subdomains.some((s) => host === `${s}.${h.domain}`) : onDomain(host, h.domain),
    ),
  );
}
