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
/** What may follow a label before its code: an abbreviation's dot, "No." / "Nr." / "#", a colon ("Article no.:", "Réf. n° :"). */
const LABEL_TAIL = "\\.?\\s*(?:(?:n[o°º]|nr|#)\\.?\\s*)?[:：#]?";
/** Labels in scripts written without spaces between words (Chinese, Japanese, Thai) need no word boundary before them. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A row name that is one of `labels` ("Artikelnummer", "Item #:", "Article no.:"). */
function rowLabel(labels: readonly string[]): RegExp {
  return new RegExp(`^(?:${longestFirst(labels)})${LABEL_TAIL}$`, "iu");
}
/**
 * A label then its code in running text. A label in a spaced script stands
 * on its own (not the end of "barcode"); the code ends where no letter or
 * digit follows (a sentence's full stop or a Chinese character may).
 */
function inlineLabel(labels: readonly string[], code: string): RegExp {
  const spaced = labels.filter((l) => !UNSPACED.test(l));
  const unspaced = labels.filter((l) => UNSPACED.test(l));
  const alternatives = [`(?<![\\p{L}\\p{N}_-])(?:${longestFirst(spaced)})`];
  if (unspaced.length > 0) alternatives.push(`(?:${longestFirst(unspaced)})`);
  return new RegExp(
    `(${alternatives.join("|")})${LABEL_TAIL}\\s*${code}(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}]|[._/-][\\p{L}\\p{N}])`,
    "giu",
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

/** The first labelled code in the visible text ("Product code: 141677") that could be a shop's code (see plausibleCode). */
export function labelledCode(text: string): string | null {
  let gtin: string | null | undefined;
  const isGtin = (v: string): boolean => {
    if (!/^\d{8,14}$/.test(v)) return false;
    gtin ??= labelledGtin(text);
    return v === gtin;
  };
  return firstLabelled(INLINE, text, (v) => plausibleCode(v) && !isGtin(v));
}

/** The GTIN under its label in the visible text ("UPC : 099482467999", "EAN-Nummer 7610186303159"). */
export function labelledGtin(text: string): string | null {
  return firstLabelled(INLINE_GTIN, text, () => true);
}

/** The manufacturer's part or model number under its label in the visible text ("Model Number: NC5100EF"). */
export function labelledMpn(text: string): string | null {
  return firstLabelled(INLINE_MPN, text, plausibleCode);
}

const NOT_AFTER = new Set(skuData.notAfter);

/** The word just before `at` ("promo" in "promo code"), lower-case. */
function wordBefore(text: string, at: number): string {
  return /([\p{L}\p{N}]+)[\s-]*$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1]?.toLowerCase() ?? "";
}

function firstLabelled(re: RegExp, text: string, ok: (v: string) => boolean): string | null {
  let n = 0;
  for (const m of text.matchAll(re)) {
    if (++n > 400) return null;
    const v = m[2] ?? "";
    // A one-word label ("code", "kod") is another code's after "promo", "EAN", "postal".
    if (!/\s/.test(m[1] ?? "") && NOT_AFTER.has(wordBefore(text, m.index ?? 0))) continue;
    if (ok(v)) return v;
  }
  return null;
}

const NOT_CODE = skuData.notCode.map((p) => new RegExp(p, "u"));

/**
 * Whether a value read under a product-code label can be a shop's code: a
 * digit in it, 4 to 40 characters, and not a date, a price or a phone number
 * (data/sku-labels.json `notCode`).
 */
export function plausibleCode(v: string): boolean {
  const t = v.trim();
  return t.length >= 4 && t.length <= 40 && /\d/.test(t) && !NOT_CODE.some((re) => re.test(t));
}

/** itemprop sku / productID / mpn on the page, even outside an item scope (the microdata layer reads scoped ones). */
export function microdataCode(doc: Document): string | null {
  for (const el of doc.querySelectorAll("[itemprop=sku], [itemprop=productID], [itemprop=productId]")) {
    const v = (el.getAttribute("content") ?? el.textContent ?? "").trim().replace(/^\w+:(?=\S)/, "");
    if (v && v.length <= 40 && /\d/.test(v)) return v;
  }
  return null;
}

/**
 * The parts of an address that can be a product code, the path's last first
 * then the query's: digits, after at most three letters ("s99277508"), in the
 * path segments and query values split at '-', '_', ',', '+' and '.'.
 */
function addressTokens(url: URL): string[] {
  const split = (parts: string[]): string[] =>
    parts
      .flatMap((p) => p.replace(/\.(?:html?|php|aspx?)$/i, "").split(/[-_,.+=]/))
      .filter((t) => /^[A-Za-z]{0,3}\d{5,20}$/.test(t));
  return [...split(url.pathname.split("/")).reverse(), ...split([...url.searchParams.values()])];
}

/** The run of digits `digits` as the page writes it, with dots, dashes or spaces between groups ("002.937.72"); null when absent. */
function shownForm(text: string, digits: string): string | null {
  if (digits.length < 5) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}.-])(${digits.split("").join("[.\\- ]?")})(?![\\p{L}\\p{N}]|[.-]\\d)`, "u");
  return re.exec(text)?.[1] ?? null;
}

function patternCodes(url: URL): string[] {
  const target = `${url.pathname}${url.search}`;
  const out: string[] = [];
  for (const re of URL_PATTERNS) {
    const v = re.exec(target)?.[1];
    if (v && /\d/.test(v)) out.push(v);
  }
  return out;
}

/**
 * The address's code as the page shows it: the code the address patterns
 * find or, when they find none, a run of digits in the address (after at
 * most three letters), that the visible `text` shows too, in the page's form
 * ("…-00293772/" shown "002.937.72"; "…-s99277508/" shown "992.775.08").
 * The address names the product; a code it shares with the page is the
 * product's.
 */
export function addressCodeShown(url: URL, text: string): string | null {
  if (!text) return null;
  const patterns = patternCodes(url);
  for (const token of patterns.length > 0 ? patterns : addressTokens(url)) {
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(token)}(?![\\p{L}\\p{N}])`, "u").test(text)) return token;
    const digits = token.replace(/^[A-Za-z]+/, "");
    const shown = /^\d+$/.test(digits) ? shownForm(text, digits) : null;
    if (shown) return shown;
  }
  return null;
}

/** A product code in the page address (?sku=…, /p/<code>, …-123456.html), for pages that show none. */
export function urlCode(url: URL): string | null {
  return patternCodes(url)[0] ?? null;
}

/**
 * The code the page shows under a product-code label: the value of a
 * product-code row (`rowValue`: a table row, a definition list) when it can
 * be a code, else the first labelled code in the visible `text`.
 */
export function shownCode(rowValue: string | null | undefined, text: string): string | null {
  const row = rowValue?.trim();
  if (row && plausibleCode(row)) return row;
  return text ? labelledCode(text) : null;
}

/**
 * The shop's own code for the sku slot when no structured layer gave one:
 * the code shown under its label (`shown`, shownCode) or the address's code
 * the page shows too (addressCodeShown), whichever the page shows first (a
 * labelled code further down may be a package's or an accessory's; an
 * address id the page shows further down is no shop's code it labels); else
 * itemprop sku/productID; else the model number the page shows under its
 * label (`modelRow`, a model row's value, or the labelled part number in
 * the text: shops without a code of their own name the product by it); else
 * the address's code (urlCode). `text` is the visible text ("" when the time
 * budget is spent).
 */
export function pageCode(
  doc: Document,
  url: URL,
  shown: string | null,
  text: string,
  modelRow?: string | null,
): string | null {
  const address = addressCodeShown(url, text);
  if (shown && address && shown !== address) return firstAt(text, address) < firstAt(text, shown) ? address : shown;
  return shown ?? address ?? microdataCode(doc) ?? shownModel(modelRow, text) ?? urlCode(url);
}

function shownModel(row: string | null | undefined, text: string): string | null {
  const v = row?.trim();
  if (v && plausibleCode(v)) return v;
  return text ? labelledMpn(text) : null;
}

function firstAt(text: string, v: string): number {
  const at = text.indexOf(v);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}
