/**
 * AliExpress (every language subdomain, aliexpress.us/.ru). The item data is
 * read from the page's inline script TEXT (`window.runParams = { data: {...} }`
 * or `window._dida_config_._init_data_ = { data: { data: {...} } }`), parsed as
 * JSON with a size bound, never from the page's JavaScript world. Two shapes:
 * - until ~2022, `...Module`: titleModule, priceModule, storeModule,
 *   specsModule, imageModule, commonModule, crossLinkModule, quantityModule;
 * - since ~2023, `...Component`: productInfoComponent, priceComponent,
 *   sellerComponent, storeFeedbackComponent, productPropComponent,
 *   imageComponent, breadcrumbComponent, inventoryComponent, feedbackComponent.
 * Lists in either shape may arrive as arrays or as {"0": ..., "1": ...} objects.
 */
import {
  type Availability,
  type Condition,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  type Money,
  type PriceRange,
  type Reviews,
  type Seller,
  type Specific,
} from "../../shared/listing.ts";
import { absoluteUrl, clean } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { visibleText } from "./lib/dom-read.ts";
import { priceFor, ZERO_DECIMALS } from "./lib/money.ts";
import { isoDate, makeSeller, parseCount, parsePercent, parseRating, uniq } from "./lib/read.ts";
import { extractFields, safely } from "./lib/safe.ts";
import { balancedAt, isObject, type Json, jsonAfter, MAX_SCRIPT_JSON, parseJson, pick } from "./lib/script-json.ts";

const HOST = /(^|\.)aliexpress\.(com|us|ru)$/;
const ITEM_PATH = /\/(?:item|i)\/(?:[^/]+\/)?(\d{6,20})\.html/;
const MARKERS = ["runParams", "_init_data_"];

/** Lists as arrays, or as the {"0": ..., "1": ...} objects some captures use. */
function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isObject(v) && Object.keys(v).every((k) => /^\d+$/.test(k))) return Object.values(v);
  return [];
}

/** True for the object holding the item modules/components. */
function isItemData(v: unknown): v is Json {
  return isObject(v) && Object.keys(v).some((k) => /(Module|Component)$/.test(k));
}

/** The object after `data:` following a marker, descending through `data`/`root.fields` wrappers. */
function dataAfter(src: string, marker: string): Json | null {
  const at = src.indexOf(marker);
  if (at < 0) return null;
  const m = /["']?\bdata["']?\s*:\s*\{/.exec(src.slice(at, at + 20_000));
  if (!m) return null;
  let v: unknown = parseJson(balancedAt(src, at + m.index + m[0].length - 1));
  for (let depth = 0; depth < 4 && !isItemData(v); depth++) {
    v = pick(v, "data") ?? pick(v, "root.fields") ?? null;
  }
  return isItemData(v) ? v : null;
}

export function findItemData(ctx: ExtractContext): Json | null {
  for (const src of ctx.scriptTexts()) {
    if (ctx.overBudget()) return null;
    if (src.length > MAX_SCRIPT_JSON) continue;
    for (const marker of MARKERS) {
      const d = dataAfter(src, marker);
      if (d) return d;
    }
  }
  return null;
}

/** First defined value among dotted paths. */
function first(d: Json, ...paths: string[]): unknown {
  for (const p of paths) {
    const v = pick(d, p);
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

/** {currency, value, formatedAmount} → Money; the numeric value is formatted with the currency's minor units. */
function money(v: unknown, fallbackCurrency: string | null): Money | null {
  if (!isObject(v)) return null;
  const currency = clean(v.currency) ?? fallbackCurrency;
  if (typeof v.value === "number" && Number.isFinite(v.value) && v.value > 0) {
    return { amount: v.value.toFixed(currency && ZERO_DECIMALS.has(currency) ? 0 : 2), currency };
  }
  return priceFor(clean(v.formatedAmount), currency);
}

/** The property ids of a SKU attribute string ("14:771#Black;200001036:201441933#0.5m" → "14:771;200001036:201441933"), sorted. */
function skuKey(attr: string): string {
  return attr
    .split(";")
    .map((part) => part.split("#")[0]?.trim() ?? "")
    .filter((part) => part !== "")
    .sort()
    .join(";");
}

/** The shown price of one SKU entry (activity price first). */
function skuPrice(entry: unknown, cur: string | null): Money | null {
  const val = isObject(entry) ? entry.skuVal : null;
  return isObject(val) ? (money(val.skuActivityAmount, cur) ?? money(val.skuAmount, cur)) : null;
}

/**
 * The price of the variant the page has selected (`selectedSkuAttr`, the SKU
 * whose options are pre-chosen and whose price the buy box shows), or null
 * when the page selects none or no SKU matches.
 */
function selectedPrice(d: Json, cur: string | null): Money | null {
  const selected = clean(first(d, "skuComponent.selectedSkuAttr", "skuModule.selectedSkuAttr"));
  if (!selected) return null;
  const key = skuKey(selected);
  const entry = list(first(d, "priceComponent.skuPriceList", "skuModule.skuPriceList")).find(
    (e) => isObject(e) && typeof e.skuAttr === "string" && skuKey(e.skuAttr) === key,
  );
  return skuPrice(entry, cur);
}

/**
 * Price: the selected variant's, else the low end of the range (what the page
 * shows before a choice); the range (activity prices first) is kept beside it.
 */
function prices(d: Json): { price: Money | null; priceRange: PriceRange | null } {
  const cur = clean(first(d, "commonModule.currencyCode", "currencyComponent.currencyCode")) ?? null;
  const chosen = selectedPrice(d, cur);
  const pairs: [string, string][] = [
    ["priceModule.minActivityAmount", "priceModule.maxActivityAmount"],
    ["priceComponent.discountPrice.minActivityAmount", "priceComponent.discountPrice.maxActivityAmount"],
    ["priceModule.minAmount", "priceModule.maxAmount"],
    ["priceComponent.origPrice.minAmount", "priceComponent.origPrice.maxAmount"],
  ];
  for (const [lo, hi] of pairs) {
    const min = money(pick(d, lo), cur);
    if (!min) continue;
    const max = money(pick(d, hi), cur);
    const range = max && Number(max.amount) > Number(min.amount) ? { min, max } : null;
    return { price: chosen ?? min, priceRange: range };
  }
  // Only per-SKU prices: the selected SKU's, else the first SKU's.
  const firstSku = list(first(d, "priceComponent.skuPriceList", "skuModule.skuPriceList"))[0];
  return { price: chosen ?? skuPrice(firstSku, cur), priceRange: null };
}

function specifics(d: Json): Specific[] {
  const props = list(first(d, "specsModule.props", "productPropComponent.props"));
  const byName = new Map<string, string[]>();
  for (const p of props) {
    if (!isObject(p)) continue;
    const name = clean(p.attrName);
    const value = clean(p.attrValue);
    if (!name || !value) continue;
    const values = byName.get(name) ?? [];
    // Multi-valued attributes (languages, compatible models) come as repeated names.
    if (!values.includes(value)) values.push(value);
    byName.set(name, values);
    if (byName.size >= MAX_SPECIFICS) break;
  }
  return Array.from(byName, ([name, values]) => ({ name, value: values.join(", ").slice(0, 500) }));
}

const BRAND_NAMES =
  /^(brand name|brand|nombre de la marca|marca|marque|nom de marque|marke|markenname|merknaam|nazwa marki|marka|品牌|ブランド名|브랜드 이름|שם מותג|اسم العلامة التجارية|название бренда|nome da marca|marchio)$/i;

function brand(d: Json): string | null {
  for (const p of list(first(d, "specsModule.props", "productPropComponent.props"))) {
    if (!isObject(p)) continue;
    // attrNameId 2 is AliExpress's "Brand Name" attribute in every language.
    if (p.attrNameId === 2 || p.attrNameId === "2" || BRAND_NAMES.test(clean(p.attrName) ?? "")) {
      const v = clean(p.attrValue);
      if (v && !/^(none|no brand|sin marca|ohne marke|sans marque|other|otro|autres|unbranded|oem)$/i.test(v)) return v;
    }
  }
  return null;
}

const CONDITION_VALUES: [RegExp, Condition][] = [
  [/refurbish|reacondicionad|reconditionn|generalüberholt|ricondizionat|восстановлен|מחודש/i, "refurbished"],
  [/used|usado|usato|gebraucht|occasion|б\/у|подержан|משומש|中古|二手/i, "used"],
  [/^(new|brand new|nuevo|nueva|neuf|neu|nuovo|novo|nowy|новый|חדש|全新|新品)$/i, "new"],
];

function condition(d: Json): Condition | null {
  for (const p of list(first(d, "specsModule.props", "productPropComponent.props"))) {
    if (!isObject(p)) continue;
    // attrNameId 200000649 is "Item Condition".
    const isCondition =
      p.attrNameId === 200000649 ||
      /^(item condition|condition|estado del artículo|état de l'article|zustand|condizione|מצב הפריט|состояние)$/i.test(
        clean(p.attrName) ?? "",
      );
    if (!isCondition) continue;
    const v = clean(p.attrValue) ?? "";
    for (const [re, c] of CONDITION_VALUES) if (re.test(v)) return c;
  }
  return null;
}

function availability(d: Json): Availability | null {
  const q = first(d, "quantityModule.totalAvailQuantity", "inventoryComponent.totalAvailQuantity");
  if (typeof q !== "number") return null;
  return q > 0 ? "InStock" : "OutOfStock";
}

/**
 * Where the store's record sits: `storeModule` (old shape), `sellerComponent`
 * (2023+), or, on pages that ship neither, the store header / shop info
 * component that carries the same storeName / storeNum fields.
 */
const STORE_ROOTS = [
  "storeModule",
  "sellerComponent",
  "storeHeaderComponent",
  "shopInfoComponent",
  "storeInfoComponent",
];

const OFFICIAL_BADGE =
  /official\s*store|brand\s*store|flagship|品牌店|官方店|旗舰店|tienda oficial|loja oficial|boutique officielle|offizieller store|официальный магазин/i;
const NAME_KEYS = /^(storeName|name|title|subject|companyName|sellerName|shopName)$/i;

/**
 * The marketplace's own badge, from the store DATA: boolean flags such as
 * officialStore/brandStore, or badge/tag/label fields whose text says
 * Official Store / Brand Store / 品牌店. A store that only calls itself
 * "X Official Store" in its name does not count.
 */
function officialBadge(d: Json): boolean | null {
  const roots = STORE_ROOTS.map((k) => d[k]).filter(isObject);
  if (roots.length === 0) return null;
  let seen = 0;
  const visit = (v: unknown, key: string, depth: number): boolean => {
    if (depth > 4 || ++seen > 2000) return false;
    if (typeof v === "boolean") return v && /^(is)?(official|brand)(Store|Shop)?(Flag|Tag)?$/i.test(key);
    if (typeof v === "string")
      return /badge|tag|label|type|icon|mark/i.test(key) && !NAME_KEYS.test(key) && OFFICIAL_BADGE.test(v);
    if (Array.isArray(v)) return v.some((x) => visit(x, key, depth + 1));
    if (isObject(v)) return Object.entries(v).some(([k, x]) => !NAME_KEYS.test(k) && visit(x, k, depth + 1));
    return false;
  };
  // No badge in data we recognise: the store is not marked official (we know the shape, not a guess from the name).
  return roots.some((r) => visit(r, "", 0)) ? true : null;
}

const COUNTRY_CODES: Record<string, string> = {
  china: "CN",
  "hong kong": "HK",
  "united states": "US",
  spain: "ES",
  france: "FR",
  germany: "DE",
  russia: "RU",
  korea: "KR",
  turkey: "TR",
};

function storeRecord(d: Json): Json | null {
  for (const key of STORE_ROOTS) {
    const v = d[key];
    if (isObject(v) && (clean(v.storeName) !== null || clean(v.storeNum) !== null)) return v;
  }
  return null;
}

function seller(d: Json, base: URL): Seller | null {
  const s = storeRecord(d);
  if (!s) return null;
  const fb = isObject(d.storeFeedbackComponent) ? d.storeFeedbackComponent : null;
  const tag = clean(s.localSellerTag);
  const countryName = clean(s.countryCompleteName);
  const openTime = s.openTime;
  const since =
    typeof openTime === "number" && openTime > 0
      ? new Date(openTime).toISOString().slice(0, 10)
      : isoDate(openTime ?? s.formatOpenTime);
  const storeUrl = clean(s.storeURL);
  return makeSeller({
    name: clean(s.storeName),
    id: clean(s.storeNum),
    url: storeUrl ? absoluteUrl(storeUrl.startsWith("//") ? `https:${storeUrl}` : storeUrl, base) : null,
    positivePercent: parsePercent(fb?.sellerPositiveRate ?? s.positiveRate),
    // Old pages give the number of positive ratings; new ones the total number of ratings.
    feedbackCount: parseCount(fb?.sellerTotalNum ?? s.positiveNum),
    memberSince: since,
    country:
      tag && /^[A-Z]{2}$/.test(tag)
        ? tag
        : countryName
          ? (COUNTRY_CODES[countryName.toLowerCase()] ?? countryName)
          : null,
    official: officialBadge(d),
  });
}

/** A single "Ships From" choice (SKU property 200007763), or the selected one. */
function shipsFrom(d: Json): string | null {
  const props = list(first(d, "skuModule.productSKUPropertyList", "skuComponent.productSKUPropertyList"));
  const selected = clean(first(d, "skuComponent.selectedSkuAttr", "skuModule.selectedSkuAttr")) ?? "";
  for (const p of props) {
    if (!isObject(p) || Number(p.skuPropertyId) !== 200007763) continue;
    const values = list(p.skuPropertyValues).filter(isObject);
    const chosen = selected.match(/200007763:(\d+)/)?.[1];
    const v = values.length === 1 ? values[0] : values.find((x) => String(x.propertyValueId) === chosen);
    return v ? (clean(v.propertyValueDisplayName) ?? clean(v.propertyValueName) ?? clean(v.skuPropertyTips)) : null;
  }
  return null;
}

function reviews(d: Json): Reviews | null {
  const r = first(d, "titleModule.feedbackRating", "feedbackComponent") as unknown;
  if (!isObject(r)) return null;
  const count = parseCount(r.totalValidNum);
  const rating = count ? parseRating(r.averageStar ?? r.evarageStar) : null;
  return rating === null && count === null ? null : { rating, count };
}

function categories(d: Json): string[] {
  const path = list(first(d, "crossLinkModule.breadCrumbPathList", "breadcrumbComponent.pathList"));
  // cateId 0 entries are "Home" and "All categories".
  const names = path.filter((p) => isObject(p) && Number(p.cateId) !== 0).map((p) => clean((p as Json).name));
  return uniq(names, MAX_CATEGORIES);
}

function images(d: Json, base: URL): string[] {
  const paths = list(first(d, "imageModule.imagePathList", "imageComponent.imagePathList"));
  return uniq(
    paths.map((p) => absoluteUrl(clean(p), base)),
    MAX_IMAGES,
  );
}

/** og:title ends with the site name ("... - AliExpress 7", "... - AliExpress"). */
const SITE_SUFFIX = /\s+[-|–]\s+AliExpress(\s+\d+)?$/i;

function title(d: Json | null, ctx: ExtractContext): string | null {
  const t = d ? clean(first(d, "titleModule.subject", "productInfoComponent.subject")) : null;
  const h1 = visibleText(ctx.doc.querySelector("h1[data-pl='product-title'], .product-title-text, h1"));
  if (t ?? h1) return t ?? h1;
  const og = clean(ctx.doc.querySelector("meta[property='og:title']")?.getAttribute("content"));
  return og ? og.replace(SITE_SUFFIX, "") || null : null;
}

/**
 * Client-rendered pages (`_d_c_.isCSR`) ship an empty runParams and fetch the
 * item later; their `_d_c_.DCData` already lists the gallery images.
 */
function csrImages(ctx: ExtractContext): string[] {
  const src = ctx.scriptWith("DCData");
  if (!src || src.length > MAX_SCRIPT_JSON) return [];
  const data = jsonAfter(src, /\bDCData\s*=\s*/);
  return images({ imageComponent: isObject(data) ? { imagePathList: data.imagePathList } : {} }, ctx.url);
}

function sku(d: Json | null, ctx: ExtractContext): string | null {
  const fromData = d
    ? clean(first(d, "commonModule.productId", "productInfoComponent.idStr", "productInfoComponent.id"))
    : null;
  return fromData ?? ctx.url.pathname.match(ITEM_PATH)?.[1] ?? null;
}

function extract(ctx: ExtractContext): ListingPatch {
  const d = findItemData(ctx);
  if (!d) {
    const patch = extractFields("aliexpress", ctx, {
      title: () => title(null, ctx),
      sku: () => sku(null, ctx),
      images: () => csrImages(ctx),
    });
    // A client-rendered page whose item data has not arrived shows no price or store of its own: the only
    // prices and stores on it belong to recommendation cards, which lower layers must not take.
    if (ctx.scriptWith("isCSR = true") !== null) patch.known = ["price", "priceRange", "seller"];
    return patch;
  }
  let p: { price: Money | null; priceRange: PriceRange | null } = { price: null, priceRange: null };
  return extractFields("aliexpress", ctx, {
    title: () => title(d, ctx),
    sku: () => sku(d, ctx),
    price: () => {
      p = prices(d);
      return p.price;
    },
    priceRange: () => p.priceRange,
    brand: () => brand(d),
    condition: () => condition(d),
    availability: () => availability(d),
    seller: () => seller(d, ctx.url),
    shipsFrom: () => shipsFrom(d),
    reviews: () => reviews(d),
    categories: () => categories(d),
    images: () => images(d, ctx.url),
    specifics: () => specifics(d),
  });
}

export const aliexpress: SiteAdapter = {
  id: "aliexpress",
  matchesHost: (host) => HOST.test(host.toLowerCase()),
  isListing: (ctx) =>
    safely(() => {
      if (ITEM_PATH.test(ctx.url.pathname)) return true;
      // Item pages under other paths (/store/product/...) still carry the item data.
      const d = findItemData(ctx);
      return d !== null && sku(d, ctx) !== null;
    }),
  extract,
};
