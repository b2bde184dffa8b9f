/**
 * OpenGraph (https://ogp.me, and the og:/product: commerce properties of
 * Facebook's product catalogue markup) and plain meta tags (twitter:data1,
 * itemprop meta outside any scope, name="price"...). All <meta> elements
 * are read once into a map.
 */
import { MAX_IMAGES, TITLE_MAX } from "../../shared/listing.ts";
import { parsePrice, parseStructuredPrice } from "../../shared/price.ts";
import { absoluteUrl, clean, decodeEntities, stripHtml } from "../base/dom.ts";
import type { ExtractContext, ListingPatch } from "../base/types.ts";
import { mapAvailability, mapCondition } from "./schema-org.ts";

export type MetaMap = Map<string, string[]>;

/** Every <meta content> of the page (from the context's one markup walk) by property, name and itemprop. */
export function readMeta(ctx: ExtractContext): MetaMap {
  const map: MetaMap = new Map();
  for (const m of ctx.markup().metas) {
    // Scoped itemprop metas belong to microdata; only unscoped ones are page-level.
    if (m.hasAttribute("itemprop") && m.parentElement?.closest("[itemscope]")) continue;
    const content = clean(decodeEntities(m.getAttribute("content") ?? ""));
    if (!content) continue;
    for (const a of ["property", "name", "itemprop"]) {
      const key = m.getAttribute(a)?.trim().toLowerCase();
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(content);
      else map.set(key, [content]);
    }
  }
  return map;
}

function get(map: MetaMap, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = map.get(k)?.[0];
    if (v) return v;
  }
  return null;
}

export function isProductOgType(map: MetaMap): boolean {
  const t = get(map, "og:type")?.toLowerCase() ?? "";
  return t === "product" || t === "og:product" || t.startsWith("product.") || t === "product.item";
}

export function openGraph(ctx: ExtractContext, map: MetaMap): ListingPatch {
  const currency = get(map, "product:price:currency", "og:price:currency", "product:sale_price:currency");
  const amount = get(map, "product:sale_price:amount", "product:price:amount", "og:price:amount", "og:price");
  const images: string[] = [];
  for (const src of [...(map.get("og:image:secure_url") ?? []), ...(map.get("og:image") ?? [])]) {
    const abs = absoluteUrl(src, ctx.url);
    if (abs && !images.includes(abs)) images.push(abs);
    if (images.length >= MAX_IMAGES) break;
  }
  const product = isProductOgType(map) || amount !== null;
  const description = get(map, "og:description");
  return {
    title: product ? (get(map, "og:title")?.slice(0, TITLE_MAX) ?? null) : null,
    brand: get(map, "product:brand", "og:brand"),
    price: amount ? parseStructuredPrice(amount, currency) : null,
    availability: mapAvailability(get(map, "product:availability", "og:availability")),
    condition: mapCondition(get(map, "product:condition", "og:condition")),
    sku: get(map, "product:retailer_item_id", "product:sku", "og:sku"),
    gtin: get(map, "product:gtin", "product:ean")?.replace(/\D/g, "") || null,
    mpn: get(map, "product:mfr_part_no", "product:mpn"),
    images,
    description: product && description ? stripHtml(description, 5000) : null,
  };
}

/** twitter:label1/data1 ("Price" / "$12.99"), itemprop metas outside scopes, name="price" and friends. */
export function metaTags(_ctx: ExtractContext, map: MetaMap, hint: string | null): ListingPatch {
  let price = null;
  for (const i of [1, 2, 3, 4]) {
    const label = get(map, `twitter:label${i}`)?.toLowerCase() ?? "";
    const data = get(map, `twitter:data${i}`);
    if (data && /price|prix|preis|precio|prezzo|preço|cena|цена|価格|价格/.test(label)) price = parsePrice(data, hint);
    if (price) break;
  }
  const currency = get(map, "pricecurrency", "currency", "price:currency") ?? hint;
  const raw = get(map, "price", "product:price", "twitter:data1:price");
  price ??= raw ? parseStructuredPrice(raw, currency) : null;
  const description = get(map, "description");
  return {
    price,
    brand: get(map, "brand", "product:brand:name"),
    sku: get(map, "sku", "product:id", "productid"),
    gtin: get(map, "gtin13", "gtin", "ean")?.replace(/\D/g, "") || null,
    mpn: get(map, "mpn"),
    availability: mapAvailability(get(map, "availability")),
    description: description ? stripHtml(description, 5000) : null,
  };
}
