/**
 * Layered extraction: site adapter → JSON-LD → microdata → RDFa → OpenGraph
 * → meta tags → visible-page heuristics. Each layer returns a patch; the
 * merge takes every field from the first layer that knows it and records
 * that layer in `listing.sources`. Price is special: the visible price wins
 * over structured data when they disagree, and both are kept in
 * `priceConflict` with a warning (a later risk signal).
 *
 * Bounded: a time budget (ctx.overBudget) is checked between and inside
 * layers; when spent, the listing so far is returned with a "partial"
 * warning. A failing layer is skipped with a warning, never thrown.
 */

import { errorMessage } from "../../shared/error-message.ts";
import {
  DESCRIPTION_MAX,
  emptyListing,
  type FieldSource,
  type Listing,
  type ListingField,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_SPECIFICS,
  type Money,
  type Seller,
  TITLE_MAX,
} from "../../shared/listing.ts";
import { compareAmounts, currencyHintForUrl } from "../../shared/price.ts";
import { scriptReader } from "../base/script-text.ts";
import type { ExtractContext, ListingPatch, SiteAdapter } from "../base/types.ts";
import { type HeuristicPart, heuristics } from "./heuristics.ts";
import { jsonLd, jsonLdRoots } from "./json-ld.ts";
import { microdata } from "./microdata.ts";
import { isProductOgType, metaTags, openGraph, readMeta } from "./opengraph.ts";
import type { PriceRanker } from "./price-rank.ts";
import { visibleBodyText } from "./product-code.ts";
import { rdfa } from "./rdfa.ts";

export interface ExtractOptions {
  /** Site adapters on (default) or off (`--generic-only`). */
  adapters?: boolean;
  /**
   * The site adapter registry's lookup, given by the caller (src/content/pipeline.ts
   * gives sites/registry.ts): the layers here never import the adapters. Without it
   * only the generic layers run.
   */
  adapterFor?: (host: string) => SiteAdapter | null;
  /** Time budget in ms (default 250); past it, layers stop and the listing carries a "partial" warning. */
  budgetMs?: number;
  now?: () => number;
  /** Content script only: false for elements the page injected after load, whose seller badges are not trusted. */
  trusted?: (el: Element) => boolean;
  /** Profiling only: told the time of each layer and adapter field (ms), in order. */
  onStep?: (name: string, ms: number) => void;
  /** Evaluation only: the visible-price ranker to use instead of the shipped one (leave-one-shop-out). */
  priceRanker?: PriceRanker;
}

export interface ExtractResult {
  isListing: boolean;
  listing: Listing | null;
  /**
   * The time budget ran out before every layer ran: "not a listing" may be wrong, or the listing is partial
   * (it then also carries a "partial" warning).
   */
  cutShort?: boolean;
}

export const DEFAULT_BUDGET_MS = 250;
const MAX_SCRIPT_TEXT = 8_000_000;

export function makeContext(doc: Document, url: URL, opts: ExtractOptions = {}): ExtractContext {
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.budgetMs ?? DEFAULT_BUDGET_MS);
  return {
    doc,
    url,
    overBudget: () => now() > deadline,
    ...scriptReader(doc, MAX_SCRIPT_TEXT),
    ...(opts.trusted ? { trusted: opts.trusted } : {}),
    ...(opts.onStep ? { onStep: opts.onStep } : {}),
  };
}

type Layer = { source: FieldSource; patch: ListingPatch };

const SCALARS = [
  "title",
  "brand",
  "sku",
  "gtin",
  "mpn",
  "availability",
  "condition",
  "shipsFrom",
  "description",
  "priceRange",
] as const;
const LISTS = ["images", "specifics", "categories"] as const;

function empty(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}

function mergeSeller(layers: Layer[], listing: Listing): void {
  let seller: Seller | null = null;
  for (const { source, patch } of layers) {
    const s = patch.seller;
    if (!s) continue;
    if (!seller) {
      seller = { ...s };
      listing.sources.seller = source;
      continue;
    }
    // Fill gaps only when both layers speak of the same seller (or the first has no name).
    if (seller.name && s.name && seller.name.toLowerCase() !== s.name.toLowerCase()) continue;
    for (const k of Object.keys(seller) as (keyof Seller)[]) {
      if (seller[k] === null && s[k] !== null) (seller as unknown as Record<string, unknown>)[k] = s[k];
    }
  }
  listing.seller = seller;
}

function mergeFields(layers: Layer[], listing: Listing): void {
  const target = listing as unknown as Record<string, unknown>;
  for (const key of [...SCALARS, ...LISTS]) {
    for (const { source, patch } of layers) {
      const v = (patch as Record<string, unknown>)[key];
      if (empty(v)) {
        // A layer that settles the field as unknown stops the search: lower layers would only guess.
        if (patch.known?.includes(key)) break;
        continue;
      }
      target[key] = v;
      listing.sources[key as ListingField] = source;
      break;
    }
  }
  for (const { source, patch } of layers) {
    if (patch.reviews && (patch.reviews.rating !== null || patch.reviews.count !== null)) {
      listing.reviews = patch.reviews;
      listing.sources.reviews = source;
      break;
    }
  }
  mergeSeller(layers, listing);
  for (const { patch } of layers) if (patch.warnings) listing.warnings.push(...patch.warnings);
}

const STRUCTURED: ReadonlySet<FieldSource> = new Set(["json-ld", "microdata", "rdfa", "opengraph", "meta"]);

interface VisiblePrice {
  price: Money | null;
  source: FieldSource;
  confident: boolean;
  shown: Money[];
}

/** Visible price wins on disagreement; both are kept and the disagreement is a warning. */
function mergePrice(layers: Layer[], visible: VisiblePrice, listing: Listing, hint: string | null): void {
  const structured = layers.find((l) => STRUCTURED.has(l.source) && l.patch.price);
  const s = structured?.patch.price ?? null;
  const v = visible.price;
  let price: Money | null = null;
  let source: FieldSource | null = null;
  if (s && v && compareAmounts(s.amount, v.amount) !== 0) {
    const shownSomewhere = visible.shown.some((m) => compareAmounts(m.amount, s.amount) === 0);
    if (visible.source === "adapter" || (visible.confident && !shownSomewhere)) {
      price = { amount: v.amount, currency: v.currency ?? s.currency };
      source = visible.source;
      listing.priceConflict = { structured: s, visible: price };
      listing.warnings.push(
        `price-conflict: structured data says ${s.amount} ${s.currency ?? ""}, the page shows ${v.amount} ${v.currency ?? ""}`.trim(),
      );
    } else {
      price = s;
      source = structured?.source ?? null;
    }
  } else if (s) {
    price = s;
    source = structured?.source ?? null;
  } else if (v) {
    price = v;
    source = visible.source;
  }
  if (price && price.currency === null) {
    const currency = s?.currency ?? layers.find((l) => l.patch.price?.currency)?.patch.price?.currency ?? hint;
    price = { ...price, currency: currency ?? null };
  }
  listing.price = price;
  if (price && source) listing.sources.price = source;
}

function tidy(listing: Listing): void {
  if (listing.title && listing.title.length > TITLE_MAX) listing.title = listing.title.slice(0, TITLE_MAX);
  if (listing.description && listing.description.length > DESCRIPTION_MAX)
    listing.description = listing.description.slice(0, DESCRIPTION_MAX);
  listing.images = [...new Set(listing.images)].slice(0, MAX_IMAGES);
  listing.specifics = listing.specifics.slice(0, MAX_SPECIFICS);
  listing.categories = listing.categories.slice(0, MAX_CATEGORIES);
  listing.warnings = [...new Set(listing.warnings)];
}

/** Runs one layer; a throwing layer is recorded and skipped, so one bad block cannot sink the page. */
function guarded<T>(name: string, warnings: string[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    warnings.push(`layer-error: ${name}: ${errorMessage(error)}`.slice(0, 300));
    return fallback;
  }
}

function filled(layers: Layer[], key: ListingField): boolean {
  for (const { patch } of layers) {
    if (!empty((patch as Record<string, unknown>)[key])) return true;
    if (patch.known?.includes(key)) return true;
  }
  return false;
}

/**
 * The heuristic parts still worth running after the adapter and the
 * structured layers: fields nobody filled, the visible price unless the
 * adapter read it (needed for the structured/visible conflict check), the
 * availability box unless the adapter read it (it can overrule a stale
 * structured "InStock"), official badges unless the adapter read the seller,
 * and the listing signals when nothing has recognised a listing yet.
 */
function openParts(layers: Layer[], listingSoFar: boolean, adapterPrice: boolean): Set<HeuristicPart> {
  const need = new Set<HeuristicPart>();
  const adapter = layers.find((l) => l.source === "adapter")?.patch;
  if (!listingSoFar) need.add("listing");
  if (!adapterPrice) need.add("price");
  for (const [part, key] of [
    ["title", "title"],
    ["brand", "brand"],
    ["sku", "sku"],
    ["mpn", "mpn"],
    ["gtin", "gtin"],
    ["specifics", "specifics"],
    ["categories", "categories"],
  ] as const) {
    if (!filled(layers, key)) need.add(part);
  }
  if (!(adapter?.availability || adapter?.known?.includes("availability"))) need.add("availability");
  // A structured sku may be an internal id: the code the page shows under its label is looked up to check it.
  if (!need.has("sku") && !(adapter?.sku || adapter?.known?.includes("sku"))) need.add("skuCheck");
  const sellerKnown = adapter?.known?.includes("seller") ?? false;
  if (!sellerKnown && !layers.some((l) => l.patch.seller?.name)) need.add("sellerName");
  if (!sellerKnown && !adapter?.seller) need.add("official");
  return need;
}

export function extractListing(doc: Document, href: string, opts: ExtractOptions = {}): ExtractResult {
  const url = new URL(href);
  const ctx = makeContext(doc, url, opts);
  const warnings: string[] = [];
  const hint = currencyHintForUrl(url);
  let adapter: SiteAdapter | null = null;
  const adapterFor = opts.adapterFor;
  if (opts.adapters !== false && adapterFor) {
    adapter = guarded("registry", warnings, null, () => adapterFor(url.hostname));
  }
  const layers: Layer[] = [];
  let partial = false;
  const step = (name: string, run: () => void): void => {
    if (partial) return;
    if (ctx.overBudget()) {
      partial = true;
      warnings.push(`partial: time budget spent before ${name}`);
      return;
    }
    const t0 = ctx.onStep ? performance.now() : 0;
    guarded(name, warnings, undefined, run);
    ctx.onStep?.(name, performance.now() - t0);
  };

  let adapterListing = false;
  let structuredProduct = false;
  let ogProduct = false;
  step("adapter", () => {
    if (!adapter) return;
    adapterListing = adapter.isListing(ctx);
    if (adapterListing) layers.push({ source: "adapter", patch: adapter.extract(ctx) });
  });
  step("json-ld", () => {
    const r = jsonLd(ctx, jsonLdRoots(ctx));
    structuredProduct ||= r.hasProduct;
    layers.push({ source: "json-ld", patch: r.patch });
  });
  // Microdata and RDFa need a scope (itemscope / typeof); most marketplace pages have neither, and the
  // markup survey (one walk, shared with JSON-LD and OpenGraph) says so before their full-page property walks.
  if (guarded("markup", warnings, true, () => ctx.markup().scoped)) {
    step("microdata", () => {
      const r = microdata(ctx);
      structuredProduct ||= r.hasProduct;
      layers.push({ source: "microdata", patch: r.patch });
    });
    step("rdfa", () => {
      const r = rdfa(ctx);
      structuredProduct ||= r.hasProduct;
      layers.push({ source: "rdfa", patch: r.patch });
    });
  }
  step("opengraph", () => {
    const map = readMeta(ctx);
    ogProduct = isProductOgType(map);
    layers.push({ source: "opengraph", patch: openGraph(ctx, map) });
    layers.push({ source: "meta", patch: metaTags(ctx, map, hint) });
  });
  let visible: VisiblePrice = { price: null, source: "heuristic", confident: false, shown: [] };
  const adapterLayer = layers.find((l) => l.source === "adapter")?.patch;
  const adapterPrice = adapterLayer?.price ?? null;
  if (adapterPrice) visible = { price: adapterPrice, source: "adapter", confident: true, shown: [] };
  let heuristicListing = false;
  let shownSku: string | null = null;
  const listingSoFar = adapterListing || structuredProduct || ogProduct;
  const need = openParts(layers, listingSoFar, adapterPrice !== null);
  step("heuristics", () => {
    if (need.size === 0) return;
    const h = heuristics(ctx, {
      hint,
      need,
      ...(adapterLayer?.specifics?.length ? { knownSpecifics: adapterLayer.specifics } : {}),
      ...(opts.trusted ? { trusted: opts.trusted } : {}),
      ...(opts.priceRanker ? { priceRanker: opts.priceRanker } : {}),
    });
    const { price: _price, ...rest } = h.patch;
    layers.push({ source: "heuristic", patch: rest });
    if (!adapterPrice)
      visible = {
        price: h.patch.price ?? null,
        source: "heuristic",
        confident: h.confidentPrice,
        shown: h.shownAmounts,
      };
    // One listing: a title, a confident price and a buy (or reply-to-the-ad) control, its price in no grid of like
    // tiles; or a sold-out listing (a heading and a sold-out message where the price goes).
    heuristicListing = (h.confidentPrice && h.offer && h.titleFound && !h.inGrid) || h.soldOut;
    shownSku = h.shownSku;
  });
  if (partial && !warnings.some((w) => w.startsWith("partial"))) warnings.push("partial");

  const isListing = adapterListing || structuredProduct || ogProduct || heuristicListing;
  if (!isListing)
    return partial ? { isListing: false, listing: null, cutShort: true } : { isListing: false, listing: null };
  const listing = emptyListing(href, adapter ? adapter.id : "generic");
  mergeFields(layers, listing);
  mergePrice(layers, visible, listing, hint);
  // Structured availability is often a cached "InStock"; an availability box on the page saying otherwise wins.
  const seen = layers.find((l) => l.source === "heuristic")?.patch.availability;
  if (seen === "OutOfStock" && listing.availability === "InStock" && listing.sources.availability !== "adapter") {
    listing.availability = "OutOfStock";
    listing.sources.availability = "heuristic";
    listing.warnings.push("availability-conflict: structured data says InStock, the page says out of stock");
  }
  // The code the page shows under its label wins over a structured id the page never shows (an internal id).
  if (
    shownSku &&
    listing.sku &&
    listing.sku !== shownSku &&
    listing.sources.sku !== "adapter" &&
    listing.sources.sku !== "heuristic" &&
    !visibleBodyText(ctx).includes(listing.sku)
  ) {
    listing.sku = shownSku;
    listing.sources.sku = "heuristic";
  }
  listing.warnings.push(...warnings);
  tidy(listing);
  return partial ? { isListing: true, listing, cutShort: true } : { isListing: true, listing };
}
