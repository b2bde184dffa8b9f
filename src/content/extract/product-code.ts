/**
 * The shop's own product code: under its label in the shop's language
 * ("Art.-Nr. 106606", "商品編號：A1234", "Kod: 0412"), in microdata
 * (itemprop sku / productID / mpn outside any item scope), or, when the page
 * shows none, in its address (?sku=…, /p/<code>, …-123456.html). The GTIN and
 * the manufacturer's part number are read under their labels the same way
 * ("UPC : 099482467999", "Model Number: NC5100EF"). Labels and address
 * patterns are data (data/sku-labels.json).
 */
import type { ExtractContext } from "../base/types.ts";
import skuData from "./data/sku-labels.json" with { type: "json" };
import { contentRoot } from "./price-rank.ts";

const MAX_TEXT = 2_000_000;
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA"]);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function longestFirst(labels: readonly string[]): string {
  return [...new Set(labels)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
}
/** A row name that is one of `labels` ("Artikelnummer", "Item #:"). */
function rowLabel(labels: readonly string[]): RegExp {
  return new RegExp(`^(?:${longestFirst(labels)})\\s*[:：#]?$`, "iu");
}
/** A label then its code in running text; the label stands on its own (not the end of "promo code"). */
function inlineLabel(labels: readonly string[], code: string): RegExp {
  return new RegExp(
    `(?:^|[\\s(|•·,;>])(?:${longestFirst(labels)})\\s*(?:[:：#]|n[o°º]\\.?)?\\s*[:：#]?\\s*${code}(?=[\\s,;|)<]|$)`,
    "iu",
  );
}

/** A row name that is a product-code label ("Artikelnummer", "Item #:"). */
export const SKU_LABEL = rowLabel(skuData.labels);
export const GTIN_LABEL = rowLabel(skuData.gtinLabels);
export const MPN_LABEL = rowLabel(skuData.mpnLabels);
const CODE = "([A-Z0-9](?:[A-Z0-9._/-]{0,30}[A-Z0-9])?)";
const INLINE = inlineLabel(skuData.labels, CODE);
const INLINE_GTIN = inlineLabel(skuData.gtinLabels, "(\\d{8,14})");
const INLINE_MPN = inlineLabel(skuData.mpnLabels, CODE);
const URL_PATTERNS = skuData.urlPatterns.map((p) => new RegExp(p, "i"));

// Keyed by the extraction context, not the document: a single-page app changes the same document between extractions.
const TEXTS = new WeakMap<ExtractContext, string>();

/** The page's text without scripts and styles (what a shopper can read), capped; read once per extraction. */
export function visibleBodyText(ctx: ExtractContext): string {
  const known = TEXTS.get(ctx);
  if (known !== undefined) return known;
  const text = readText(ctx);
  TEXTS.set(ctx, text);
  return text;
}

function readText(ctx: ExtractContext): string {
  const root = contentRoot(ctx.doc);
  if (!root) return "";
  const parts: string[] = [];
  let size = 0;
  const walker = ctx.doc.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n && size < MAX_TEXT; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || SKIP.has(parent.tagName.toUpperCase())) continue;
    const v = n.nodeValue ?? "";
    if (v.trim() === "") continue;
    parts.push(v);
    size += v.length;
  }
  return parts.join(" ").replace(/\s+/g, " ");
}

/** The first labelled code in the visible text ("Product code: 141677"); it needs a digit. */
export function labelledCode(text: string): string | null {
  return firstLabelled(INLINE, text);
}

/** The GTIN under its label in the visible text ("UPC : 099482467999", "EAN-Nummer 7610186303159"). */
export function labelledGtin(text: string): string | null {
  return firstLabelled(INLINE_GTIN, text);
}

/** The manufacturer's part or model number under its label in the visible text ("Model Number: NC5100EF"). */
export function labelledMpn(text: string): string | null {
  return firstLabelled(INLINE_MPN, text);
}

function firstLabelled(re: RegExp, text: string): string | null {
  let rest = text;
  for (let i = 0; i < 20; i++) {
    const m = re.exec(rest);
    if (!m) return null;
    const v = m[1] ?? "";
    if (/\d/.test(v)) return v;
    rest = rest.slice((m.index ?? 0) + m[0].length);
  }
  return null;
}

/** itemprop sku / productID / mpn on the page, even outside an item scope (the microdata layer reads scoped ones). */
export function microdataCode(doc: Document): string | null {
  for (const el of doc.querySelectorAll("[itemprop=sku], [itemprop=productID], [itemprop=productId]")) {
    const v = (el.getAttribute("content") ?? el.textContent ?? "").trim().replace(/^\w+:(?=\S)/, "");
    if (v && v.length <= 40 && /\d/.test(v)) return v;
  }
  return null;
}

/** A product code in the page address, for pages that show none. */
export function urlCode(url: URL): string | null {
  const target = `${url.pathname}${url.search}`;
  for (const re of URL_PATTERNS) {
    const m = re.exec(target);
    const v = m?.[1];
    if (v && /\d/.test(v)) return v;
  }
  return null;
}
