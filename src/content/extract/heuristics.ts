/**
 * Visible-page heuristics, the last layer: what a shopper sees when the page
 * carries no structured data. One querySelectorAll gathers every element of
 * interest in document order (title, price-like elements, buttons,
 * breadcrumbs, availability, badges), so "near the title" and "near the
 * add-to-cart button" are positions in that one list: no layout, no
 * innerText.
 *
 * Only the parts the earlier layers left open run (`need`): on a page whose
 * adapter already read everything, a walk of a multi-megabyte DOM for fields
 * nobody will use was most of the content script's time.
 */
import type { Availability, Money, Specific } from "../../shared/listing.ts";
import { emptySeller, MAX_CATEGORIES, MAX_SPECIFICS, TITLE_MAX } from "../../shared/listing.ts";
import { clean, isHidden, text } from "../base/dom.ts";
import type { ExtractContext, ListingPatch } from "../base/types.ts";
import { buyControl, DEFAULT_RANKER, inOtherRegion, type PriceRanker, rankPrices, tileOf } from "./price-rank.ts";
import {
  GTIN_LABEL,
  labelledGtin,
  labelledMpn,
  MPN_LABEL,
  pageCode,
  SKU_LABEL,
  shownCode,
  visibleBodyText,
} from "./product-code.ts";

const MAX_ELEMENTS = 4000;
const MAX_ROWS = 600;

/** What each heuristic part needs from the page; the scan queries only the groups of the parts that run. */
const GROUPS = {
  title: ["h1"],
  price: ["[itemprop=price]", "[class*=price]", "[class*=Price]", "[id*=price]", "[id*=Price]", "[data-testid*=price]"],
  cart: [
    "button",
    "input[type=submit]",
    "input[type=button]",
    "[role=button]",
    // Older shops render the buy button as a styled link ("buy_button", "add-to-basket").
    "a[class*=buy]",
    "a[class*=Buy]",
    "a[id*=buy]",
    "a[class*=cart]",
    "a[class*=basket]",
    "a[class*=Basket]",
  ],
  categories: ["[class*=breadcrumb]", "[class*=Breadcrumb]", "[id*=breadcrumb]", "nav[aria-label]"],
  availability: ["[class*=availability]", "[id*=availability]", "[class*=stock]", "[id*=stock]"],
  badge: ["[class*=badge]", "[class*=official]", "[class*=Official]"],
  seller: ["[id*=merchant]", "[class*=seller]", "[id*=seller]"],
  brand: ["[id*=byline]", "[class*=byline]", "[class*=brand]", "[class*=Brand]"],
} as const;
type Group = keyof typeof GROUPS;

const OUT_OF_STOCK =
  /\b(?:out of stock|sold out|currently unavailable|no longer available)\b|agotado|sin stock|ausverkauft|nicht (?:auf lager|verfügbar|lieferbar)|épuisé|rupture de stock|indisponible|esaurito|non disponibile|esgotado|indisponível|niedostępny|brak w magazynie|vypredané|nedostupné|vyprodáno|nie ma w magazynie|uitverkocht|niet op voorraad|slutsåld|udsolgt|utsolgt|нет в наличии|nie je možné (?:produkt )?kúpiť|nelze (?:zboží )?koupit|momentálne nedostupn|nicht bestellbar|non acquistabile|在庫切れ|売り切れ|品切れ|缺货|售罄|已售完/i;
const IN_STOCK =
  /\b(?:in stock|available now|ready to ship|only \d+ left)\b|auf lager|lieferbar|en stock|disponible|en existencia|disponibile|disponível|em estoque|dostępny|na stanie|skladem|na sklade|на складе|в наличии|op voorraad|i lager|på lager|在庫あり|有货|现货/i;

const NOT_ITEM_WIDE =
  /pick ?up|in[- ]store|nearby|delivery|shipping|your size|abholung|im markt|retrait|en magasin|recogida|en tienda|ritiro/i;

const OFFICIAL_BADGE =
  /^(?:official (?:store|shop|seller|brand store)|brand (?:store|official store)|flagship store|tienda oficial|loja oficial|offizieller (?:shop|store)|boutique officielle|negozio ufficiale|公式ストア|官方旗舰店|品牌官方)$/i;

const LABELS: [keyof ListingPatch | "seller", RegExp][] = [
  ["brand", /^(?:brand|brand name|marke|marque|marca|marchio|merk|märke|značka|marka|бренд|ブランド|品牌)$/i],
  ["sku", SKU_LABEL],
  ["mpn", MPN_LABEL],
  ["gtin", GTIN_LABEL],
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

export interface HeuristicResult {
  patch: ListingPatch;
  /** Amounts shown in price-like elements (to check a structured price is visible). */
  shownAmounts: Money[];
  /** The visible price is a confident pick (near the title, with a currency). */
  confidentPrice: boolean;
  /** A buy control, or a reply-to-the-ad control outside other regions (a comment's "Reply" is none). */
  offer: boolean;
  /** The price found is one tile's among like tiles with amounts (search results, a category, a cart): a grid of items. */
  inGrid: boolean;
  /**
   * A sold-out listing: a heading and a sold-out message where the price goes (soldOutInPriceBox), in no tile
   * and on no grid; such a page shows neither a price nor a buy button.
   */
  soldOut: boolean;
  /** The product code the page shows under a label (run for "sku" and "skuCheck"). */
  shownSku: string | null;
  /** The page has a title (an h1 or the document title): one of the listing signals. */
  titleFound: boolean;
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

/** Variant pickers: a sold-out size or colour is not the listing sold out. */
const VARIANT = /swatch|size|variant|option|colou?r|talla|taille|größe|groesse|dimension|sku-?select|picker/i;

function inVariantPicker(el: Element): boolean {
  for (let e: Element | null = el, i = 0; e && i < 5; e = e.parentElement, i++) {
    const tag = e.tagName.toUpperCase();
    if (tag === "SELECT" || tag === "OPTION" || tag === "LABEL" || tag === "FIELDSET") return true;
    if (
      VARIANT.test(
        `${e.getAttribute("class") ?? ""} ${e.getAttribute("id") ?? ""} ${e.getAttribute("data-testid") ?? ""}`,
      )
    )
      return true;
  }
  return false;
}

/**
 * Availability from explicit signals about the listing itself: an
 * availability box outside other regions (related products, reviews,
 * shipping) and outside the variant pickers, or a disabled buy button with
 * sold-out text. A sold-out size, colour or related item says nothing of the
 * listing.
 */
function availability(ctx: ExtractContext, items: Candidate[]): Availability | null {
  const cart = buyControl(ctx.doc);
  if (cart?.disabled) {
    // A disabled button alone may wait for a size to be picked: sold-out words must stand next to it.
    let around = `${cart.el.textContent ?? ""} ${cart.el.getAttribute("value") ?? ""}`;
    for (let e = cart.el.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) {
      const t = e.textContent ?? "";
      if (t.length > 1000) break;
      around = t;
    }
    if (OUT_OF_STOCK.test(around) && !NOT_ITEM_WIDE.test(around)) return "OutOfStock";
  }
  for (const { el } of items) {
    if (!/availab|stock/i.test(classOf(el))) continue;
    const t = el.textContent ?? "";
    if (t.length > 200 || isHiddenMarkup(el) || inOtherRegion(el) || inVariantPicker(el)) continue;
    // Pickup, delivery or size messages speak of one channel or variant, not of the item; each message of the
    // box is read on its own, so a store-pickup line does not silence "Currently unavailable online" beside it.
    const said = messages(el);
    if (said.some((m) => OUT_OF_STOCK.test(m) && !NOT_ITEM_WIDE.test(m))) return "OutOfStock";
    if (said.some((m) => IN_STOCK.test(m))) return "InStock";
  }
  return soldOutInPriceBox(ctx.doc) ? "OutOfStock" : null;
}

const PRICE_BOXES = "[class*=price], [class*=Price]";

/**
 * A sold-out message shown where the price goes (`<span class="price-state">No longer available</span>`,
 * `<span class="a-color-price">Currently unavailable.</span>`): a price-named element whose whole text is the
 * message, no amount, outside other regions, variant pickers and hidden markup (a shop's hidden "Sold out"
 * template for variants it does not have is no message).
 */
export function soldOutInPriceBox(doc: Document): boolean {
  return soldOutBoxes(doc, 1).length > 0;
}

/** The sold-out messages where the price goes (at most `max`), in document order. */
function soldOutBoxes(doc: Document, max: number): Element[] {
  const out: Element[] = [];
  let n = 0;
  for (const el of doc.querySelectorAll(PRICE_BOXES)) {
    if (++n > MAX_ELEMENTS) break;
    const t = el.textContent ?? "";
    if (t.length > 60 || /\p{Nd}/u.test(t) || !OUT_OF_STOCK.test(t) || NOT_ITEM_WIDE.test(t)) continue;
    // The picker is looked for from the parent up: a price element's own style classes say "color" and "size" ("a-color-price").
    if (isHiddenMarkup(el) || inOtherRegion(el) || (el.parentElement && inVariantPicker(el.parentElement))) continue;
    out.push(el);
    if (out.length >= max) break;
  }
  return out;
}

const BLOCK = new Set(["DIV", "P", "LI", "UL", "OL", "DL", "DD", "DT", "TR", "TD", "TH", "BR", "SECTION", "TABLE"]);

/** A box's messages: its text cut where a block element starts or ends ("Currently unavailable online" | "Check in-store stock"). */
function messages(box: Element): string[] {
  const out: string[] = [];
  let current = "";
  const flush = (): void => {
    if (current.trim() !== "") out.push(current.trim());
    current = "";
  };
  const walk = (node: Node, depth: number): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1 || depth > 12) return;
    const block = BLOCK.has((node as Element).tagName.toUpperCase());
    if (block) flush();
    for (const child of node.childNodes) walk(child, depth + 1);
    if (block) flush();
  };
  walk(box, 0);
  flush();
  return out;
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

/**
 * Contributor bylines ("Mat Follas (Author)", "by Jane Doe (Editor) Format:
 * Kindle Edition") name people and formats, never a brand.
 */
const CONTRIBUTOR =
  /\((?:author|editor|illustrator|narrator|translator|foreword|introduction|contributor|photographer|actor|director|artist|composer|performer|autor|autora|auteur|autore|herausgeber|übersetzer|illustrateur|traducteur|著|編集|翻訳)[^)]*\)|\b(?:format|formato|édition|ausgabe|edition)\s*:/i;

function brandValue(v: string | null | undefined): string | null {
  const c = clean(v);
  return c && c.length <= 80 && !CONTRIBUTOR.test(c) ? c : null;
}

/** "Brand: Acme" / "Visit the Acme Store" / "by Acme" in a brand or byline element. */
function brandLine(items: Candidate[]): string | null {
  for (const { el } of items) {
    if (!/byline|brand/i.test(classOf(el))) continue;
    const t = text(el);
    if (!t || t.length > 80 || CONTRIBUTOR.test(t)) continue;
    const m =
      t.match(/^(?:brand|marke|marque|marca)\s*:\s*(.+)$/i) ??
      t.match(/^visit the (.+?) store$/i) ??
      t.match(/^besuchen sie den (.+?)-store$/i) ??
      t.match(/^by\s+(.+)$/i);
    const v = brandValue(m?.[1]);
    if (v) return v;
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

export type HeuristicPart =
  | "title"
  | "price"
  | "listing"
  | "brand"
  | "sku"
  | "skuCheck"
  | "mpn"
  | "gtin"
  | "availability"
  | "sellerName"
  | "official"
  | "specifics"
  | "categories";

export const ALL_PARTS: readonly HeuristicPart[] = [
  "title",
  "price",
  "listing",
  "brand",
  "sku",
  "skuCheck",
  "mpn",
  "gtin",
  "availability",
  "sellerName",
  "official",
  "specifics",
  "categories",
];

export interface HeuristicOptions {
  hint: string | null;
  /** False for elements the page injected after load (content script); badges from them are ignored. */
  trusted?: (el: Element) => boolean;
  /** The parts to run (default all): the pipeline passes only what the earlier layers left open. */
  need?: ReadonlySet<HeuristicPart>;
  /** Name/value rows an earlier layer (the site adapter) already read: labelled fields are looked up there instead of walking every table again. */
  knownSpecifics?: readonly Specific[];
  /** The visible-price ranker (default: data/price-weights.json); the evaluation passes one fitted without the shop it scores. */
  priceRanker?: PriceRanker;
}

function officialBadge(items: Candidate[], opts: HeuristicOptions): boolean {
  for (const { el } of items) {
    if (!/badge|official/i.test(classOf(el))) continue;
    const t = text(el);
    if (!t || t.length > 40 || !OFFICIAL_BADGE.test(t)) continue;
    // Layout (checkVisibility) only here, on the few elements that already read as a badge.
    if (isHidden(el) || (opts.trusted && !opts.trusted(el))) continue;
    return true;
  }
  return false;
}

function groupsFor(need: ReadonlySet<HeuristicPart>): Group[] {
  const out = new Set<Group>();
  // Price and listing detection score positions relative to the title and the buy button.
  if (need.has("title")) out.add("title");
  if (need.has("categories")) out.add("categories");
  if (need.has("availability")) out.add("availability");
  if (need.has("official")) out.add("badge");
  if (need.has("sellerName")) out.add("seller");
  if (need.has("brand")) out.add("brand");
  return [...out];
}

interface Scan {
  items: Candidate[];
  title: string | null;
}

function scan(ctx: ExtractContext, groups: Group[]): Scan {
  const out: Scan = { items: [], title: null };
  if (groups.length === 0) return out;
  const selector = [...new Set(groups.flatMap((g) => GROUPS[g]))].join(",");
  let i = 0;
  // The first heading outside other regions (a menu's or a breadcrumb's h1 is none), else the first heading.
  let settled = false;
  for (const el of ctx.doc.querySelectorAll(selector)) {
    if (i >= MAX_ELEMENTS || (i % 512 === 0 && ctx.overBudget())) break;
    if (!settled && el.tagName.toLowerCase() === "h1" && !isHiddenMarkup(el)) {
      const t = text(el)?.slice(0, TITLE_MAX) ?? null;
      settled = t !== null && !inOtherRegion(el);
      if (settled || out.title === null) out.title = t;
    }
    out.items.push({ el, index: i++ });
  }
  return out;
}

/** Labelled fields (Brand: …, EAN: …) from name/value rows. */
function labelled(specifics: readonly Specific[]): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const s of specifics) {
    for (const [field, re] of LABELS) if (!out[field] && re.test(s.name)) out[field] = s.value;
  }
  return out;
}

export function heuristics(ctx: ExtractContext, opts: HeuristicOptions): HeuristicResult {
  const doc = ctx.doc;
  const need = opts.need ?? new Set(ALL_PARTS);
  const { items, ...found } = scan(ctx, groupsFor(need));
  const patch: ListingPatch = {};
  let shown: Money[] = [];
  let confident = false;
  let offer = false;
  let inGrid = false;
  let soldOut = false;
  // The document title is the last resort: it usually carries the shop name too.
  const title =
    need.has("title") || need.has("listing")
      ? (found.title ?? clean(doc.querySelector("title")?.textContent)?.slice(0, TITLE_MAX) ?? null)
      : null;
  if (need.has("title")) patch.title = title;
  if (need.has("price") || need.has("listing")) {
    const ranker = opts.priceRanker ?? DEFAULT_RANKER;
    const ranked = rankPrices(ctx, opts.hint, ranker.weights);
    const best = ranked.best && ranked.best.score >= ranker.threshold ? ranked.best : null;
    patch.price = best?.money ?? null;
    shown = ranked.candidates.filter((c) => c.score >= ranker.threshold).map((c) => c.money);
    confident = best !== null && best.score >= ranker.confident;
    offer = ranked.offerFound;
    inGrid = ranked.inGrid;
    if (need.has("listing") && ranked.titleFound && !inGrid) {
      const [box, ...others] = soldOutBoxes(doc, 40);
      soldOut = box !== undefined && tileOf(box, ranked, others) === null;
    }
  }
  const wantsRows =
    need.has("specifics") || (["brand", "sku", "mpn", "gtin", "sellerName"] as const).some((k) => need.has(k));
  const known = opts.knownSpecifics && opts.knownSpecifics.length > 0 ? opts.knownSpecifics : null;
  const specifics = wantsRows && !known ? rows(doc, ctx) : [];
  if (need.has("specifics")) patch.specifics = specifics;
  const label = labelled(known ?? specifics);
  if (need.has("brand")) patch.brand = brandValue(label.brand) ?? brandLine(items);
  let shownSku: string | null = null;
  if (need.has("sku") || need.has("skuCheck")) {
    // The code the page shows under its label: the sku when nothing else knows it, and the check on a structured one.
    shownSku = shownCode(label.sku, ctx.overBudget() ? "" : visibleBodyText(ctx));
  }
  if (need.has("sku"))
    patch.sku = pageCode(doc, ctx.url, shownSku, ctx.overBudget() ? "" : visibleBodyText(ctx), label.mpn);
  // A part number or GTIN shown under its label in running text (not in a table row) counts too.
  const shownText = (): string => (ctx.overBudget() ? "" : visibleBodyText(ctx));
  if (need.has("mpn")) patch.mpn = label.mpn ?? labelledMpn(shownText());
  if (need.has("gtin")) {
    const gtin = label.gtin?.replace(/[\s-]/g, "");
    patch.gtin = gtin && /^\d{8,14}$/.test(gtin) ? gtin : labelledGtin(shownText());
  }
  if (need.has("availability")) patch.availability = availability(ctx, items);
  if (need.has("categories")) patch.categories = breadcrumb(items);
  const sellerName = need.has("sellerName") ? (label.seller ?? sellerLine(items)) : null;
  const official = need.has("official") && officialBadge(items, opts);
  if (sellerName || official) patch.seller = { ...emptySeller(), name: sellerName, official: official ? true : null };
  return {
    patch,
    shownAmounts: shown,
    confidentPrice: confident,
    offer,
    inGrid,
    soldOut,
    shownSku,
    titleFound: title !== null,
  };
}
