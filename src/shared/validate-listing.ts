/**
 * A listing arrives from a content script, i.e. from a web page: untrusted.
 * Rebuild it field by field, keeping only well-typed, bounded values, so that
 * nothing the page controls can reach the engine, storage or the popup in a
 * shape we did not expect. Throws ListingError naming the path on anything
 * structurally wrong; trims over-long text instead of refusing it.
 */
import {
  type Availability,
  type Condition,
  DESCRIPTION_MAX,
  type FieldSource,
  type Listing,
  MARKETPLACES,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  type MarketplaceId,
  type Money,
  type Seller,
  TITLE_MAX,
} from "./listing.ts";
import {
  boundedKeys,
  failWith,
  firstItems,
  isHttpUrl,
  isObj,
  optHttpUrl,
  optNumber,
  optOneOf,
  optString,
} from "./validate.ts";

export class ListingError extends Error {
  override name = "ListingError";
}

const SHORT = 300;
/** Field names in `sources`: the listing has about twenty fields; a map beyond this is refused unread. */
export const MAX_SOURCE_KEYS = 40;
const AVAILABILITY: readonly Availability[] = ["InStock", "OutOfStock"];
const CONDITIONS: readonly Condition[] = ["new", "used", "refurbished", "damaged"];
const SOURCES: readonly FieldSource[] = ["adapter", "json-ld", "microdata", "rdfa", "opengraph", "meta", "heuristic"];
const AMOUNT = /^\d{1,15}(\.\d{1,6})?$/;
const CURRENCY = /^[A-Z]{3}$/;

const fail = failWith(ListingError);
const str = (v: unknown, path: string, max = SHORT) => optString(v, path, max, fail);
const num = (v: unknown, path: string, min: number, max: number) => optNumber(v, path, min, max, fail);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], path: string) => optOneOf(v, allowed, path, fail);

export function validateMoney(v: unknown, path: string): Money | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new ListingError(`${path}: expected {amount, currency}`);
  if (typeof v.amount !== "string" || !AMOUNT.test(v.amount)) {
    throw new ListingError(`${path}.amount: expected a decimal string such as "1299.00"`);
  }
  const currency = v.currency ?? null;
  if (currency !== null && (typeof currency !== "string" || !CURRENCY.test(currency))) {
    throw new ListingError(`${path}.currency: expected an ISO 4217 code or null`);
  }
  return { amount: v.amount, currency };
}

function strings(v: unknown, path: string, maxItems: number, maxLen: number): string[] {
  const out: string[] = [];
  for (const [i, item] of firstItems(v, path, maxItems, fail).entries()) {
    const s = str(item, `${path}[${i}]`, maxLen);
    if (s !== null) out.push(s);
  }
  return out;
}

/** Image URLs: http(s) only; anything else (data:, javascript:, relative) is dropped. */
function images(v: unknown): string[] {
  return strings(v, "images", MAX_IMAGES, 2000).filter(isHttpUrl);
}

function seller(v: unknown): Seller | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new ListingError("seller: expected an object or null");
  const official = v.official ?? null;
  if (official !== null && typeof official !== "boolean")
    throw new ListingError("seller.official: expected a boolean or null");
  return {
    name: str(v.name, "seller.name"),
    id: str(v.id, "seller.id"),
    // Stored and exported as a link: http(s) only, anything else (javascript:, data:) dropped.
    url: optHttpUrl(v.url, "seller.url", 2000, fail),
    positivePercent: num(v.positivePercent, "seller.positivePercent", 0, 100),
    feedbackCount: num(v.feedbackCount, "seller.feedbackCount", 0, 1e12),
    memberSince: str(v.memberSince, "seller.memberSince", 40),
    country: str(v.country, "seller.country", 80),
    official,
  };
}

function marketplace(v: unknown): MarketplaceId {
  const m = oneOf(v, MARKETPLACES, "marketplace");
  if (m === null) throw new ListingError("marketplace: required");
  return m;
}

function sources(v: unknown): Listing["sources"] {
  if (v === null || v === undefined) return {};
  if (!isObj(v)) throw new ListingError("sources: expected an object");
  // A null-prototype map: a "__proto__" key is a field name like any other, never a prototype.
  const out: Record<string, FieldSource> = Object.create(null);
  for (const k of boundedKeys(v, "sources", MAX_SOURCE_KEYS, fail)) {
    const src = oneOf(v[k], SOURCES, `sources.${k.slice(0, 40)}`);
    if (src !== null) out[k.slice(0, 40)] = src;
  }
  return { ...out } as Listing["sources"];
}

function priceRange(v: unknown): Listing["priceRange"] {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new ListingError("priceRange: expected {min, max}");
  const min = validateMoney(v.min, "priceRange.min");
  const max = validateMoney(v.max, "priceRange.max");
  if (min === null || max === null) throw new ListingError("priceRange: both min and max are required");
  return { min, max };
}

function priceConflict(v: unknown): Listing["priceConflict"] {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new ListingError("priceConflict: expected {structured, visible}");
  const structured = validateMoney(v.structured, "priceConflict.structured");
  const visible = validateMoney(v.visible, "priceConflict.visible");
  if (structured === null || visible === null) throw new ListingError("priceConflict: both prices are required");
  return { structured, visible };
}

function specifics(v: unknown): Listing["specifics"] {
  if (v === null || v === undefined) return [];
  const out: Listing["specifics"] = [];
  for (const [i, item] of firstItems(v, "specifics", MAX_SPECIFICS, fail).entries()) {
    if (!isObj(item)) throw new ListingError(`specifics[${i}]: expected {name, value}`);
    const name = str(item.name, `specifics[${i}].name`, 100);
    const value = str(item.value, `specifics[${i}].value`, 500);
    if (name !== null && value !== null) out.push({ name, value });
  }
  return out;
}

function reviews(v: unknown): Listing["reviews"] {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new ListingError("reviews: expected {rating, count}");
  return { rating: num(v.rating, "reviews.rating", 0, 10), count: num(v.count, "reviews.count", 0, 1e12) };
}

function url(v: unknown): string {
  const u = str(v, "url", 4000);
  if (u === null || !isHttpUrl(u)) throw new ListingError("url: expected an http(s) URL");
  return u;
}

export function validateListing(raw: unknown): Listing {
  if (!isObj(raw)) throw new ListingError("listing: expected an object");
  return {
    url: url(raw.url),
    marketplace: marketplace(raw.marketplace),
    title: str(raw.title, "title", TITLE_MAX),
    brand: str(raw.brand, "brand"),
    price: validateMoney(raw.price, "price"),
    priceRange: priceRange(raw.priceRange),
    priceConflict: priceConflict(raw.priceConflict),
    sku: str(raw.sku, "sku", 100),
    gtin: str(raw.gtin, "gtin", 40),
    mpn: str(raw.mpn, "mpn", 100),
    availability: oneOf(raw.availability, AVAILABILITY, "availability"),
    condition: oneOf(raw.condition, CONDITIONS, "condition"),
    seller: seller(raw.seller),
    shipsFrom: str(raw.shipsFrom, "shipsFrom", 120),
    images: images(raw.images),
    description: str(raw.description, "description", DESCRIPTION_MAX),
    specifics: specifics(raw.specifics),
    reviews: reviews(raw.reviews),
    categories: strings(raw.categories, "categories", MAX_CATEGORIES, 200),
    sources: sources(raw.sources),
    warnings: strings(raw.warnings, "warnings", 30, 300),
  };
}
