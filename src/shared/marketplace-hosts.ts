/**
 * The country sites of the marketplaces that run one store per country
 * domain, and the currency each prices in: one table for the site adapters
 * (which hosts are theirs; the currency behind a bare "$") and the report
 * portals (which origins a report URL may be built on). A store that opens
 * in a new country is added here and nowhere else. (The engine's
 * marketplaceFromUrl could take these hosts from here too.)
 */

/** Registrable domain ("amazon.co.uk") → the ISO 4217 currency its prices are in. */
export type CountrySites = Readonly<Record<string, string>>;

function under(name: string, suffixes: Record<string, string>): CountrySites {
  return Object.fromEntries(Object.entries(suffixes).map(([suffix, currency]) => [`${name}.${suffix}`, currency]));
}

export const AMAZON_SITES: CountrySites = under("amazon", {
  com: "USD",
  ca: "CAD",
  "com.mx": "MXN",
  "com.br": "BRL",
  "co.uk": "GBP",
  de: "EUR",
  fr: "EUR",
  it: "EUR",
  es: "EUR",
  nl: "EUR",
  "com.be": "EUR",
  ie: "EUR",
  se: "SEK",
  pl: "PLN",
  "com.tr": "TRY",
  ae: "AED",
  sa: "SAR",
  eg: "EGP",
  in: "INR",
  "co.jp": "JPY",
  "com.au": "AUD",
  sg: "SGD",
});

export const EBAY_SITES: CountrySites = under("ebay", {
  com: "USD",
  ca: "CAD",
  "co.uk": "GBP",
  de: "EUR",
  fr: "EUR",
  it: "EUR",
  es: "EUR",
  ie: "EUR",
  at: "EUR",
  nl: "EUR",
  be: "EUR",
  ch: "CHF",
  pl: "PLN",
  "com.au": "AUD",
  "com.hk": "HKD",
  "com.sg": "SGD",
  "com.my": "MYR",
  ph: "PHP",
  in: "INR",
});

/** Mercado Libre, and Mercado Livre in Brazil. */
export const MERCADOLIBRE_SITES: CountrySites = {
  "mercadolibre.com.ar": "ARS",
  "mercadolibre.com.mx": "MXN",
  "mercadolibre.com.co": "COP",
  "mercadolibre.cl": "CLP",
  "mercadolibre.com.pe": "PEN",
  "mercadolibre.com.uy": "UYU",
  "mercadolibre.com.ve": "VES",
  "mercadolibre.com.ec": "USD",
  "mercadolibre.com.bo": "BOB",
  "mercadolibre.com.py": "PYG",
  "mercadolibre.com.do": "DOP",
  "mercadolibre.co.cr": "CRC",
  "mercadolibre.com.pa": "USD",
  "mercadolibre.com.gt": "GTQ",
  "mercadolibre.com.sv": "USD",
  "mercadolibre.com.hn": "HNL",
  "mercadolibre.com.ni": "NIO",
  "mercadolivre.com.br": "BRL",
};

/** The site a host belongs to (the domain itself or any subdomain of it), or null. */
export function siteOf(sites: CountrySites, host: string): string | null {
  const h = host.toLowerCase();
  for (const site of Object.keys(sites)) if (h === site || h.endsWith(`.${site}`)) return site;
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
