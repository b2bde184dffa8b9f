/**
 * The country sites of the marketplaces that run one store per country
 * domain, and the currency each prices in, taken from the marketplace
 * registry (marketplaces.json, through marketplace-sites.ts): the site adapters use them (which hosts are
 * theirs; the currency behind a bare "$") and so do the report portals (which
 * origins a report URL may be built on). A store that opens in a new country
 * is added to the registry and nowhere else.
 */
import { MARKETPLACE_LIST, onDomain } from "./marketplace-sites.ts";

/** Registrable domain ("amazon.co.uk") → the ISO 4217 currency its prices are in. */
export type CountrySites = Readonly<Record<string, string>>;

/** A marketplace's domains with a currency of their own, from the registry. */
export function countrySites(marketplace: string): CountrySites {
  const entry = MARKETPLACE_LIST.marketplaces.find((m) => m.id === marketplace);
  if (!entry) throw new Error(`no marketplace ${marketplace} in the registry`);
  return Object.fromEntries(entry.hosts.flatMap((h) => (h.currency ? [[h.domain, h.currency]] : [])));
}

export const AMAZON_SITES: CountrySites = countrySites("amazon");
export const EBAY_SITES: CountrySites = countrySites("ebay");
/** Mercado Libre, and Mercado Livre in Brazil. */
export const MERCADOLIBRE_SITES: CountrySites = countrySites("mercadolibre");

/** The site a host belongs to (the domain itself or any subdomain of it), or null. */
export function siteOf(sites: CountrySites, host: string): string | null {
  const h = host.toLowerCase();
  for (const site of Object.keys(sites)) if (onDomain(h, site)) return site;
  return null;
}

/** The currency of the site a host belongs to, or null for a foreign host. */
export function currencyOf(sites: CountrySites, host: string): string | null {
  const site = siteOf(sites, host);
  return site === null ? null : (sites[site] ?? null);
}

/** The www host of every site: the origins a per-country report page may be built on. */
export function wwwHosts(sites: CountrySites): string[] {
  return Object.keys(sites).map((site) => `www.${site}`);
}
