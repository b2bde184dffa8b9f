/** DOM helpers the Asian/US adapters share (the generic ones live in ../../extract/dom.ts). */
import { emptySeller, MAX_IMAGES, MAX_SPECIFICS, type Seller, type Specific } from "../../../shared/listing.ts";
import { attr, text } from "../../base/dom.ts";

/**
 * CSS-module classes on the newer React layouts carry hashed suffixes
 * (`ItemHeader--mainTitle--3CIjqW5`): match the stable prefix, as the first
 * class or any later one.
 */
export function prefixSelector(...prefixes: string[]): string {
  return prefixes.map((p) => `[class^="${p}"], [class*=" ${p}"]`).join(", ");
}

const HIDDEN_CLASS = /(^|\s)(hidden|hide|tb-hidden|J_hidden)(\s|$)/;

/**
 * Hidden by the page (attribute, inline style or a hiding class) on the
 * element or a close ancestor: a badge the shopper cannot see must not count
 * (issue #3, "ignores hidden seller badges").
 */
export function isHidden(el: Element | null): boolean {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 8; depth++, cur = cur.parentElement) {
    if (cur.hasAttribute("hidden") || cur.getAttribute("aria-hidden") === "true") return true;
    const style = (cur.getAttribute("style") ?? "").replace(/\s+/g, "").toLowerCase();
    if (style.includes("display:none") || style.includes("visibility:hidden")) return true;
    if (HIDDEN_CLASS.test(cur.getAttribute("class") ?? "")) return true;
  }
  return false;
}

/** Text of the first matching element the shopper can see. */
export function visibleText(root: ParentNode, selector: string): string | null {
  for (const el of root.querySelectorAll(selector)) {
    if (isHidden(el)) continue;
    const t = text(el);
    if (t) return t;
  }
  return null;
}

/** Absolute https URL for `//host/path`, `/path` or a full URL; null for javascript:, data: and junk. */
export function absoluteUrl(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    if (u.protocol === "http:" && href.trim().startsWith("//")) u.protocol = "https:";
    return u.href;
  } catch {
    return null;
  }
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

/** A Seller with the known fields filled; null when neither a name nor an id is known. */
export function seller(fields: Partial<Seller>): Seller | null {
  const s: Seller = { ...emptySeller() };
  for (const [k, v] of Object.entries(fields) as [keyof Seller, Seller[keyof Seller]][]) {
    if (v !== undefined && v !== null && v !== "") (s as unknown as Record<string, unknown>)[k] = v;
  }
  return s.name === null && s.id === null ? null : s;
}

/** Integer from "38287", "4,495", "1.2万" (10 000), null otherwise. */
export function count(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const m = raw.replace(/[,\s]/g, "").match(/(\d+(?:\.\d+)?)(万|k|K)?/);
  if (!m?.[1]) return null;
  const mult = m[2] === "万" ? 10_000 : m[2] ? 1000 : 1;
  const n = Math.round(Number(m[1]) * mult);
  return Number.isFinite(n) ? n : null;
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
