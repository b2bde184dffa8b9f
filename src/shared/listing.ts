/**
 * The listing record: the one contract between content script, engine, popup,
 * reports and CLI. Unknown is `null`, never 0 or "".
 */

export const MARKETPLACES = [
  "amazon",
  "ebay",
  "aliexpress",
  "alibaba",
  "taobao",
  "tmall",
  "jd",
  "walmart",
  "etsy",
  "temu",
  "dhgate",
  "mercadolibre",
  "rakuten",
  "generic",
] as const;
export type MarketplaceId = (typeof MARKETPLACES)[number];

/** A price: amount as a decimal string ("1299.00"), never a float; currency ISO 4217 or null when the page does not say. */
export interface Money {
  amount: string;
  currency: string | null;
}

export interface PriceRange {
  min: Money;
  max: Money;
}

export type Availability = "InStock" | "OutOfStock";

/** schema.org item conditions, shortened. */
export type Condition = "new" | "used" | "refurbished" | "damaged";

export type FieldSource = "adapter" | "json-ld" | "microdata" | "rdfa" | "opengraph" | "meta" | "heuristic";

export interface Seller {
  name: string | null;
  id: string | null;
  url: string | null;
  /** Positive feedback, 0..100. */
  positivePercent: number | null;
  feedbackCount: number | null;
  /** As the page shows it, ISO date (YYYY or YYYY-MM or YYYY-MM-DD) when it can be parsed. */
  memberSince: string | null;
  /** ISO 3166 alpha-2 when known, otherwise the text the page shows. */
  country: string | null;
  /** The marketplace itself labels the store official / brand store / flagship (not the seller's own claim). */
  official: boolean | null;
  /**
   * The marketplace itself is the seller (first-party retail: Amazon.com, Walmart.com, 京东自营, 天猫超市),
   * as the page says it; optional, null or absent when unknown. Not the brand's own store.
   */
  retail?: boolean | null;
}

export interface Specific {
  name: string;
  value: string;
}

export interface Reviews {
  rating: number | null;
  count: number | null;
}

export interface Listing {
  url: string;
  marketplace: MarketplaceId;
  title: string | null;
  brand: string | null;
  price: Money | null;
  priceRange: PriceRange | null;
  /** Structured data (JSON-LD, microdata, ...) and the visible page disagree: both kept, `price` is the visible one. */
  priceConflict: { structured: Money; visible: Money } | null;
  /** The site's own id: ASIN, eBay item number, AliExpress product id, ... */
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  availability: Availability | null;
  condition: Condition | null;
  seller: Seller | null;
  shipsFrom: string | null;
  images: string[];
  /** Plain text, capped at DESCRIPTION_MAX characters. */
  description: string | null;
  specifics: Specific[];
  reviews: Reviews | null;
  /** Breadcrumb, outermost first. */
  categories: string[];
  /** Where each known field came from. */
  sources: Partial<Record<ListingField, FieldSource>>;
  warnings: string[];
}

export type ListingField = Exclude<keyof Listing, "url" | "marketplace" | "sources" | "warnings" | "priceConflict">;

export const DESCRIPTION_MAX = 5000;
export const TITLE_MAX = 500;
export const MAX_IMAGES = 20;
export const MAX_SPECIFICS = 100;
export const MAX_CATEGORIES = 20;

export function emptySeller(): Seller {
  return {
    name: null,
    id: null,
    url: null,
    positivePercent: null,
    feedbackCount: null,
    memberSince: null,
    country: null,
    official: null,
  };
}

export function emptyListing(url: string, marketplace: MarketplaceId): Listing {
  return {
    url,
    marketplace,
    title: null,
    brand: null,
    price: null,
    priceRange: null,
    priceConflict: null,
    sku: null,
    gtin: null,
    mpn: null,
    availability: null,
    condition: null,
    seller: null,
    shipsFrom: null,
    images: [],
    description: null,
    specifics: [],
    reviews: null,
    categories: [],
    sources: {},
    warnings: [],
  };
}
