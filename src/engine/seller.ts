/**
 * Seller signals: official or authorised (lowers risk), impersonating the
 * brand, or weak (new, few ratings, poor feedback).
 */
import type { Listing } from "../shared/listing.ts";
import { onAnyDomain, onDomain } from "../shared/marketplace-sites.ts";
import type { Reason } from "../shared/verdict.ts";
import ITEMS from "./data/item-context.json";
import RETAIL from "./data/marketplace-retail.json";
import { SMALL_KANA } from "./fold.ts";
import type { MatcherData } from "./layout.ts";
import * as W from "./weights.ts";

/**
 * Lowercase letters and digits only, so "Nike Official Store" and "nike-official-store" compare equal; small kana
 * full-size, as the matcher folds them (fold.ts), so a name read back from a pattern compares with the text.
 */
export function squash(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(SMALL_KANA_RE, (c) => String.fromCharCode(SMALL_KANA.get(c.charCodeAt(0)) as number));
}
const SMALL_KANA_RE = new RegExp(`[${[...SMALL_KANA.keys()].map((c) => String.fromCharCode(c)).join("")}]`, "gu");

/**
 * Who sells, for one brand: the brand's own store ("official": the
 * marketplace's brand-store label, an official store the pack lists, the
 * brand's own website), the marketplace's own retail ("marketplace":
 * Amazon.com, Walmart.com, 京东自营, 天猫超市), a reseller the brand
 * authorises ("authorised"), or a third party (null).
 */
export type SellerStanding = "official" | "marketplace" | "authorised" | null;

interface RetailEntry {
  marketplace: string;
  hosts?: string[];
  exact: string[];
  prefix: string[];
  contains: string[];
}

const RETAIL_ENTRIES: RetailEntry[] = (RETAIL.retail as RetailEntry[]).map((e) => ({
  ...e,
  exact: e.exact.map(squash),
  prefix: e.prefix.map(squash),
  contains: e.contains.map(squash),
}));

/** The seller is the marketplace's own retail (data/marketplace-retail.json), by the page's flag or by its name. */
export function isMarketplaceRetail(listing: Listing): boolean {
  // Asked once per brand a listing claims: the answer for the last seller name, marketplace and URL is kept.
  const seller = listing.seller;
  if (!seller) return false;
  if (seller.retail === true) return true;
  const c = RETAIL_LAST;
  if (seller.name === c.name && listing.marketplace === c.market && listing.url === c.url) return c.value;
  c.value = retailOf(listing);
  c.name = seller.name;
  c.market = listing.marketplace;
  c.url = listing.url;
  return c.value;
}

const RETAIL_LAST = { name: null as string | null, market: "", url: "", value: false };

function retailOf(listing: Listing): boolean {
  const seller = listing.seller;
  if (!seller) return false;
  if (seller.retail === true) return true;
  if (!seller.name) return false;
  const name = squash(seller.name);
  if (!name) return false;
  let host: string | null | undefined;
  for (const e of RETAIL_ENTRIES) {
    if (e.marketplace !== listing.marketplace) continue;
    if (e.hosts) {
      host ??= hostOf(listing.url);
      if (!onAnyDomain(host, e.hosts)) continue;
    }
    if (e.exact.includes(name) || e.prefix.some((p) => name.startsWith(p)) || e.contains.some((c) => name.includes(c)))
      return true;
  }
  return false;
}

/** Is the listing on the brand's own site, or its seller the brand's store, the marketplace's own retail, or authorised? */
export function sellerStanding(d: MatcherData, brand: number, listing: Listing): SellerStanding {
  if (onBrandDomain(d.bDomains.at(brand) ?? "", listing.url)) return "official";
  const listed = listedStanding(d, brand, listing);
  if (listed === "official") return listed;
  // The marketplace's own retail flags itself "official" on some sites (Amazon's first party, JD's 自营): it is not the brand's store.
  if (isMarketplaceRetail(listing)) return "marketplace";
  if (listing.seller?.official === true) return "official";
  return listed;
}

function listedStanding(d: MatcherData, brand: number, listing: Listing): SellerStanding {
  const seller = listing.seller;
  if (!seller || (!seller.name && !seller.id)) return null;
  const entries = d.bSellers.at(brand) ?? "";
  if (!entries) return null;
  // Squashed lazily: most brands list no sellers.
  let name: string | null = null;
  let best: SellerStanding = null;
  for (const entry of entries.split("\u0001")) {
    if (!entry) continue;
    const [kind, market, refName, refId] = entry.split("\u0002");
    if (market !== "*" && market !== listing.marketplace) continue;
    const byId = refId && seller.id && refId === seller.id;
    if (refName && name === null) name = seller.name ? squash(seller.name) : "";
    const byName = refName && name && squash(refName) === name;
    if (byId || byName) {
      if (kind === "o") return "official";
      best = "authorised";
    }
  }
  return best;
}

/**
 * The URL is on one of the brand's domains: "us.burberry.com" for
 * "burberry.com", and country variants of the same name ("adidas.co.id" for
 * "adidas.com"), but not "adidas.fake-shop.com".
 */
export function onBrandDomain(domains: string, url: string): boolean {
  if (!domains) return false;
  const parsed = hostOf(url);
  if (parsed === null) return false;
  const host = parsed.toLowerCase();
  let labels: string[] | null = null;
  for (const dom of domains.split(" ")) {
    if (!dom) continue;
    if (onDomain(host, dom)) return true;
    const dot = dom.indexOf(".");
    const name = dot < 0 ? dom : dom.slice(0, dot);
    // Most hosts hold none of the brand's names: no labels to split.
    if (!host.includes(name)) continue;
    labels ??= host.split(".");
    const i = labels.lastIndexOf(name);
    if (i < 0) continue;
    const suffix = labels.slice(i + 1);
    if (suffix.length >= 1 && suffix.length <= 2 && suffix.every((l) => l.length <= 3)) return true;
  }
  return false;
}

/**
 * A plain http(s) URL's host: letters, digits, dots and hyphens up to the
 * path, query, fragment or end, its last label not starting with a digit (URL
 * would read it as an IPv4 address) and no punycode label (URL would check
 * it). Anything else (ports, user info, IPv4/IPv6, other characters or
 * schemes) goes through `new URL`, so the result is always URL's hostname.
 */
const PLAIN_HTTP = /^https?:\/\/([a-z0-9.-]+)(?:[/?#]|$)/i;

/** `new URL(url).hostname` (lower-case for http and https), or null when URL refuses the string. */
export function hostOf(url: string): string | null {
  // Asked once per brand a listing names, for the same URL: the last answer is kept.
  if (url === HOST_LAST.url) return HOST_LAST.host;
  const host = hostOfUncached(url);
  HOST_LAST.url = url;
  HOST_LAST.host = host;
  return host;
}

const HOST_LAST = { url: null as string | null, host: null as string | null };

/**
 * What URL requires before anything else: a scheme and its colon, after any leading spaces and control
 * characters (which URL strips; tabs and line breaks anywhere). A string without one (a record with no URL, "shop.example/x") is refused
 * here, without paying for the exception `new URL` throws.
 */
function hasScheme(url: string): boolean {
  let i = 0;
  while (i < url.length && url.charCodeAt(i) <= 0x20) i++;
  let chars = 0;
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i);
    // URL removes tabs and line breaks wherever they are.
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const other = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d;
    if (letter || (other && chars > 0)) chars++;
    else return chars > 0 && c === 0x3a;
  }
  return false;
}

function hostOfUncached(url: string): string | null {
  if (!hasScheme(url)) return null;
  const m = PLAIN_HTTP.exec(url);
  if (m) {
    const host = (m[1] as string).toLowerCase();
    const trimmed = host.endsWith(".") ? host.slice(0, -1) : host;
    const last = trimmed.slice(trimmed.lastIndexOf(".") + 1);
    const c = last.charCodeAt(0);
    if (!(c >= 48 && c <= 57) && !host.includes("xn--")) return host;
  }
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Weak-seller reason, or null. `now` is the compile-time clock (ISO date) so the engine stays pure. */
export function weakSeller(listing: Listing, now: string): Reason | null {
  const s = listing.seller;
  if (!s) return null;
  const why: string[] = [];
  const params: Record<string, string | number> = {};
  let w = 0;
  if (s.feedbackCount !== null && s.feedbackCount < W.SELLER_FEW_RATINGS) {
    w += W.W_SELLER_FEW_RATINGS;
    why.push(`${s.feedbackCount} ratings`);
    params.ratings = s.feedbackCount;
  }
  if (s.positivePercent !== null && s.positivePercent < W.SELLER_LOW_POSITIVE) {
    w += W.W_SELLER_LOW_POSITIVE;
    why.push(`${s.positivePercent}% positive`);
    params.positive = s.positivePercent;
  }
  const days = daysBetween(s.memberSince, now);
  if (days !== null && days < W.SELLER_NEW_DAYS) {
    w += W.W_SELLER_NEW;
    why.push(`member since ${s.memberSince}`);
    params.memberSince = s.memberSince as string;
  }
  if (w === 0) return null;
  const text = s.name ?? s.id ?? "";
  return {
    signal: "seller-weak",
    code: "seller-weak",
    params,
    message: `Weak seller record: ${why.join(", ")}`,
    weight: round(w),
    evidence: { field: "seller", text, start: 0, end: text.length },
  };
}

export function daysBetween(since: string | null, now: string): number | null {
  if (!since || !now) return null;
  const a = Date.parse(since.length === 4 ? `${since}-01-01` : since.length === 7 ? `${since}-01` : since);
  const b = Date.parse(now);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  return (b - a) / 86_400_000;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A classifieds or peer-to-peer resale site (data/item-context.json "classifieds"): brands keep no stores there, so a
 * seller named as the brand's own store is not the brand's; and private sellers' items there are used unless said new.
 */
export function onClassifieds(url: string): boolean {
  const host = hostOf(url);
  if (host === null) return false;
  if (onAnyDomain(host, ITEMS.classifieds.hosts)) return true;
  return ITEMS.classifieds.paths.some((p) => onDomain(host, p.host) && pathOf(url).startsWith(p.path));
}

/** The path of an http(s) URL, "" when it has none or is no URL. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}
