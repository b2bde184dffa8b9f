/**
 * Mercado Libre / Mercado Livre, every country site. Reads the "vpp" item
 * page (2021+): h1.ui-pdp-title, .ui-pdp-price__second-line
 * .andes-money-amount (fraction + cents parts), .ui-pdp-header__subtitle
 * ("Nuevo | +500 vendidos"), .ui-pdp-seller__header__title (with the
 * marketplace's own "Tienda oficial" label), .ui-pdp-review__*, striped specs
 * table, andes breadcrumb. Catalog pages (/p/MCO123) show one winning item
 * in the buy box; its item id (MCO1505218051) is the sku, not the catalog id.
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
import { currencyOf, MERCADOLIBRE_SITES, siteOf } from "../../shared/marketplace-hosts.ts";
import { absoluteUrl, isHidden, isHidden as isHiddenLive } from "../base/dom.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { firstMatch, pushSpecific, visibleText } from "./lib/dom-read.ts";
import { makeSeller, parseCount, parseRating, uniq } from "./lib/read.ts";
import { extractFields, safely } from "./lib/safe.ts";

/** Item ids: site prefix (MLA, MLB, MCO, MLM, MLC, MPE, MLU, MLV, MEC, ...) + digits; "MCO-123" in old URLs. */
const ITEM_ID = /\b(M[A-Z]{2})-?(\d{6,15})\b/;
const CATALOG_PATH = /\/p\/(M[A-Z]{2}\d{5,15})/;

function price(ctx: ExtractContext, currency: string | null): Money | null {
  const el = firstMatch(
    ctx.doc,
    [
      ".ui-pdp-price__second-line .andes-money-amount",
      ".ui-pdp-price__main-container .andes-money-amount:not(.andes-money-amount--previous)",
      ".ui-pdp-price .price-tag:not(.price-tag__disabled)",
    ],
    (e) => !isHidden(e.parentElement ?? e),
  );
  if (!el) return null;
  const fraction = visibleText(el.querySelector(".andes-money-amount__fraction, .price-tag-fraction"));
  if (!fraction) return null;
  const cents = visibleText(el.querySelector(".andes-money-amount__cents, .price-tag-cents"));
  // Thousands are grouped with "." (or ","), the cents are a separate part: "71.492" + "50" → 71492.50.
  const whole = fraction.replace(/[^\d]/g, "");
  if (!whole) return null;
  const symbol = visibleText(el.querySelector(".andes-money-amount__currency-symbol, .price-tag-symbol")) ?? "";
  const cur = /US\$|U\$S|USD/.test(symbol) ? "USD" : currency;
  const amount = cents ? `${whole}.${cents.replace(/[^\d]/g, "").padEnd(2, "0")}` : whole;
  return { amount, currency: cur };
}

function itemId(ctx: ExtractContext): string | null {
  // The buy box's item (the listing the shopper buys) wins over the catalog product id.
  const app = ctx.doc.querySelector("meta[name='twitter:app:url:iphone'], meta[name='twitter:app:url:googleplay']");
  const fromApp = app?.getAttribute("content")?.match(/[?&]id=(M[A-Z]{2}\d{6,15})/)?.[1];
  if (fromApp) return fromApp;
  const sellerLink = ctx.doc.querySelector(".ui-pdp-seller a[href*='item_id='], form input[name='item_id']");
  const fromSeller =
    sellerLink?.getAttribute("href")?.match(/item_id=(M[A-Z]{2}\d{6,15})/)?.[1] ?? sellerLink?.getAttribute("value");
  if (fromSeller && /^M[A-Z]{2}\d{6,15}$/.test(fromSeller)) return fromSeller;
  const path = ctx.url.pathname;
  if (!CATALOG_PATH.test(path)) {
    const m = path.match(ITEM_ID);
    if (m?.[1] && m[2]) return `${m[1]}${m[2]}`;
  }
  return path.match(CATALOG_PATH)?.[1] ?? null;
}

const OFFICIAL = /tienda oficial|loja oficial|official store/i;

/** Layout (checkVisibility in a browser) only for the one badge element, plus the content script's injection check. */
function badgeShown(ctx: ExtractContext, el: Element): boolean {
  return !isHidden(el) && !isHiddenLive(el) && (ctx.trusted?.(el) ?? true);
}

function seller(ctx: ExtractContext): Seller | null {
  const doc = ctx.doc;
  const header = firstMatch(doc, [
    ".ui-pdp-seller__header__title",
    ".ui-seller-data-header__title-container",
    ".ui-pdp-seller__link-trigger",
  ]);
  const link = header?.querySelector("a") ?? doc.querySelector(".ui-pdp-seller__link-trigger a, a.ui-pdp-seller__link");
  const label = visibleText(header?.querySelector(".ui-pdp-seller__label-sold"));
  let name = visibleText(link);
  if (!name && header) {
    name =
      visibleText(header)
        ?.replace(label ?? "", "")
        .replace(/^(vendido por|vendido e entregue por|tienda oficial|loja oficial)\s*/i, "")
        .trim() ?? null;
  }
  const href = link?.getAttribute("href") ?? null;
  // The marketplace's own label or the official-store link it builds, not words in the seller's name;
  // a label or cockade the page hides, or injected after load, is not the marketplace speaking.
  const labelEl = header?.querySelector(".ui-pdp-seller__label-sold") ?? null;
  const cockade = doc.querySelector(".ui-pdp-seller__header__title .ui-pdp-cockade-icon");
  const official =
    (label !== null && labelEl !== null && OFFICIAL.test(label) && badgeShown(ctx, labelEl)) ||
    /official_store_id=\d+|typeSeller=official_store/.test(href ?? "") ||
    (cockade !== null && badgeShown(ctx, cockade));
  let id: string | null = null;
  for (const s of ctx.scriptTexts()) {
    if (ctx.overBudget()) break;
    id = s.match(/"seller_?[iI]d"\s*:\s*"?(\d{3,15})/)?.[1] ?? null;
    if (id) break;
  }
  return makeSeller({ name, id, url: absoluteUrl(href?.split("#")[0], ctx.url), official: name ? official : null });
}

function condition(ctx: ExtractContext): Condition | null {
  const t =
    visibleText(firstMatch(ctx.doc, [".ui-pdp-header__subtitle", ".ui-pdp-subtitle"]))
      ?.split("|")[0]
      ?.trim() ?? "";
  if (/reacondicionado|recondicionado/i.test(t)) return "refurbished";
  if (/^usad[oa]/i.test(t)) return "used";
  if (/^nuev[oa]|^novo|^nova/i.test(t)) return "new";
  return null;
}

function availability(ctx: ExtractContext): Availability | null {
  const doc = ctx.doc;
  const msg = visibleText(firstMatch(doc, [".ui-pdp-message", ".ui-pdp-stock-information", ".ui-vpp-message"]));
  if (
    msg &&
    /pausada|finalizada|sin stock|agotado|sem estoque|esgotado|no está disponible|não está disponível/i.test(msg)
  ) {
    return "OutOfStock";
  }
  const stock = visibleText(firstMatch(doc, [".ui-pdp-stock-information", ".ui-pdp-buybox__quantity__available"]));
  if (stock && /disponible|disponível|último|ultimo/i.test(stock)) return "InStock";
  return doc.querySelector(".ui-pdp-actions__container button, form.ui-pdp-buybox button") ? "InStock" : null;
}

function reviews(ctx: ExtractContext): Reviews | null {
  const rating = parseRating(visibleText(ctx.doc.querySelector(".ui-pdp-review__rating")));
  const count = parseCount(visibleText(ctx.doc.querySelector(".ui-pdp-review__amount")));
  return rating === null && count === null ? null : { rating, count };
}

function specifics(ctx: ExtractContext): Specific[] {
  const out: Specific[] = [];
  for (const tr of Array.from(ctx.doc.querySelectorAll(".andes-table__row, .ui-pdp-specs__table tr"))) {
    if (ctx.overBudget()) break;
    pushSpecific(out, visibleText(tr.querySelector("th")), visibleText(tr.querySelector("td")), MAX_SPECIFICS);
  }
  return out;
}

function images(ctx: ExtractContext): string[] {
  const imgs = ctx.doc.querySelectorAll("img.ui-pdp-gallery__figure__image");
  // One picture appears in several sizes (thumbnail, lazy source, zoom): keep one per picture id, the zoom one if any.
  const byKey = new Map<string, string>();
  for (const img of Array.from(imgs)) {
    if (byKey.size >= MAX_IMAGES) break;
    const zoom = img.getAttribute("data-zoom");
    const src = zoom ?? img.getAttribute("data-src") ?? img.getAttribute("src");
    const url = src && !src.startsWith("data:") ? absoluteUrl(src, ctx.url) : null;
    if (!url) continue;
    const key = url.match(/\d+-M[A-Z]{2}\d+_\d+/)?.[0] ?? url;
    if (!byKey.has(key) || zoom) byKey.set(key, url);
  }
  return uniq(byKey.values(), MAX_IMAGES);
}

function categories(ctx: ExtractContext): string[] {
  return uniq(
    Array.from(ctx.doc.querySelectorAll(".andes-breadcrumb__item a, .vip-navigation-breadcrumb-list a"), (a) =>
      visibleText(a),
    ),
    MAX_CATEGORIES,
  );
}

function extract(ctx: ExtractContext): ListingPatch {
  const currency = currencyOf(MERCADOLIBRE_SITES, ctx.url.hostname);
  let specs: Specific[] = [];
  return extractFields("mercadolibre", ctx, {
    title: () => visibleText(firstMatch(ctx.doc, ["h1.ui-pdp-title", ".ui-pdp-header h1"])),
    sku: () => itemId(ctx),
    price: () => price(ctx, currency),
    condition: () => condition(ctx),
    availability: () => availability(ctx),
    seller: () => seller(ctx),
    reviews: () => reviews(ctx),
    specifics: () => {
      specs = specifics(ctx);
      return specs;
    },
    brand: () => specs.find((s) => /^(marca)$/i.test(s.name))?.value ?? null,
    images: () => images(ctx),
    categories: () => categories(ctx),
    description: () => visibleText(ctx.doc.querySelector(".ui-pdp-description__content"), DESCRIPTION_MAX),
  });
}

export const mercadolibre: SiteAdapter = {
  id: "mercadolibre",
  matchesHost: (host) => siteOf(MERCADOLIBRE_SITES, host) !== null,
  isListing: (ctx) =>
    safely(() => {
      const path = ctx.url.pathname;
      const itemUrl = CATALOG_PATH.test(path) || /\/M[A-Z]{2}-?\d{6,15}/.test(path);
      return (
        ctx.doc.querySelector("h1.ui-pdp-title") !== null ||
        (itemUrl && ctx.doc.querySelector(".ui-pdp-container, #root-app") !== null)
      );
    }),
  extract,
};
