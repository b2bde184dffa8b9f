/**
 * Amazon, every country store. Covers the old buy box (#priceblock_ourprice,
 * #merchant-info "Ships from and sold by"), the 2021+ core price
 * (.a-price/.a-offscreen, #corePrice_feature_div), the tabular buy box and
 * the 2024+ accordion buy box (new/used rows, only the active row counts),
 * and book pages (author bylines are not brands; media accordion prices).
 */
import {
  type Availability,
  type Condition,
  DESCRIPTION_MAX,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  type Money,
  type Reviews,
  type Seller,
  type Specific,
} from "../../shared/listing.ts";
import { AMAZON_SITES, currencyOf, siteOf } from "../../shared/marketplace-hosts.ts";
import { absoluteUrl, isHidden } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { firstScoped, label, pushSpecific, type Scoped, visibleText, within } from "./lib/dom-read.ts";
import { priceFor } from "./lib/money.ts";
import { makeSeller, parseCount, uniq } from "./lib/read.ts";
import { extractFields, safely } from "./lib/safe.ts";
import { balancedAt, isObject, parseJson } from "./lib/script-json.ts";

const ASIN = /^[A-Z0-9]{10}$/;
const ASIN_IN_PATH = /\/(?:dp|gp\/product|gp\/aw\/d|o\/ASIN|product-reviews)\/([A-Z0-9]{10})(?:[/?#]|$)/i;

/** The rows of the 2024+ accordion buy box that are not selected: their price and seller are not the offer shown. */
function inInactiveRow(el: Element): boolean {
  const row = el.closest("[data-a-accordion-row-name], [id^='apex_desktop_'][id$='AccordionRow']");
  if (!row) return false;
  if (row.classList.contains("a-accordion-active")) return false;
  // The centre-column price blocks mirror the accordion rows: keep only the one for the active row.
  const name = row.id.replace(/^apex_desktop_/, "");
  if (row.id.startsWith("apex_desktop_")) {
    const active = within(row.ownerDocument, "buyBoxAccordion", ".a-accordion-active")[0];
    return active ? !(active.getAttribute("data-a-accordion-row-name") ?? active.id).startsWith(name) : false;
  }
  return true;
}

/** An element that belongs to the offer the shopper sees: not hidden, not in an unselected accordion row. */
function shown(el: Element): boolean {
  return !inInactiveRow(el) && !isHidden(el);
}

function priceText(el: Element): string | null {
  const off = visibleText(el.querySelector(".a-offscreen"));
  if (off) return off;
  // Newer price-to-pay blocks leave .a-offscreen blank and render symbol/whole/fraction spans.
  // The whole part carries only grouping separators once its trailing decimal mark is gone ("1,299." → "1299").
  const whole = visibleText(el.querySelector(".a-price-whole"))?.replace(/[^\d]/g, "");
  if (!whole) return visibleText(el);
  const symbol = visibleText(el.querySelector(".a-price-symbol")) ?? "";
  const fraction = visibleText(el.querySelector(".a-price-fraction"));
  return fraction ? `${symbol}${whole}.${fraction}` : `${symbol}${whole}`;
}

/** Price regions by id, then the price inside: every lookup is scoped (a whole-page `#id .class` walk per selector was most of the adapter's time). */
const PRICE_BLOCKS: Scoped[] = [
  ["corePriceDisplay_desktop_feature_div", ".priceToPay"],
  ["corePriceDisplay_desktop_feature_div", ".apex-pricetopay-value"],
  ["corePrice_feature_div", ".a-price:not(.a-text-price)"],
  ["corePrice_desktop", ".a-price:not(.a-text-price)"],
  ["apex_desktop", ".priceToPay"],
  ["apex_offerDisplay_desktop", ".a-price:not(.a-text-price)"],
  ["tp_price_block_total_price_ww", ".a-price"],
];
const PRICE_TEXT: Scoped[] = [
  ["priceblock_dealprice", null],
  ["priceblock_saleprice", null],
  ["priceblock_ourprice", null],
  ["price_inside_buybox", null],
  ["newBuyBoxPrice", null],
  ["kindle-price", null],
  ["mediaAccordion", ".a-accordion-active .header-price"],
  ["buyNewSection", ".offer-price"],
  ["usedOnlyBuybox", ".offer-price"],
  ["tmmSwatches", ".a-button-selected .a-color-price"],
];

function price(ctx: ExtractContext, currency: string | null): Money | null {
  const block = firstScoped(ctx.doc, PRICE_BLOCKS, (el) => shown(el) && priceText(el) !== null);
  const raw = block
    ? priceText(block)
    : visibleText(firstScoped(ctx.doc, PRICE_TEXT, (el) => shown(el) && visibleText(el) !== null));
  // A range ("$12.99 - $24.99") is a variation parent, not one price.
  if (!raw || /\d\s*[-–]\s*\D{0,4}\d/.test(raw)) return null;
  return priceFor(raw, currency);
}

const BRAND_PATTERNS: RegExp[] = [
  /^Visit the (.+?) Store$/i,
  /^Besuchen Sie den (.+?)[- ]Store$/i,
  /^Besuche den (.+?)[- ]Store$/i,
  /^Visita la tienda de (.+)$/i,
  /^Visitez la boutique (.+)$/i,
  /^Visita lo Store di (.+)$/i,
  /^Bezoek de (.+?)[- ]winkel$/i,
  /^Bezoek de (.+?)[- ]Store$/i,
  /^Visite a loja (?:da |de |do )?(.+)$/i,
  /^Odwiedź sklep (.+)$/i,
  /^Besök (.+?)[- ]butiken$/i,
  /^(.+?) Mağazasını ziyaret edin$/i,
  /^(.+?)のストアを表示$/,
  /^(.+?)ストアにアクセス$/,
  /^تفضل بزيارة متجر (.+)$/,
  /^(?:Brand|Marke|Marca|Marque|Merk|Märke|Marka|ブランド|العلامة التجارية)\s*[:：]\s*(.+)$/i,
];

const CONTRIBUTOR_BYLINE =
  /^(by|von|de|di|door|par|av|przez|著)\b|\((?:author|autor|auteur|autore|editor|narrator|illustrator|translator)/i;

/** Book and media bylines name authors, narrators, artists: such an item has no brand. */
function contributorByline(byline: Element | null): boolean {
  if (!byline) return false;
  if (byline.querySelector(".author, .contribution")) return true;
  return CONTRIBUTOR_BYLINE.test(visibleText(byline) ?? "");
}

function bylineBrand(byline: Element): string | null {
  const t = visibleText(byline) ?? byline.getAttribute("title")?.trim() ?? null;
  if (!t) return null;
  for (const re of BRAND_PATTERNS) {
    const m = t.match(re);
    if (m?.[1]) return m[1].trim();
  }
  // A bare brand link ("ChangM") points at a brand or store page.
  const href = byline.getAttribute("href") ?? byline.querySelector("a")?.getAttribute("href") ?? "";
  if (t.length <= 60 && /\/stores\/|\/b\/|\/b\?|lbr_brands|field-brandtextbin/.test(href)) return t;
  return null;
}

/**
 * The classic byline (#bylineInfo), else the 2025+ "premium logo" byline that
 * replaces it on brand-registered listings: a "Visit the X Store" link
 * (#visitStoreDesktopUrl) beside the brand logo, whose title says the same.
 */
const BYLINE_IDS = ["bylineInfo", "visitStoreDesktopUrl", "brandLogoHiResByline"];

function brand(ctx: ExtractContext): string | null {
  const byline = ctx.doc.getElementById("bylineInfo");
  if (!contributorByline(byline)) {
    for (const id of BYLINE_IDS) {
      const el = ctx.doc.getElementById(id);
      const found = el ? bylineBrand(el) : null;
      if (found) return found;
    }
  }
  const po = visibleText(within(ctx.doc, "productOverview_feature_div", "tr.po-brand td:last-child")[0]);
  return po;
}

/** Seller names that are Amazon itself (first-party retail, Warehouse/Resale), in any store. */
const AMAZON_SELLER =
  /^amazon(\.[a-z]{2,3}(\.[a-z]{2})?)?(\s+(resale|warehouse|export sales( llc)?|eu s\.?à\s?r\.?l\.?|us|services llc|retail.*|seller services.*))?$/i;

interface BuyBox {
  seller: string | null;
  sellerHref: string | null;
  shipsFrom: string | null;
}

/** "Ships from and sold by Amazon.com." / "Sold by X and Fulfilled by Amazon." / "Versand und Verkauf durch Amazon." */
function merchantSentence(t: string): { seller: string | null; shipper: string | null } {
  const both = t.match(
    /(?:ships from and sold by|versand und verkauf durch|expédié et vendu par|vendido y enviado por|venduto e spedito da|verzonden en verkocht door|enviado e vendido por)\s+(.+?)\.?(?:\s|$)/i,
  );
  if (both?.[1]) return { seller: both[1].replace(/\.$/, ""), shipper: both[1].replace(/\.$/, "") };
  const sold = t.match(
    /(?:sold by|verkauf durch|verkauft von|vendu par|vendido por|venduto da|verkocht door)\s+(.+?)(?:\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+en\s+|\.\s|\.$|$)/i,
  );
  const fba = /fulfilled by amazon|versand durch amazon|expédié par amazon|enviado por amazon|spedito da amazon/i.test(
    t,
  );
  return { seller: sold?.[1]?.trim() ?? null, shipper: fba ? "Amazon" : null };
}

/** Tabular buy box rows: label cell ("Ships from", "Sold by", "Versand", "Verkäufer", ...) → value cell. */
function tabular(ctx: ExtractContext): BuyBox {
  const out: BuyBox = { seller: null, sellerHref: null, shipsFrom: null };
  const rows = [
    ...within(ctx.doc, "tabular-buybox", ".tabular-buybox-container > *, tr"),
    ...within(ctx.doc, "offer-display-features", ".offer-display-feature-label"),
  ];
  for (const row of rows) {
    if (!shown(row)) continue;
    const name = label(visibleText(row.querySelector(".tabular-buybox-label, td:first-child") ?? row))?.toLowerCase();
    if (!name) continue;
    const valueEl =
      row.querySelector(".tabular-buybox-text, td:last-child") ??
      (row.getAttribute("offer-display-feature-name")
        ? (within(
            ctx.doc,
            "offer-display-features",
            `.offer-display-feature-text[offer-display-feature-name="${(row.getAttribute("offer-display-feature-name") ?? "").replace(/["\\]/g, "")}"]`,
          )[0] ?? null)
        : null);
    const value = visibleText(valueEl?.querySelector(".offer-display-feature-text-message, a, span") ?? valueEl);
    if (!value || value.toLowerCase() === name) continue;
    if (/ships from|shipper|versand|expédié|envío|spedizione|verzending|enviado|wysyłka|skickas/i.test(name)) {
      out.shipsFrom ??= value;
      if (/seller|verkäufer|vendeur|vendedor|venditore|verkoper/i.test(name)) out.seller ??= value;
    } else if (
      /sold by|seller|verkäufer|verkauf|vendu|vendedor|vendido|venduto|verkoper|verkocht|sprzedawca|säljs/i.test(name)
    ) {
      out.seller ??= value;
      out.sellerHref ??= valueEl?.querySelector("a")?.getAttribute("href") ?? null;
    }
  }
  return out;
}

/**
 * Kindle books have no buy box seller: the price table's "Sold by:" row names the publisher that sets
 * the price ("Hachette Book Group"), in the value cell's first line (the second says "Price set by seller.").
 */
function kindleSeller(ctx: ExtractContext): string | null {
  const row = firstScoped(ctx.doc, [["Ebooks-desktop-printSoldBy", null]], shown);
  const value = row?.querySelector("td:last-child");
  if (
    !row ||
    !value ||
    !/sold by|verkauf|vendu|vendido|venduto|verkocht/i.test(visibleText(row.querySelector("td")) ?? "")
  ) {
    return null;
  }
  return visibleText(value.querySelector(".a-color-base") ?? value);
}

function seller(ctx: ExtractContext): { seller: Seller | null; shipsFrom: string | null } {
  const doc = ctx.doc;
  const trigger = firstScoped(doc, [["sellerProfileTriggerId", null]], shown);
  const tab = tabular(ctx);
  const merchant = firstScoped(
    doc,
    [
      ["merchant-info", null],
      ["merchantInfoFeature_feature_div", null],
    ],
    shown,
  );
  const sentence = merchantSentence(visibleText(merchant) ?? "");
  let name = visibleText(trigger) ?? tab.seller ?? kindleSeller(ctx) ?? sentence.seller;
  const href = trigger?.getAttribute("href") ?? tab.sellerHref;
  if (!name) return { seller: null, shipsFrom: tab.shipsFrom ?? sentence.shipper };
  name = name.replace(/\.$/, "");
  const id = href?.match(/[?&]seller=([A-Z0-9]{8,20})/)?.[1] ?? null;
  const first = AMAZON_SELLER.test(name);
  return {
    seller: makeSeller({
      name,
      id,
      url: id ? absoluteUrl(href, ctx.url) : null,
      // Amazon labels no third-party store official; only Amazon's own retail is first-party.
      official: first ? true : null,
    }),
    shipsFrom: tab.shipsFrom ?? sentence.shipper,
  };
}

const OUT_OF_STOCK =
  /currently unavailable|out of stock|temporarily out|derzeit nicht verfügbar|nicht auf lager|actuellement indisponible|en rupture|no disponible|agotado|non disponibile|momenteel niet (verkrijgbaar|beschikbaar)|não disponível|indisponível|tillfälligt slut|inte i lager|obecnie niedostępny|şu anda mevcut değil|stokta yok|現在在庫切れ|在庫切れ|غير متوفر|غير متاح/i;
const IN_STOCK =
  /in stock|left in stock|auf lager|nur noch|en stock|disponible|disponibile|op voorraad|em estoque|i lager|dostępny|stokta|在庫あり|残り|متوفر|متاح|usually ships|ships within|versandfertig|expédié sous/i;

function availability(ctx: ExtractContext): Availability | null {
  const el = firstScoped(
    ctx.doc,
    [
      ["availability", null],
      ["outOfStock", null],
      ["availability_feature_div", null],
    ],
    shown,
  );
  const t = visibleText(el);
  if (t && OUT_OF_STOCK.test(t)) return "OutOfStock";
  const oos = ctx.doc.getElementById("outOfStock");
  if (oos && !isHidden(oos)) return "OutOfStock";
  if (t && IN_STOCK.test(t)) return "InStock";
  // No stock line (Kindle, some media): a live buy button means it can be bought now.
  const buy = firstScoped(
    ctx.doc,
    ["add-to-cart-button", "buy-now-button", "one-click-button", "add-to-cart-button-ubb"].map(
      (id) => [id, null] as const,
    ),
    shown,
  );
  return buy ? "InStock" : null;
}

function condition(ctx: ExtractContext, title: string | null): Condition | null {
  const doc = ctx.doc;
  const active = within(doc, "buyBoxAccordion", ".a-accordion-active")[0];
  const rowName = active?.getAttribute("data-a-accordion-row-name") ?? active?.id ?? "";
  if (/renewed|refurbished|reacondicionado|generalüberholt|reconditionné|ricondizionato/i.test(title ?? "")) {
    return "refurbished";
  }
  if (/^used/i.test(rowName) || (doc.getElementById("usedOnlyBuybox") && !doc.getElementById("qualifiedBuybox"))) {
    return "used";
  }
  if (/^new/i.test(rowName)) return "new";
  const buyBox = [
    "qualifiedBuybox",
    "buyNewSection",
    "newOfferAccordionRow",
    "add-to-cart-button",
    "buy-now-button",
    "kindle-price",
    "price_inside_buybox",
  ].some((id) => doc.getElementById(id) !== null);
  return buyBox ? "new" : null;
}

const COLOR_IMAGES = "'colorImages'";

/**
 * The script holding 'colorImages': inside the image block on every layout we have seen (one scoped
 * query), else searched among all inline scripts, which reads the text of hundreds of them.
 */
function colorImagesScript(ctx: ExtractContext): string | null {
  for (const el of within(ctx.doc, "imageBlock_feature_div", "script")) {
    const t = el.textContent ?? "";
    if (t.includes(COLOR_IMAGES)) return t;
  }
  return ctx.scriptWith(COLOR_IMAGES);
}

/** The largest variant from #landingImage data-a-dynamic-image, data-old-hires, and the colorImages script data. */
function images(ctx: ExtractContext): string[] {
  const doc = ctx.doc;
  const urls: string[] = [];
  const main = ["landingImage", "imgBlkFront", "ebooksImgBlkFront", "main-image"]
    .map((id) => doc.getElementById(id))
    .find((el) => el !== null);
  if (main) {
    urls.push(main.getAttribute("data-old-hires") ?? "");
    const dyn = parseJson(main.getAttribute("data-a-dynamic-image"));
    if (isObject(dyn)) {
      const best = Object.entries(dyn)
        .map(([u, dims]) => ({ u, area: Array.isArray(dims) ? Number(dims[0]) * Number(dims[1]) : 0 }))
        .sort((a, b) => b.area - a.area)[0];
      if (best) urls.push(best.u);
    }
    const src = main.getAttribute("src") ?? "";
    if (!src.trim().startsWith("data:")) urls.push(src);
  }
  const s = colorImagesScript(ctx);
  if (s) {
    const i = s.indexOf(COLOR_IMAGES);
    const j = s.indexOf("[", s.indexOf("'initial'", i));
    const arr = parseJson(j > 0 ? balancedAt(s, j, 500_000) : null);
    if (Array.isArray(arr)) {
      for (const img of arr) if (isObject(img)) urls.push(String(img.hiRes ?? img.large ?? ""));
    }
  }
  return uniq(
    urls.map((u) => absoluteUrl(u, ctx.url)),
    MAX_IMAGES,
  );
}

function specifics(ctx: ExtractContext): Specific[] {
  const out: Specific[] = [];
  const doc = ctx.doc;
  for (const tr of within(doc, "productOverview_feature_div", "tr")) {
    pushSpecific(
      out,
      visibleText(tr.querySelector("td:first-child")),
      visibleText(tr.querySelector("td:last-child")),
      MAX_SPECIFICS,
    );
  }
  const tables = [
    "productDetails_techSpec_section_1",
    "productDetails_techSpec_section_2",
    "productDetails_detailBullets_sections1",
    "technicalSpecifications_section_1",
  ].flatMap((id) => within(doc, id, "tr"));
  // #prodDetails wraps the tables above on some layouts: its rows come after them, duplicates dropped by name.
  tables.push(...within(doc, "prodDetails", "table tr"));
  const read = new Set<Element>();
  for (const tr of tables) {
    if (ctx.overBudget()) break;
    // A row listed twice (by its table's id and again under #prodDetails) would only repeat a name.
    if (read.has(tr)) continue;
    read.add(tr);
    const name = visibleText(tr.querySelector("th"));
    // Review widgets and rank lists are not specifics of the item.
    if (!name || /customer review|kundenrezension|best ?sellers|bestseller|classement|clasificación/i.test(name))
      continue;
    pushSpecific(out, name, visibleText(tr.querySelector("td")), MAX_SPECIFICS);
  }
  for (const li of [
    ...within(doc, "detailBullets_feature_div", "li"),
    ...within(doc, "detailBulletsWrapper_feature_div", "li"),
  ]) {
    const bold = li.querySelector(".a-text-bold");
    const value = bold?.nextElementSibling;
    const name = visibleText(bold);
    if (!name || /customer review|best ?sellers|bestseller/i.test(name)) continue;
    pushSpecific(out, name, visibleText(value), MAX_SPECIFICS);
  }
  return out;
}

function specific(list: Specific[], names: RegExp): string | null {
  return list.find((s) => names.test(s.name))?.value ?? null;
}

function reviews(ctx: ExtractContext): Reviews | null {
  const pop = ctx.doc.getElementById("acrPopover");
  const ratingText = pop?.getAttribute("title") ?? visibleText(pop?.querySelector(".a-icon-alt"));
  // "4.8 out of 5 stars", "4,8 von 5 Sternen", but "5つ星のうち4.8" and "5 yıldız üzerinden 4,6" put the scale first.
  const nums = (ratingText ?? "").match(/\d+(?:[.,]\d+)?/g) ?? [];
  const pickNum = nums.length >= 2 && nums[0] === "5" ? nums[1] : nums[0];
  const rating = pickNum ? Number.parseFloat(pickNum.replace(",", ".")) : null;
  const countEl = ctx.doc.getElementById("acrCustomerReviewText");
  const count = parseCount(countEl?.getAttribute("aria-label") ?? visibleText(countEl));
  const r = rating !== null && rating >= 0 && rating <= 5 ? rating : null;
  return r === null && count === null ? null : { rating: r, count };
}

function categories(ctx: ExtractContext): string[] {
  const links = within(ctx.doc, "wayfinding-breadcrumbs_feature_div", "li a:not(#breadcrumb-back-link)");
  return uniq(
    Array.from(links, (a) => visibleText(a)),
    MAX_CATEGORIES,
  );
}

/**
 * Feature bullets, then the product or book description. Reading stops at twice the kept length: some
 * pages carry tens of kilobytes of bullets, and the margin covers the "Read more" labels removed below.
 */
function description(ctx: ExtractContext): string | null {
  const parts: string[] = [];
  let length = 0;
  const add = (t: string | null): void => {
    if (!t) return;
    parts.push(t);
    length += t.length + 1;
  };
  const enough = 2 * DESCRIPTION_MAX;
  for (const li of within(ctx.doc, "feature-bullets", "li")) {
    if (length >= enough) break;
    add(visibleText(li, enough));
  }
  if (length < enough) {
    const book = ctx.doc.getElementById("bookDescription_feature_div");
    add(
      visibleText(
        ctx.doc.getElementById("productDescription") ?? book?.querySelector(".a-expander-content") ?? book,
        DESCRIPTION_MAX,
      ),
    );
  }
  const t = parts
    .join("\n")
    .replace(/\b(Read more|Read less|Mehr lesen|Weniger lesen|Leer más|Leer menos|En savoir plus)\b/g, "")
    .trim();
  // What is left of an expander whose text loads later ("Read more Read less") is not a description.
  return t.length >= 30 ? t.slice(0, DESCRIPTION_MAX) : null;
}

function asin(ctx: ExtractContext): string | null {
  const fromUrl = ctx.url.pathname.match(ASIN_IN_PATH)?.[1]?.toUpperCase();
  if (fromUrl && ASIN.test(fromUrl)) return fromUrl;
  const byId = ctx.doc.getElementById("ASIN");
  const input = (byId?.tagName.toLowerCase() === "input" ? byId : ctx.doc.querySelector("input[name='ASIN']"))
    ?.getAttribute("value")
    ?.trim();
  if (input && ASIN.test(input)) return input;
  const data = ctx.doc.querySelector("#dp[data-asin], #averageCustomerReviews[data-asin], [data-csa-c-asin]");
  const v = data?.getAttribute("data-asin") ?? data?.getAttribute("data-csa-c-asin");
  return v && ASIN.test(v) ? v : null;
}

function gtin(list: Specific[]): string | null {
  const v = specific(list, /^(ISBN-13|EAN|UPC|GTIN)$/i)?.replace(/[-\s]/g, "");
  return v && /^\d{8,14}$/.test(v) ? v : null;
}

function extract(ctx: ExtractContext): ListingPatch {
  const doc = ctx.doc;
  const currency = currencyOf(AMAZON_SITES, ctx.url.hostname);
  const title = visibleText(
    firstScoped(doc, [
      ["productTitle", null],
      ["ebooksProductTitle", null],
      ["title", null],
    ]),
  );
  let specs: Specific[] = [];
  let s: { seller: Seller | null; shipsFrom: string | null } = { seller: null, shipsFrom: null };
  const patch = extractFields("amazon", ctx, {
    title: () => title,
    sku: () => asin(ctx),
    price: () => price(ctx, currency),
    brand: () => brand(ctx),
    availability: () => availability(ctx),
    condition: () => condition(ctx, title),
    seller: () => {
      s = seller(ctx);
      return s.seller;
    },
    shipsFrom: () => s.shipsFrom,
    reviews: () => reviews(ctx),
    categories: () => categories(ctx),
    images: () => images(ctx),
    specifics: () => {
      specs = specifics(ctx);
      return specs;
    },
    gtin: () => gtin(specs),
    mpn: () => specific(specs, MPN_NAMES),
    description: () => description(ctx),
  });
  // Amazon shows no brand for books and media: the generic layers would take the author for one.
  if (!patch.brand && contributorByline(doc.getElementById("bylineInfo"))) patch.known = ["brand"];
  return patch;
}

const MPN_NAMES =
  /^(Item model number|Modellnummer|Numéro du modèle de l'article|Número de modelo del producto|Numero modello articolo|Part Number|Herstellerreferenz|Modelnummer)$/i;

export const amazon: SiteAdapter = {
  id: "amazon",
  matchesHost: (host) => siteOf(AMAZON_SITES, host) !== null,
  isListing: (ctx) =>
    safely(() => {
      const doc = ctx.doc;
      if (doc.getElementById("productTitle") || doc.getElementById("ebooksProductTitle")) return true;
      const asin = ctx.url.pathname.match(ASIN_IN_PATH)?.[1]?.toUpperCase();
      if (!asin) return false;
      if (["dp", "dp-container", "ASIN"].some((id) => doc.getElementById(id))) return true;
      // Digital media pages (Amazon Music albums, ...) have no product-title block: an <h1> and an
      // element carrying this page's own ASIN mark the item page.
      return doc.querySelector("h1") !== null && doc.querySelector(`[data-asin="${asin}"]`) !== null;
    }),
  extract,
};
