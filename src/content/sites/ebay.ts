/**
 * eBay, every country site. Two page generations:
 * - 2021 and earlier ("vi"): #itemTitle, #prcIsum / #mm-saleDscPrc, .mbg-nw,
 *   #si-fb, #vi-itm-cond, #itemLocation, .itemAttr specifics, #descItemNumber;
 * - 2022+ ("evo", still in 2025): .x-item-title, .x-price-primary,
 *   .x-sellercard-atf, .x-item-condition-text, .ux-labels-values specifics,
 *   "Located in:" under shipping, .x-store-information.
 * Catalog pages (/p/<ePID>) show one featured offer with a buy box: they count
 * as a listing only when that buy box (price and buy button) is present, and
 * carry no item number of their own.
 */
import {
  type Availability,
  type Condition,
  DESCRIPTION_MAX,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  type Seller,
  type Specific,
} from "../../shared/listing.ts";
import { currencyOf, EBAY_SITES, siteOf } from "../../shared/marketplace-hosts.ts";
import { absoluteUrl, isHidden } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { firstMatch, label, pushSpecific, visibleText } from "./lib/dom-read.ts";
import { priceFor } from "./lib/money.ts";
import { isoDate, makeSeller, parseCount, parsePercent, uniq } from "./lib/read.ts";
import { extractFields, safely } from "./lib/safe.ts";

const ITEM_IN_PATH = /\/itm\/(?:[^/?#]+\/)?(\d{9,15})(?:[/?#]|$)/;
const CATALOG_PATH = /^\/p\/(?:[^/?#]+\/)?\d+/;

function title(ctx: ExtractContext): string | null {
  const bold = visibleText(ctx.doc.querySelector(".x-item-title__mainTitle .ux-textspans--BOLD"));
  const t = bold ?? visibleText(firstMatch(ctx.doc, [".x-item-title__mainTitle", "h1#itemTitle", "#itemTitle"]));
  // The 2021 title starts with a hidden "Details about" label; the evo title may end with a lone separator.
  return (
    t?.replace(/^(Details about|Details zu|Détails sur|Detalles de|Dettagli su)\s+/i, "").replace(/\s+[-–]$/, "") ??
    null
  );
}

function price(ctx: ExtractContext): ListingPatch["price"] {
  const el = firstMatch(
    ctx.doc,
    [".x-price-primary", "#prcIsum", "#mm-saleDscPrc", "#prcIsum_bidPrice", ".x-bin-price__content .x-price-primary"],
    (e) => !isHidden(e),
  );
  const raw = visibleText(el);
  // "US $5.99 - 12.99" is a variation range before a choice is made, not one price.
  if (!raw || /\d\s*(?:-|–|to|bis|à|a)\s*\D{0,5}\d/.test(raw)) return null;
  return priceFor(raw, currencyOf(EBAY_SITES, ctx.url.hostname));
}

function itemNumber(ctx: ExtractContext): string | null {
  const fromUrl = ctx.url.pathname.match(ITEM_IN_PATH)?.[1];
  if (fromUrl) return fromUrl;
  if (CATALOG_PATH.test(ctx.url.pathname)) return null;
  const t = visibleText(
    firstMatch(ctx.doc, [
      ".ux-layout-section__textual-display--itemId .ux-textspans--BOLD",
      ".ux-layout-section__textual-display--itemId",
      "#descItemNumber",
    ]),
  );
  return t?.match(/\d{9,15}/)?.[0] ?? null;
}

/** "salomon0651 (113)" → name and feedback score. */
function nameAndScore(t: string | null): { name: string | null; count: number | null } {
  if (!t) return { name: null, count: null };
  const m = t.match(/^(.+?)\s*\(([\d.,\s]+)\)/);
  return m?.[1] ? { name: m[1].trim(), count: parseCount(m[2]) } : { name: t.trim(), count: null };
}

function sellerId(href: string | null | undefined): string | null {
  const m = href?.match(/\/(?:usr|str|sch)\/([^/?#]+)/);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

function seller(ctx: ExtractContext): Seller | null {
  const doc = ctx.doc;
  const card = doc.querySelector(".x-sellercard-atf");
  let name: string | null = null;
  let count: number | null = null;
  let href: string | null = null;
  let percent: number | null = null;
  if (card) {
    const about = card.querySelector(".x-sellercard-atf__info__about-seller");
    const items = Array.from(card.querySelectorAll(".x-sellercard-atf__data-item"), (e) => visibleText(e) ?? "");
    // Newer cards put the name in the about block; catalog pages put "NAME (score)" in the first data item.
    const ns = nameAndScore(visibleText(about) ?? items.find((t) => /\(\s*[\d.,]+\s*\)/.test(t)) ?? null);
    name = ns.name;
    count = ns.count;
    href =
      about?.querySelector("a")?.getAttribute("href") ??
      card.querySelector("a[href*='/usr/'], a[href*='/str/'], a[href*='/sch/']")?.getAttribute("href") ??
      null;
    percent = parsePercent(items.find((t) => /%/.test(t))?.match(/[\d.,]+\s*%/)?.[0]);
  }
  if (!name) {
    name = visibleText(firstMatch(doc, [".mbg-nw", "#mbgLink"]));
    href = doc.querySelector("#mbgLink")?.getAttribute("href") ?? href;
    count = parseCount(visibleText(doc.querySelector(".mbg-l a")));
    percent = parsePercent(visibleText(doc.querySelector("#si-fb"))?.match(/[\d.,]+\s*%/)?.[0]);
  }
  const store = visibleText(doc.querySelector(".x-store-information"));
  const joined = store?.match(
    /(?:Joined|Mitglied seit|Membre depuis|Miembro desde|Iscritto dal|Lid sinds)\s+([^•|]+?\d{4})/i,
  )?.[1];
  percent ??= parsePercent(store?.match(/([\d.,]+)\s*%/)?.[1]);
  return makeSeller({
    name,
    id: sellerId(href) ?? name,
    url: absoluteUrl(href, ctx.url),
    positivePercent: percent,
    feedbackCount: count,
    memberSince: isoDate(joined),
    // eBay labels no seller "official"; Top Rated and eBay Stores are not brand endorsements.
    official: null,
  });
}

const CONDITIONS: [RegExp, Condition | null][] = [
  [/refurbished|generalüberholt|reconditionn|reacondicionado|ricondizionato|renewed|remanufactured/i, "refurbished"],
  [/for parts|not working|defekt|pour pièces|para piezas|per parti|damaged/i, "damaged"],
  [/open box|geöffnet|ouvert|caja abierta|scatola aperta/i, null],
  [/used|pre-owned|gebraucht|occasion|usado|usato|gebruikt|używany/i, "used"],
  [/new|neu|neuf|nuevo|nuovo|nieuw|nowy/i, "new"],
];

function condition(ctx: ExtractContext): Condition | null {
  const el = firstMatch(ctx.doc, [
    ".x-item-condition-text .ux-textspans",
    ".x-item-condition-value .ux-textspans",
    "#vi-itm-cond",
  ]);
  const t = visibleText(el);
  if (!t) return null;
  for (const [re, c] of CONDITIONS) if (re.test(t)) return c;
  return null;
}

function availability(ctx: ExtractContext): Availability | null {
  const doc = ctx.doc;
  const status = visibleText(firstMatch(doc, ["#msgPanel", ".d-statusmessage", ".ux-message--error", ".x-alert"]));
  if (status && /ended|no longer available|sold out|beendet|terminée|finalizado|terminata|out of stock/i.test(status)) {
    return "OutOfStock";
  }
  const qty = visibleText(firstMatch(doc, ["#qtySubTxt", ".x-quantity__availability", "#qtyAvailability"]));
  if (qty && /out of stock|sold out|ausverkauft|épuisé|agotado|esaurito/i.test(qty)) return "OutOfStock";
  if (qty && /available|verfügbar|disponible|disponibil|last one|more than/i.test(qty)) return "InStock";
  const buy = firstMatch(
    doc,
    ["#binBtn_btn", "[data-testid='x-bin-action']", "#atcRedesignId_btn", "[data-testid='x-atc-action']"],
    (e) => !isHidden(e),
  );
  return buy ? "InStock" : null;
}

const LOCATED =
  /(?:Located in|Item location|Artikelstandort|Standort|Lieu où se trouve l'objet|Situé|Ubicado en|Ubicación del artículo|Si trova in|Oggetto che si trova a)\s*:\s*/i;

function shipsFrom(ctx: ExtractContext): string | null {
  const old = visibleText(
    ctx.doc.querySelector("#itemLocation [itemprop='availableAtOrFrom'], [itemprop='availableAtOrFrom']"),
  );
  if (old) return old;
  for (const el of Array.from(
    ctx.doc.querySelectorAll(".ux-textspans--SECONDARY, .ux-labels-values--itemLocation .ux-textspans"),
  )) {
    const t = visibleText(el);
    if (t && LOCATED.test(t)) return t.replace(LOCATED, "").trim() || null;
  }
  const section = visibleText(ctx.doc.querySelector(".ux-labels-values--shipping, .d-shipping-minview"));
  const m = section?.match(new RegExp(`${LOCATED.source}([^.]+?)(?:\\s{2}|$|\\.)`, "i"));
  return m?.[1]?.trim() ?? null;
}

function specifics(ctx: ExtractContext): Specific[] {
  const out: Specific[] = [];
  const doc = ctx.doc;
  const evo = doc.querySelectorAll(
    ".x-about-this-item .ux-labels-values, [data-testid='ux-layout-section-evo'] .ux-labels-values, .ux-layout-section--features .ux-labels-values",
  );
  for (const dl of Array.from(evo)) {
    if (ctx.overBudget()) break;
    const name = label(visibleText(dl.querySelector(".ux-labels-values__labels")));
    if (!name || /^(condition|zustand|état|estado|condizione)$/i.test(name)) continue;
    const value = dl.querySelector(".ux-labels-values__values");
    pushSpecific(out, name, visibleText(value?.querySelector(".ux-textspans") ?? value), MAX_SPECIFICS);
  }
  // 2021: label/value cell pairs, two pairs per row.
  for (const cell of Array.from(doc.querySelectorAll(".itemAttr td.attrLabels"))) {
    const name = label(visibleText(cell));
    if (!name || /^(condition|zustand|état|estado|condizione)$/i.test(name)) continue;
    pushSpecific(out, name, visibleText(cell.nextElementSibling), MAX_SPECIFICS);
  }
  return out;
}

function pickSpecific(list: Specific[], names: RegExp): string | null {
  const v = list.find((s) => names.test(s.name))?.value ?? null;
  return v &&
    !/^(unbranded|does not apply|nicht zutreffend|sans marque|sin marca|non applicabile|n\/a|no aplica)$/i.test(v)
    ? v
    : null;
}

function images(ctx: ExtractContext): string[] {
  const doc = ctx.doc;
  const urls: (string | null)[] = [];
  for (const img of Array.from(
    doc.querySelectorAll(".ux-image-carousel-item img, #icImg, #vi_main_img_fs img, .ux-image-filmstrip-carousel img"),
  )) {
    if (urls.length > MAX_IMAGES * 3) break;
    const alt = img.getAttribute("alt") ?? "";
    if (/^video/i.test(alt)) continue;
    const src = img.getAttribute("data-zoom-src") ?? img.getAttribute("data-src") ?? img.getAttribute("src");
    // Thumbnails and full images share a path; the s-l<size> part picks the size.
    urls.push(
      absoluteUrl(
        src?.replace(/\/thumbs\/images\//, "/images/").replace(/s-l\d+\.(jpg|jpeg|png|webp)/i, "s-l1600.$1"),
        ctx.url,
      ),
    );
  }
  return uniq(urls, MAX_IMAGES);
}

function categories(ctx: ExtractContext): string[] {
  const links = ctx.doc.querySelectorAll(
    "nav.breadcrumbs li a, .seo-breadcrumbs-container li a, #vi-VR-brumb-lnkLst li a[itemprop='item']",
  );
  const names = Array.from(links, (a) => visibleText(a)).filter(
    (t) => t && !/^(ebay|back to home page|zurück zur startseite|retour à la page d'accueil)$/i.test(t),
  );
  return uniq(names, MAX_CATEGORIES);
}

function description(ctx: ExtractContext): string | null {
  // The seller's description lives in a cross-origin iframe; only the short subtitle is on the page.
  const t = visibleText(
    firstMatch(ctx.doc, [".x-item-title__subTitle", "#subTitle", "#viTabs_0_is .vi-subtitle"]),
    DESCRIPTION_MAX,
  );
  return t;
}

function extract(ctx: ExtractContext): ListingPatch {
  let specs: Specific[] = [];
  return extractFields("ebay", ctx, {
    title: () => title(ctx),
    sku: () => itemNumber(ctx),
    price: () => price(ctx),
    condition: () => condition(ctx),
    availability: () => availability(ctx),
    seller: () => seller(ctx),
    shipsFrom: () => shipsFrom(ctx),
    specifics: () => {
      specs = specifics(ctx);
      return specs;
    },
    brand: () => pickSpecific(specs, /^(brand|marke|marque|marca|merk|marka)$/i),
    mpn: () =>
      pickSpecific(
        specs,
        /^(mpn|herstellernummer|numéro de pièce fabricant|referencia del fabricante|numero parte produttore|manufacturer part number)$/i,
      ),
    gtin: () => {
      const v = pickSpecific(specs, /^(upc|ean|isbn|gtin|isbn-13)$/i)?.replace(/[-\s]/g, "");
      return v && /^\d{8,14}$/.test(v) ? v : null;
    },
    images: () => images(ctx),
    categories: () => categories(ctx),
    description: () => description(ctx),
  });
}

export const ebay: SiteAdapter = {
  id: "ebay",
  matchesHost: (host) => siteOf(EBAY_SITES, host) !== null,
  isListing: (ctx) =>
    safely(() => {
      const doc = ctx.doc;
      const hasTitle = doc.querySelector(".x-item-title, #itemTitle") !== null;
      if (ITEM_IN_PATH.test(ctx.url.pathname)) return hasTitle || doc.querySelector("#mainContent") !== null;
      // A catalog page is a listing only while it shows a featured offer the shopper can buy.
      if (CATALOG_PATH.test(ctx.url.pathname)) {
        return (
          hasTitle &&
          doc.querySelector(".x-price-primary") !== null &&
          doc.querySelector("[data-testid='x-bin-action'], .x-sellercard-atf") !== null
        );
      }
      return hasTitle && doc.querySelector(".x-price-primary, #prcIsum, #mm-saleDscPrc") !== null;
    }),
  extract,
};
