/** DOM reading for adapters: visible text (no script/style), hidden-ancestor checks, name/value rows. */
import { MAX_IMAGES, MAX_SPECIFICS, type Specific } from "../../../shared/listing.ts";
import { absoluteUrl, attr, isHidden, text } from "../../base/dom.ts";

const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
/** Bidi marks Amazon and others put around labels ("ASIN ‏ : ‎"). */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function collect(node: Node, out: string[], budget: { left: number }): void {
  // Sibling links, not Array.from(childNodes): no array per element of a large subtree.
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (budget.left <= 0) return;
    if (child.nodeType === 3) {
      const t = child.textContent ?? "";
      out.push(t);
      budget.left -= t.length;
    } else if (child.nodeType === 1 && !SKIP_TAGS.has((child as Element).tagName.toUpperCase())) {
      collect(child, out, budget);
    }
  }
}

/** Text without script/style contents or bidi marks, whitespace collapsed, capped; null when empty. */
export function visibleText(el: Element | null | undefined, max = 20_000): string | null {
  if (!el) return null;
  const out: string[] = [];
  collect(el, out, { left: max });
  const t = out.join(" ").replace(BIDI, "").replace(/\s+/g, " ").trim().slice(0, max);
  return t ? t : null;
}

/** First element matching any selector (in selector order) that passes `accept`. */
export function firstMatch(
  root: ParentNode,
  selectors: readonly string[],
  accept: (el: Element) => boolean = () => true,
): Element | null {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll(sel))) if (accept(el)) return el;
  }
  return null;
}

/** A label without its trailing colon and bidi marks: "ASIN ‏ : ‎" → "ASIN". */
export function label(t: string | null): string | null {
  const v = t
    ?.replace(BIDI, "")
    .replace(/\s*[:：]\s*$/, "")
    .trim();
  return v ? v : null;
}

export function pushSpecific(out: Specific[], name: string | null, value: string | null, max: number): void {
  const n = label(name);
  const v = value?.replace(BIDI, "").trim();
  if (!n || !v || out.length >= max || n.length > 120) return;
  if (out.some((s) => s.name === n)) return;
  out.push({ name: n, value: v.slice(0, 500) });
}

/**
 * Elements matching `sel` inside the element with id `id`: one getElementById
 * (a hash lookup in a browser) and a query scoped to that region, instead of
 * `#id sel` matched against every element of a multi-megabyte page.
 */
export function within(doc: Document, id: string, sel: string): Element[] {
  const region = doc.getElementById(id);
  return region ? Array.from(region.querySelectorAll(sel)) : [];
}

/** A selector scoped to a region: `[id, sel]`, or `[id, null]` for the region element itself. */
export type Scoped = readonly [id: string, sel: string | null];

/** First element (in the order given) of the scoped selectors that passes `accept`. */
export function firstScoped(
  doc: Document,
  scoped: readonly Scoped[],
  accept: (el: Element) => boolean = () => true,
): Element | null {
  for (const [id, sel] of scoped) {
    if (sel === null) {
      const el = doc.getElementById(id);
      if (el && accept(el)) return el;
      continue;
    }
    for (const el of within(doc, id, sel)) if (accept(el)) return el;
  }
  return null;
}

/** Text of the first element matching `selector` that the shopper can see. */
export function firstVisibleText(root: ParentNode, selector: string): string | null {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (isHidden(el)) continue;
    const t = visibleText(el);
    if (t) return t;
  }
  return null;
}

/**
 * CSS-module classes on the newer React layouts carry hashed suffixes
 * (`ItemHeader--mainTitle--3CIjqW5`): match the stable prefix, as the first
 * class or any later one.
 */
export function prefixSelector(...prefixes: string[]): string {
  return prefixes.map((p) => `[class^="${p}"], [class*=" ${p}"]`).join(", ");
}

/**
 * Alibaba CDN thumbnails append a resize suffix to the full image
 * (`X.jpg_60x60q90.jpg`, `X.jpg_50x50.jpg_.webp`): keep the full image.
 */
export function fullSizeImage(url: string): string {
  return url.replace(/(\.(?:jpe?g|png|gif|webp))_[^/]*$/i, "$1");
}

/** Unique absolute image URLs, capped at MAX_IMAGES. */
export function imageList(urls: (string | null | undefined)[], base: URL, normalise = (u: string) => u): string[] {
  const out: string[] = [];
  for (const raw of urls) {
    const abs = absoluteUrl(raw, base);
    if (!abs) continue;
    const u = normalise(abs);
    if (!out.includes(u)) out.push(u);
    if (out.length >= MAX_IMAGES) break;
  }
  return out;
}

/** "品牌: KBDfans", "产品名称：Apple/苹果 iPhone 11", "Brand : X" → name/value pairs, capped. */
export function specificsFromLines(lines: (string | null)[]): Specific[] {
  const out: Specific[] = [];
  for (const line of lines) {
    const m = line?.replace(/\u00a0/g, " ").match(/^\s*([^:：]{1,60}?)\s*[:：]\s*(.+?)\s*$/);
    if (m?.[1] && m[2]) out.push({ name: m[1], value: m[2].replace(/\s+/g, " ") });
    if (out.length >= MAX_SPECIFICS) break;
  }
  return out;
}

/** The value of the first specific whose name matches. */
export function specific(specs: Specific[], name: RegExp): string | null {
  return specs.find((s) => name.test(s.name))?.value ?? null;
}

/** Text of `attr(el, name)` or the element's text. */
export function attrOrText(el: Element | null, name: string): string | null {
  return attr(el, name) ?? text(el);
}

/** Plain text capped at `max` characters. */
export function capText(raw: string | null, max: number): string | null {
  if (!raw) return null;
  const t = raw.replace(/\s+/g, " ").trim();
  return t ? t.slice(0, max) : null;
}
