/**
 * schema.org Product → ListingPatch, shared by the JSON-LD, microdata and
 * RDFa layers (each turns its syntax into plain nodes first). Follows
 * https://schema.org/Product, /Offer, /AggregateOffer, /ProductGroup and
 * Google's product structured-data guide for the shapes shops really use.
 */
import type { Availability, Condition, Listing, Money, Seller, Specific } from "../../shared/listing.ts";
import {
  DESCRIPTION_MAX,
  emptySeller,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  TITLE_MAX,
} from "../../shared/listing.ts";
import { compareAmounts, parseStructuredPrice } from "../../shared/price.ts";
import { absoluteUrl, clean, decodeEntities, stripHtml } from "../base/dom.ts";
import type { ListingPatch } from "../base/types.ts";

export type SchemaNode = Record<string, unknown>;

const PRODUCT_TYPES = new Set([
  "product",
  "productgroup",
  "productmodel",
  "individualproduct",
  "someproducts",
  "vehicle",
  "car",
  "motorcycle",
]);

export function isNode(v: unknown): v is SchemaNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The local type names of a node: "http://schema.org/Product" and "schema:Product" → "product". */
export function types(node: SchemaNode): string[] {
  const t = node["@type"] ?? node.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === "string").map((x) => (x.split(/[/#:]/).pop() ?? x).toLowerCase());
}

export function isProduct(node: SchemaNode): boolean {
  return types(node).some((t) => PRODUCT_TYPES.has(t));
}

/** Property lookup tolerant of "schema:name" and "http://schema.org/name" keys. */
export function prop(node: SchemaNode, key: string): unknown {
  if (key in node) return node[key];
  return node[`schema:${key}`] ?? node[`http://schema.org/${key}`] ?? node[`https://schema.org/${key}`];
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? first(v[0]) : v;
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** A short string from a value that may be a string, number, array or {name}/{@value}. */
export function str(v: unknown): string | null {
  const x = first(v);
  if (typeof x === "string") return clean(decodeEntities(x));
  if (typeof x === "number" && Number.isFinite(x)) return String(x);
  if (isNode(x)) return str(x["@value"] ?? prop(x, "name") ?? x["@id"]);
  return null;
}

function cap(s: string | null, max: number): string | null {
  return s && s.length > max ? s.slice(0, max) : s;
}

/** schema.org availability (URL or bare) and the og/product feed vocabulary → InStock/OutOfStock. */
export function mapAvailability(v: unknown): Availability | null {
  const s = str(v);
  if (!s) return null;
  const key = (s.split(/[/#:]/).pop() ?? s).toLowerCase().replace(/[\s_-]+/g, "");
  if (
    /^(instock|limitedavailability|preorder|presale|backorder|instoreonly|onlineonly|available|availablefororder|true|yes|1)$/.test(
      key,
    )
  )
    return "InStock";
  if (/^(outofstock|soldout|discontinued|oos|unavailable|notavailable|false|no|0)$/.test(key)) return "OutOfStock";
  return null;
}

export function mapCondition(v: unknown): Condition | null {
  const s = str(v);
  if (!s) return null;
  const key = (s.split(/[/#:]/).pop() ?? s).toLowerCase();
  if (key.startsWith("new") || key === "neu" || key === "nuevo" || key === "neuf") return "new";
  if (key.startsWith("refurb")) return "refurbished";
  if (key.startsWith("used") || key.startsWith("gebraucht") || key.startsWith("usado") || key.startsWith("occasion"))
    return "used";
  if (key.startsWith("damaged")) return "damaged";
  return null;
}

function brandOf(v: unknown): string | null {
  for (const b of list(v)) {
    const s = str(b);
    // Placeholders some shop templates emit instead of a brand.
    if (s && !/^(brand|null|undefined|n\/a|none|-)$/i.test(s)) return cap(s, 200);
  }
  return null;
}

function imagesOf(v: unknown, base: URL): string[] {
  const out: string[] = [];
  for (const img of list(v)) {
    const href = typeof img === "string" ? img : isNode(img) ? str(prop(img, "url") ?? prop(img, "contentUrl")) : null;
    const abs = absoluteUrl(href, base);
    if (abs && !out.includes(abs)) out.push(abs);
    if (out.length >= MAX_IMAGES) break;
  }
  return out;
}

function gtinOf(node: SchemaNode): string | null {
  for (const k of ["gtin13", "gtin12", "gtin14", "gtin8", "gtin", "isbn", "ean"]) {
    const s = str(prop(node, k));
    const digits = s?.replace(/[\s-]/g, "");
    if (digits && /^\d{8,14}$/.test(digits)) return digits;
  }
  return null;
}

interface OfferInfo {
  price: Money | null;
  low: Money | null;
  high: Money | null;
  availability: Availability | null;
  condition: Condition | null;
  seller: Seller | null;
  sku: string | null;
  url: string | null;
}

function priceOf(offer: SchemaNode, currency: string | null): Money | null {
  const direct = parseStructuredPrice(first(prop(offer, "price")), currency);
  if (direct) return direct;
  for (const spec of list(prop(offer, "priceSpecification"))) {
    if (!isNode(spec)) continue;
    // Skip unit prices and strike-through list prices (Google: priceType StrikethroughPrice / ListPrice).
    const kind = str(prop(spec, "priceType"))?.toLowerCase() ?? "";
    if (/strikethrough|listprice|msrp/.test(kind) || prop(spec, "referenceQuantity")) continue;
    const p = parseStructuredPrice(first(prop(spec, "price")), str(prop(spec, "priceCurrency")) ?? currency);
    if (p) return p;
  }
  return null;
}

function sellerOf(v: unknown, base: URL): Seller | null {
  const s = first(v);
  if (typeof s === "string") return clean(s) ? { ...emptySeller(), name: clean(s) } : null;
  if (!isNode(s)) return null;
  const name = str(prop(s, "name"));
  const url = absoluteUrl(str(prop(s, "url")), base);
  if (!name && !url) return null;
  return { ...emptySeller(), name: cap(name, 300), url };
}

function offerInfo(offer: SchemaNode, base: URL): OfferInfo {
  const currency = str(prop(offer, "priceCurrency"));
  const price = priceOf(offer, currency);
  const low = parseStructuredPrice(first(prop(offer, "lowPrice")), currency);
  const high = parseStructuredPrice(first(prop(offer, "highPrice")), currency);
  return {
    price,
    low,
    high,
    availability: mapAvailability(prop(offer, "availability")),
    condition: mapCondition(prop(offer, "itemCondition")),
    seller: sellerOf(prop(offer, "seller") ?? prop(offer, "offeredBy"), base),
    sku: str(prop(offer, "sku")),
    url: str(prop(offer, "url")),
  };
}

/** Offers of a product, flattening AggregateOffer.offers; a ProductGroup's variants contribute theirs. */
function offersOf(product: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const o of list(prop(product, "offers"))) {
    if (!isNode(o)) continue;
    out.push(o);
    for (const inner of list(prop(o, "offers"))) if (isNode(inner)) out.push(inner);
  }
  return out;
}

function sameUrl(a: string | null, page: URL): boolean {
  if (!a) return false;
  try {
    const u = new URL(a, page);
    return u.pathname === page.pathname && (u.search === page.search || !u.search);
  } catch {
    return false;
  }
}

/** The variant of a ProductGroup the page shows: by URL or sku, else the first with an offer. */
function pickVariant(group: SchemaNode, page: URL): SchemaNode | null {
  const variants = list(prop(group, "hasVariant")).filter(isNode);
  if (variants.length === 0) return null;
  const query = page.search + page.hash;
  return (
    variants.find((v) => sameUrl(str(prop(v, "url")), page) && page.search !== "") ??
    variants.find((v) => {
      const sku = str(prop(v, "sku"));
      return sku !== null && sku.length > 2 && query.includes(sku);
    }) ??
    variants.find((v) => offersOf(v).length > 0) ??
    null
  );
}

function range(values: Money[]): { min: Money; max: Money } | null {
  if (values.length < 2) return null;
  let min = values[0] as Money;
  let max = min;
  for (const m of values) {
    if (compareAmounts(m.amount, min.amount) < 0) min = m;
    if (compareAmounts(m.amount, max.amount) > 0) max = m;
  }
  return compareAmounts(min.amount, max.amount) === 0 ? null : { min, max };
}

function reviewsOf(v: unknown): Listing["reviews"] {
  const r = first(v);
  if (!isNode(r)) return null;
  const rating = Number.parseFloat(str(prop(r, "ratingValue"))?.replace(",", ".") ?? "");
  const count = Number.parseInt(str(prop(r, "reviewCount") ?? prop(r, "ratingCount"))?.replace(/[^\d]/g, "") ?? "", 10);
  const out = { rating: Number.isFinite(rating) ? rating : null, count: Number.isFinite(count) ? count : null };
  return out.rating === null && out.count === null ? null : out;
}

function specificsOf(v: unknown): Specific[] {
  const out: Specific[] = [];
  for (const p of list(v)) {
    if (!isNode(p)) continue;
    const name = str(prop(p, "name"));
    const value = str(prop(p, "value"));
    if (name && value) out.push({ name: name.slice(0, 200), value: value.slice(0, 500) });
    if (out.length >= MAX_SPECIFICS) break;
  }
  return out;
}

function categoriesOf(v: unknown): string[] {
  const s = str(v);
  if (!s || /^\d+$/.test(s)) return [];
  return s
    .split(/\s*(?:>|›|»|\/|\|)\s*/)
    .filter(Boolean)
    .slice(0, MAX_CATEGORIES);
}

/** One product node (with its group parent when a variant) → patch. */
export function productPatch(product: SchemaNode, page: URL): ListingPatch {
  const variant = isProductGroup(product) ? pickVariant(product, page) : null;
  const node = variant ? { ...product, ...variant } : product;
  const offers = offersOf(node).length > 0 ? offersOf(node) : offersOf(product);
  const infos = offers.map((o) => offerInfo(o, page));
  // The offer for this page: by URL, else the first with a price.
  const main = infos.find((i) => i.price && sameUrl(i.url, page)) ?? infos.find((i) => i.price || i.low) ?? infos[0];
  const prices = infos.flatMap((i) => [i.price, i.low, i.high]).filter((m): m is Money => m !== null);
  const price = main?.price ?? main?.low ?? null;
  const description = str(prop(node, "description"));
  const sku = str(prop(node, "sku")) ?? main?.sku ?? str(prop(node, "productID"))?.replace(/^\w+:/, "") ?? null;
  return {
    title: cap(str(prop(node, "name")), TITLE_MAX),
    brand: brandOf(prop(node, "brand")) ?? brandOf(prop(product, "brand")),
    price,
    priceRange: range(prices),
    sku,
    gtin: gtinOf(node),
    mpn: str(prop(node, "mpn")),
    // Offers are often sizes or colours: the product is in stock when any of them is.
    availability: infos.some((i) => i.availability === "InStock")
      ? "InStock"
      : (main?.availability ?? infos.find((i) => i.availability)?.availability ?? null),
    condition: main?.condition ?? mapCondition(prop(node, "itemCondition")),
    seller: main?.seller ?? null,
    images: imagesOf(prop(node, "image"), page).concat(variant ? imagesOf(prop(product, "image"), page) : []),
    description: description ? stripHtml(description, DESCRIPTION_MAX) : null,
    specifics: specificsOf(prop(node, "additionalProperty")),
    reviews: reviewsOf(prop(node, "aggregateRating")),
    categories: categoriesOf(prop(node, "category")),
  };
}

function isProductGroup(node: SchemaNode): boolean {
  return types(node).includes("productgroup") || prop(node, "hasVariant") !== undefined;
}

/** Every product-like node reachable from `roots` (@graph, arrays, nesting), with a hint of how central it is. */
export function collectProducts(roots: unknown[]): { node: SchemaNode; depth: number; inList: boolean }[] {
  const out: { node: SchemaNode; depth: number; inList: boolean }[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (v: unknown, depth: number, inList: boolean): void => {
    if (depth > 12) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth, inList);
      return;
    }
    if (!isNode(v) || seen.has(v)) return;
    seen.add(v);
    const t = types(v);
    if (isProduct(v)) {
      out.push({ node: v, depth, inList });
      // Variants are read through their group, not as separate products.
      for (const [k, child] of Object.entries(v))
        if (k !== "hasVariant" && typeof child === "object") visit(child, depth + 1, inList);
      return;
    }
    // An Offer that names its product ("itemOffered"): the product with this offer.
    const offered = first(prop(v, "itemOffered"));
    if (t.includes("offer") && isNode(offered) && isProduct(offered) && !prop(offered, "offers")) {
      out.push({ node: { ...offered, offers: v }, depth, inList });
      return;
    }
    const listish = t.some((x) => x === "itemlist" || x === "offercatalog" || x === "searchresultspage");
    for (const [k, child] of Object.entries(v)) {
      if (typeof child === "object" && child !== null) {
        visit(
          child,
          depth + 1,
          inList || listish || k === "isRelatedTo" || k === "isSimilarTo" || k === "itemListElement",
        );
      }
    }
  };
  visit(roots, 0, false);
  return out;
}

/** The product this page is about: outside lists, with offers, matching the URL, shallow. */
export function mainProduct(
  found: { node: SchemaNode; depth: number; inList: boolean }[],
  page: URL,
): SchemaNode | null {
  let best: SchemaNode | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const f of found) {
    let score = -f.depth;
    if (f.inList) score -= 20;
    if (offersOf(f.node).length > 0 || prop(f.node, "hasVariant")) score += 10;
    if (str(prop(f.node, "name"))) score += 2;
    if (sameUrl(str(prop(f.node, "url")), page)) score += 5;
    if (score > bestScore) {
      bestScore = score;
      best = f.node;
    }
  }
  return best;
}

/** Breadcrumb names from BreadcrumbList nodes, outermost first. */
export function breadcrumbs(roots: unknown[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || out.length > 0) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth);
      return;
    }
    if (!isNode(v)) return;
    if (types(v).includes("breadcrumblist")) {
      const items = list(prop(v, "itemListElement")).filter(isNode);
      items.sort((a, b) => Number(str(prop(a, "position")) ?? 0) - Number(str(prop(b, "position")) ?? 0));
      for (const it of items) {
        const item = first(prop(it, "item"));
        const name = str(prop(it, "name")) ?? (isNode(item) ? str(prop(item, "name")) : null);
        if (name) out.push(name.slice(0, 200));
      }
      return;
    }
    for (const child of Object.values(v)) if (typeof child === "object" && child !== null) visit(child, depth + 1);
  };
  visit(roots, 0);
  return out.slice(0, MAX_CATEGORIES);
}
