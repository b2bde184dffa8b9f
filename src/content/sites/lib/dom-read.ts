/** DOM reading for adapters: visible text (no script/style), hidden-ancestor checks, name/value rows. */
import type { Specific } from "../../../shared/listing.ts";

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

/** True when the element or an ancestor is hidden by the usual class/attribute/style conventions. */
const HIDDEN_CLASS = /(?:^|\s)(?:aok-hidden|a-hidden|hidden|d-none|sr-only|visually-hidden)(?:\s|$)/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function isHidden(el: Element): boolean {
  // Called for every candidate up to the root: no allocation per ancestor unless it carries a style.
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (p.hasAttribute("hidden") || p.getAttribute("aria-hidden") === "true") return true;
    const cls = p.getAttribute("class");
    if (cls && HIDDEN_CLASS.test(cls)) return true;
    const style = p.getAttribute("style");
    if (style && HIDDEN_STYLE.test(style)) return true;
  }
  return false;
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
