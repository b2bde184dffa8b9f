/**
 * The held-out extraction evaluation's parts (`npm run -s eval:extract -- --held-out`,
 * scripts/eval-held-out.ts), kept apart so each can be tested on small pages:
 *
 * - readTruth: what the page's own structured data states (JSON-LD, microdata,
 *   RDFa, OpenGraph / product meta tags), read by the extension's structured
 *   layers. That is the truth the visible layer is scored against; its limit is
 *   the page's: stale or wrong structured data is a wrong truth, and pages
 *   without structured data cannot be scored at all.
 * - stripStructuredData: the page with every way of reading that answer
 *   removed (scripts, meta tags, microdata and RDFa attributes), so the visible
 *   layer sees only what a shopper sees.
 * - visibleTexts / priceShown / codeShown: whether the visible page still shows
 *   the truth at all; a price the page does not show is "not on the visible
 *   page" and is counted apart, not scored.
 */

import type { ListingPatch } from "../src/content/base/types.ts";
import { makeContext } from "../src/content/extract/extract.ts";
import { jsonLd } from "../src/content/extract/json-ld.ts";
import { microdata } from "../src/content/extract/microdata.ts";
import { metaTags, openGraph, readMeta } from "../src/content/extract/opengraph.ts";
import { CURRENCY_MARK, contentRoot } from "../src/content/extract/price-rank.ts";
import { rdfa } from "../src/content/extract/rdfa.ts";
import { compareAmounts, currencyHintForUrl, normaliseAmount, normaliseDigits } from "../src/shared/price.ts";

export const FIELDS = ["price", "sku", "gtin", "mpn", "availability"] as const;
export type Field = (typeof FIELDS)[number];

/** Per field, the values the page's structured data states (several when its sources disagree), and which sources. */
export interface Truth {
  values: Record<Field, string[]>;
  sources: Record<Field, string[]>;
}

/** A GTIN as digits without leading zeros (a UPC-A and its EAN-13 with a leading 0 are one code). */
export function gtinKey(v: string): string {
  return v.replace(/\D/g, "").replace(/^0+/, "");
}

function fieldValue(field: Field, patch: ListingPatch): string | null {
  switch (field) {
    case "price":
      return patch.price?.amount ?? null;
    case "gtin":
      return patch.gtin ? gtinKey(patch.gtin) || null : null;
    default: {
      const v = patch[field];
      return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
    }
  }
}

function same(field: Field, a: string, b: string): boolean {
  return field === "price" ? compareAmounts(a, b) === 0 : a === b;
}

/** The page's structured statements about its product, per field, from every structured layer. */
export function readTruth(doc: Document, href: string): Truth {
  const url = new URL(href);
  const ctx = makeContext(doc, url, { budgetMs: 60_000 });
  const map = readMeta(ctx);
  const layers: [string, ListingPatch][] = [
    ["json-ld", jsonLd(ctx).patch],
    ["microdata", microdata(ctx).patch],
    ["rdfa", rdfa(ctx).patch],
    ["opengraph", openGraph(ctx, map)],
    ["meta", metaTags(ctx, map, null)],
  ];
  const values = Object.fromEntries(FIELDS.map((f) => [f, [] as string[]])) as Record<Field, string[]>;
  const sources = Object.fromEntries(FIELDS.map((f) => [f, [] as string[]])) as Record<Field, string[]>;
  for (const [source, patch] of layers) {
    for (const field of FIELDS) {
      const v = fieldValue(field, patch);
      if (v === null) continue;
      if (!sources[field].includes(source)) sources[field].push(source);
      if (!values[field].some((x) => same(field, x, v))) values[field].push(v);
    }
  }
  return { values, sources };
}

export function hasTruth(t: Truth): boolean {
  return FIELDS.some((f) => t.values[f].length > 0);
}

const STRUCTURED_ATTRS = [
  // Microdata (WHATWG HTML).
  "itemscope",
  "itemtype",
  "itemprop",
  "itemid",
  "itemref",
  // RDFa (Lite and Core); `content` also carries microdata values on non-meta elements.
  "typeof",
  "property",
  "vocab",
  "about",
  "resource",
  "datatype",
  "prefix",
  "content",
] as const;

export interface StripReport {
  scripts: number;
  jsonLd: number;
  metas: number;
  attributes: number;
  links: number;
}

/**
 * Removes from the page everything a reader could take the answer from
 * without reading the visible page: every <script> (JSON-LD blocks and the
 * inline state of script-rendered shops), every <meta> but the charset and
 * http-equiv ones (OpenGraph, product:*, twitter:*, itemprop metas),
 * <link itemprop> (availability URLs), and the microdata and RDFa attributes
 * (itemprop="price" content="…" included). The visible text and the layout
 * classes are untouched. Mutates the document; returns what it removed.
 */
export function stripStructuredData(doc: Document): StripReport {
  const report: StripReport = { scripts: 0, jsonLd: 0, metas: 0, attributes: 0, links: 0 };
  for (const s of [...doc.querySelectorAll("script")]) {
    if ((s.getAttribute("type") ?? "").trim().toLowerCase() === "application/ld+json") report.jsonLd++;
    report.scripts++;
    s.remove();
  }
  for (const m of [...doc.querySelectorAll("meta")]) {
    if (m.hasAttribute("charset") || m.hasAttribute("http-equiv")) continue;
    report.metas++;
    m.remove();
  }
  for (const l of [...doc.querySelectorAll("link[itemprop], link[property]")]) {
    report.links++;
    l.remove();
  }
  for (const name of STRUCTURED_ATTRS) {
    for (const el of [...doc.querySelectorAll(`[${name}]`)]) {
      el.removeAttribute(name);
      report.attributes++;
    }
  }
  return report;
}

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "HEAD", "TITLE"]);

function hiddenByMarkup(el: Element): boolean {
  return (
    el.hasAttribute("hidden") || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute("style") ?? "")
  );
}

/**
 * The page's visible text nodes in document order: none inside scripts,
 * styles, templates or elements hidden by their own markup (`hidden`,
 * inline display:none / visibility:hidden). Stylesheet-hidden text cannot be
 * told apart without layout and is kept.
 */
export function visibleTexts(doc: Document): string[] {
  const root = contentRoot(doc);
  if (!root) return [];
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? "";
      if (v.trim() !== "") out.push(v);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (SKIP.has(el.tagName.toUpperCase()) || hiddenByMarkup(el)) continue;
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
}

const TOKEN = /\d+(?:(?:[.,']|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*/g;

/**
 * Whether the visible text shows `amount` as a price: a number equal to it
 * with a currency sign or code within 16 characters, or written with a
 * decimal or grouping separator or three digits or more (a bare "25" is too
 * often something else). The texts are read both joined with spaces and
 * joined as they are, so a price split over elements ("$15" "." "98",
 * "1 299" "€") is found too.
 */
export function priceShown(texts: readonly string[], amount: string): boolean {
  for (const s of [texts.join(" "), texts.join("")]) {
    const t = normaliseDigits(s);
    for (const m of t.matchAll(TOKEN)) {
      const raw = m[0];
      const value = normaliseAmount(raw);
      if (value === null || compareAmounts(value, amount) !== 0) continue;
      const at = m.index ?? 0;
      const around = t.slice(Math.max(0, at - 16), at + raw.length + 16);
      if (CURRENCY_MARK.test(around) || /[.,' \u00a0\u202f]/.test(raw) || raw.length >= 3) return true;
    }
  }
  return false;
}

/** Whether the visible text shows a product code (case-insensitive; a GTIN compared as its digits). */
export function codeShown(texts: readonly string[], field: "sku" | "gtin" | "mpn", code: string): boolean {
  const text = normaliseDigits(texts.join(" "));
  if (field === "gtin") {
    const key = gtinKey(code);
    return key.length > 0 && text.replace(/[\s-]/g, "").includes(key);
  }
  return text.toLowerCase().includes(code.toLowerCase());
}

/** The currency a page's address suggests (for the visible layer, as the pipeline gives it). */
export function hintFor(href: string): string | null {
  return currencyHintForUrl(new URL(href));
}
