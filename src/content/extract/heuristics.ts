/**
 * Visible-page heuristics, the last layer: what a shopper sees when the page
 * carries no structured data. One querySelectorAll gathers every element of
 * interest in document order (title, price-like elements, buttons,
 * breadcrumbs, availability, badges), so "near the title" and "near the
 * add-to-cart button" are positions in that one list: no layout, no
 * innerText.
 */
import type { Availability, Money, Seller, Specific } from "../../shared/listing.ts";
import { emptySeller, MAX_CATEGORIES, MAX_SPECIFICS, TITLE_MAX } from "../../shared/listing.ts";
import { parsePrice } from "../../shared/price.ts";
import type { ExtractContext, ListingPatch } from "../sites/types.ts";
import { clean, isHidden, text } from "./dom.ts";

const MAX_ELEMENTS = 4000;
const MAX_ROWS = 600;

const INTEREST = [
  "h1",
  "[itemprop=price]",
  "[class*=price]",
  "[class*=Price]",
  "[id*=price]",
  "[id*=Price]",
  "[data-testid*=price]",
  "button",
  "input[type=submit]",
  "input[type=button]",
  "[role=button]",
  "[class*=breadcrumb]",
  "[class*=Breadcrumb]",
  "[id*=breadcrumb]",
  "nav[aria-label]",
  "[class*=availability]",
  "[id*=availability]",
  "[class*=stock]",
  "[id*=stock]",
  "[class*=badge]",
  "[class*=official]",
  "[class*=Official]",
  "[id*=merchant]",
  "[class*=seller]",
  "[id*=seller]",
  "[id*=byline]",
].join(",");

const ADD_TO_CART =
  /add(?:ing)? to (?:cart|basket|bag|trolley)|buy (?:it )?now|in den (?:warenkorb|einkaufswagen)|jetzt kaufen|ajouter au panier|acheter|añadir al carrito|agregar al carrito|comprar(?: ahora)?|aggiungi al carrello|adicionar ao carrinho|do koszyka|dodaj do koszyka|in winkelwagen|lägg i varukorg|læg i kurv|legg i handlekurv|vložit do košíku|do košíka|u košaricu|в корзину|sepete ekle|カートに入れる|今すぐ買う|加入购物车|立即购买|add to cart/i;

const OUT_OF_STOCK =
  /\b(?:out of stock|sold out|currently unavailable|no longer available)\b|agotado|sin stock|ausverkauft|nicht (?:auf lager|verfügbar|lieferbar)|épuisé|rupture de stock|indisponible|esaurito|non disponibile|esgotado|indisponível|niedostępny|brak w magazynie|vypredané|nedostupné|vyprodáno|nie ma w magazynie|uitverkocht|niet op voorraad|slutsåld|udsolgt|utsolgt|нет в наличии|nie je možné (?:produkt )?kúpiť|nelze (?:zboží )?koupit|momentálne nedostupn|nicht bestellbar|non acquistabile|在庫切れ|売り切れ|品切れ|缺货|售罄|已售完/i;
const IN_STOCK =
  /\b(?:in stock|available now|ready to ship|only \d+ left)\b|auf lager|lieferbar|en stock|disponible|en existencia|disponibile|disponível|em estoque|dostępny|na stanie|skladem|na sklade|на складе|в наличии|op voorraad|i lager|på lager|在庫あり|有货|现货/i;

const NOT_ITEM_WIDE =
  /pick ?up|in[- ]store|nearby|delivery|shipping|your size|abholung|im markt|retrait|en magasin|recogida|en tienda|ritiro/i;

const NOT_CURRENT =
  /old|was|before|strike|regular|list|original|compare|rrp|uvp|msrp|saving|save|discount|unit|per-|shipping|delivery|installment|instalment|monthly|klarna|coupon|basis|reference|crossed/i;
const ELSEWHERE =
  /related|recommend|similar|carousel|sponsored|upsell|cross-?sell|also|footer|header|recently|bundle|accessor/i;

const OFFICIAL_BADGE =
  /^(?:official (?:store|shop|seller|brand store)|brand (?:store|official store)|flagship store|tienda oficial|loja oficial|offizieller (?:shop|store)|boutique officielle|negozio ufficiale|公式ストア|官方旗舰店|品牌官方)$/i;

const LABELS: [keyof ListingPatch | "seller", RegExp][] = [
  ["brand", /^(?:brand|brand name|marke|marque|marca|marchio|merk|märke|značka|marka|бренд|ブランド|品牌)$/i],
  [
    "sku",
    /^(?:sku|asin|item number|item no\.?|article number|art\.?-?nr\.?|artikelnummer|artikel-?nr\.?|product code|product id|product number|référence|réf\.?|codice(?: articolo)?|código|kód(?: produktu)?|numer katalogowy|商品番号|货号|商品编号)$/i,
  ],
  ["mpn", /^(?:mpn|manufacturer part number|model number|item model number|herstellernummer|modèle|modelo)$/i],
  ["gtin", /^(?:ean|gtin|upc|ean-?13|isbn(?:-13)?|jan)$/i],
  [
    "seller",
    /^(?:sold by|seller|verkäufer|verkauft von|vendu par|vendeur|vendido por|vendedor|venduto da|venditore|sprzedawca|出品者|卖家)$/i,
  ],
];

interface Candidate {
  el: Element;
  index: number;
}

function classOf(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("data-testid") ?? ""}`;
}

/** Climbs a few ancestors for class/id context (a price "was" wrapper, a "related products" carousel). */
function context(el: Element, levels: number): string {
  let out = "";
  let e: Element | null = el;
  for (let i = 0; e && i < levels; i++, e = e.parentElement) out += ` ${classOf(e)}`;
  return out;
}

function inStrike(el: Element): boolean {
  return el.closest("del, s, strike") !== null;
}

export interface HeuristicResult {
  patch: ListingPatch;
  /** Amounts shown in price-like elements (to check a structured price is visible). */
  shownAmounts: Money[];
  /** The visible price is a confident pick (near the title, with a currency). */
  confidentPrice: boolean;
  addToCart: boolean;
}

function pickPrice(
  ctx: ExtractContext,
  items: Candidate[],
  h1Index: number,
  cartIndex: number,
  hint: string | null,
): { price: Money | null; shown: Money[]; confident: boolean } {
  let best: { m: Money; score: number } | null = null;
  const shown: Money[] = [];
  let afterTitle = 0;
  for (const { el, index } of items) {
    const cls = classOf(el);
    if (!/price/i.test(cls) && el.getAttribute("itemprop") !== "price") continue;
    const raw = el.getAttribute("content") ?? el.textContent ?? "";
    if (raw.length > 80 || !/\d/.test(raw)) continue;
    const m = parsePrice(raw, hint);
    if (!m || m.amount === "0" || /^0+(\.0+)?$/.test(m.amount)) continue;
    const near = context(el, 4);
    let score = 0;
    if (/[$€£¥₹₽₩₫₺₪]|[A-Z]{3}|zł|kr|Kč|Ft|lei|CHF|R\$/.test(raw)) score += 3;
    if (NOT_CURRENT.test(near) || inStrike(el)) score -= 6;
    // The ancestor climb is the costly part: only for candidates that could still win.
    if ((!best || score >= best.score) && ELSEWHERE.test(context(el, 12))) score -= 8;
    if (/\d\s*%/.test(raw)) score -= 4;
    if (h1Index >= 0 && index > h1Index) {
      afterTitle++;
      score += Math.max(0, 5 - afterTitle);
    }
    if (cartIndex >= 0 && index < cartIndex && (h1Index < 0 || index > h1Index)) score += 2;
    if (score >= 0) shown.push(m);
    if (ctx.overBudget()) break;
    if (!best || score > best.score) best = { m, score };
  }
  return { price: best && best.score >= 0 ? best.m : null, shown, confident: best !== null && best.score >= 5 };
}

function breadcrumb(items: Candidate[]): string[] {
  for (const { el } of items) {
    const c = classOf(el);
    const label = el.getAttribute("aria-label") ?? "";
    if (!/breadcrumb/i.test(c) && !/breadcrumb|fil d'ariane|brotkrume|migas/i.test(label)) continue;
    const parts = Array.from(el.querySelectorAll("li"), (li) => text(li));
    const names = (parts.length > 0 ? parts : Array.from(el.querySelectorAll("a"), (a) => text(a)))
      .filter((s): s is string => s !== null && s.length < 120)
      .map((s) => s.replace(/^[›>/»\s]+|[›>/»\s]+$/g, ""))
      .filter(Boolean);
    if (names.length > 0) return [...new Set(names)].slice(0, MAX_CATEGORIES);
  }
  return [];
}

function availability(items: Candidate[]): Availability | null {
  for (const { el } of items) {
    if (!/availab|stock/i.test(classOf(el))) continue;
    const t = el.textContent ?? "";
    if (t.length > 200 || isHiddenMarkup(el)) continue;
    // Pickup, delivery or size messages speak of one channel or variant, not of the item.
    if (OUT_OF_STOCK.test(t) && !NOT_ITEM_WIDE.test(t)) return "OutOfStock";
    if (IN_STOCK.test(t)) return "InStock";
  }
  return null;
}

/** Attribute-level hidden check, cheap enough for loops (no layout). */
function isHiddenMarkup(el: Element): boolean {
  for (let e: Element | null = el, i = 0; e && i < 6; e = e.parentElement, i++) {
    if (e.hasAttribute("hidden") || e.getAttribute("aria-hidden") === "true") return true;
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.getAttribute("style") ?? "")) return true;
  }
  return false;
}

/** Name/value rows: tables (th|td + td) and definition lists. */
function rows(doc: Document, ctx: ExtractContext): Specific[] {
  const out: Specific[] = [];
  let n = 0;
  for (const row of doc.querySelectorAll("tr, dt")) {
    if (++n > MAX_ROWS || ctx.overBudget()) break;
    let nameEl: Element | null;
    let valueEl: Element | null;
    if (row.tagName.toLowerCase() === "dt") {
      nameEl = row;
      valueEl = row.nextElementSibling;
    } else {
      const cells = row.children;
      if (cells.length !== 2) continue;
      nameEl = cells[0] ?? null;
      valueEl = cells[1] ?? null;
    }
    const name = text(nameEl)?.replace(/[\s:：‎‏]+$/u, "");
    const value = text(valueEl)?.replace(/^[\s:‎‏]+/u, "");
    if (!name || !value || name.length > 60 || value.length > 300) continue;
    out.push({ name, value });
    if (out.length >= MAX_SPECIFICS) break;
  }
  return out;
}

/** "Brand: Acme" / "Visit the Acme Store" / "by Acme" in a brand or byline element. */
function brandLine(items: Candidate[]): string | null {
  for (const { el } of items) {
    if (!/byline|brand/i.test(classOf(el))) continue;
    const t = text(el);
    if (!t || t.length > 80) continue;
    const m =
      t.match(/^(?:brand|marke|marque|marca)\s*:\s*(.+)$/i) ??
      t.match(/^visit the (.+?) store$/i) ??
      t.match(/^besuchen sie den (.+?)-store$/i) ??
      t.match(/^by\s+(.+)$/i);
    if (m?.[1]) return clean(m[1]);
  }
  return null;
}

function sellerLine(items: Candidate[]): string | null {
  for (const { el } of items) {
    if (!/merchant|seller/i.test(classOf(el))) continue;
    const t = text(el);
    if (!t || t.length > 200) continue;
    const m = t.match(
      /(?:sold by|verkauf durch|verkauft von|vendu par|vendido por|venduto da)\s*:?\s*(.+?)(?:\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\.\s|\.$|$)/i,
    );
    if (m?.[1]) return clean(m[1])?.slice(0, 200) ?? null;
  }
  return null;
}

/**
 * "Product code: 141677", "Bestellnummer 106606", "ASIN B07…": an id label
 * followed by its value in the page text (one regex pass over the body text;
 * JSON in scripts does not match because of the quotes around its keys).
 */
const INLINE_SKU =
  /(?:^|[\s(|])(?:sku|asin|item number|item no\.?|item #|ebay item number|product code|product number|product id|post id|article number|art\.?-?nr\.?|artikelnummer|artikel-nr\.?|bestellnummer|best\.-nr\.?|référence|réf\.|código|codice articolo|kód produktu|numer produktu|商品番号|货号|商品编号)\s*[:#.：]?\s*([A-Z0-9](?:[A-Z0-9._/-]{1,30}[A-Z0-9])?)(?=[\s,;|)]|$)/i;

function inlineSku(doc: Document, ctx: ExtractContext): string | null {
  if (ctx.overBudget()) return null;
  const body = doc.body?.textContent;
  if (!body) return null;
  const m = body.slice(0, 2_000_000).match(INLINE_SKU);
  const v = m?.[1];
  return v && /\d/.test(v) ? v : null;
}

export interface HeuristicOptions {
  hint: string | null;
  /** False for elements the page injected after load (content script); badges from them are ignored. */
  trusted?: (el: Element) => boolean;
}

function officialBadge(items: Candidate[], opts: HeuristicOptions): boolean {
  for (const { el } of items) {
    if (!/badge|official/i.test(classOf(el))) continue;
    const t = text(el);
    if (!t || t.length > 40 || !OFFICIAL_BADGE.test(t)) continue;
    if (isHidden(el) || (opts.trusted && !opts.trusted(el))) continue;
    return true;
  }
  return false;
}

export function heuristics(ctx: ExtractContext, opts: HeuristicOptions): HeuristicResult {
  const doc = ctx.doc;
  const items: Candidate[] = [];
  let h1Index = -1;
  let cartIndex = -1;
  let title: string | null = null;
  let i = 0;
  for (const el of doc.querySelectorAll(INTEREST)) {
    if (i >= MAX_ELEMENTS || (i % 512 === 0 && ctx.overBudget())) break;
    const tag = el.tagName.toLowerCase();
    if (tag === "h1" && h1Index < 0 && !isHiddenMarkup(el)) {
      title = text(el)?.slice(0, TITLE_MAX) ?? null;
      if (title) h1Index = i;
    } else if (cartIndex < 0 && (tag === "button" || tag === "input" || el.getAttribute("role") === "button")) {
      const label = `${el.textContent ?? ""} ${el.getAttribute("value") ?? ""} ${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("name") ?? ""}`;
      if (label.length < 200 && ADD_TO_CART.test(label.replace(/[-_]/g, " "))) cartIndex = i;
    }
    items.push({ el, index: i++ });
  }
  // The document title is the last resort: it usually carries the shop name too.
  title ??= clean(doc.querySelector("title")?.textContent)?.slice(0, TITLE_MAX) ?? null;
  const { price, shown, confident } = pickPrice(ctx, items, h1Index, cartIndex, opts.hint);
  const specifics = rows(doc, ctx);
  const labelled: Partial<Record<string, string>> = {};
  for (const s of specifics) {
    for (const [field, re] of LABELS) if (!labelled[field] && re.test(s.name)) labelled[field] = s.value;
  }
  const sellerName = labelled.seller ?? sellerLine(items);
  const official = officialBadge(items, opts);
  const seller: Seller | null =
    sellerName || official ? { ...emptySeller(), name: sellerName ?? null, official: official ? true : null } : null;
  const gtin = labelled.gtin?.replace(/[\s-]/g, "");
  return {
    patch: {
      title,
      price,
      brand: labelled.brand ?? brandLine(items),
      sku: labelled.sku ?? inlineSku(doc, ctx),
      mpn: labelled.mpn ?? null,
      gtin: gtin && /^\d{8,14}$/.test(gtin) ? gtin : null,
      availability: availability(items),
      seller,
      specifics,
      categories: breadcrumb(items),
    },
    shownAmounts: shown,
    confidentPrice: confident,
    addToCart: cartIndex >= 0,
  };
}
