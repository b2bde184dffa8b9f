/**
 * Small DOM reading helpers shared by the layers and the site adapters.
 * Pure DOM APIs only: this also runs in Node over linkedom (no `window`
 * except guarded, no layout in hot paths).
 */

/** Text of an element, whitespace collapsed; null when empty. */
export function text(el: Element | null | undefined): string | null {
  const t = el?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const v = el?.getAttribute(name)?.trim();
  return v ? v : null;
}

export function meta(doc: Document, key: string): string | null {
  return attr(doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`), "content");
}

/** Whitespace collapsed and trimmed; a finite number as its string; null when nothing is left or not text. */
export function clean(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const t = value.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  euro: "€",
  pound: "£",
  yen: "¥",
  copy: "©",
  reg: "®",
  trade: "™",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  deg: "°",
  times: "×",
  middot: "·",
  bull: "•",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  aacute: "á",
  iacute: "í",
  oacute: "ó",
  uacute: "ú",
  ntilde: "ñ",
  ccedil: "ç",
};

/** Decodes HTML character references (named common ones, decimal, hex) without touching the DOM. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Plain text from an HTML fragment (JSON-LD descriptions often carry markup):
 * regex-based on purpose, because parsing page-controlled HTML through
 * innerHTML would let it load resources in the content script.
 */
export function stripHtml(s: string, max: number): string | null {
  const plain = decodeEntities(
    s
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<br\s*\/?>|<\/(p|div|li|h\d|tr)>/gi, "\n")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
  if (!plain) return null;
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * An absolute http(s) URL or null (javascript:, data:, garbage). A
 * protocol-relative `//host/path` on an http page is taken as https: every
 * marketplace serves its images and stores over https.
 */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | null {
  if (!href) return null;
  try {
    const h = href.trim();
    const u = new URL(h, base);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    if (u.protocol === "http:" && h.startsWith("//")) u.protocol = "https:";
    return u.href;
  } catch {
    return null;
  }
}

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$))/i;
/** Classes the marketplaces (and common CSS frameworks) hide elements with. */
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|hide|aok-hidden|a-hidden|d-none|sr-only|visually-hidden|tb-hidden|J_hidden)(?:\s|$)/;

/**
 * Whether the page hides `el` (or an ancestor): the one check for every layer
 * and adapter (a seller badge or price the shopper cannot see must not
 * count). In a browser, layout knows (checkVisibility, getComputedStyle); in
 * Node (linkedom) only markup is visible: hidden, aria-hidden, inert,
 * display:none, visibility:hidden, opacity:0, <template>/<noscript>, and the
 * usual hiding classes.
 */
export function isHidden(el: Element | null | undefined): boolean {
  if (!el) return false;
  const live = el as Element & { checkVisibility?: (o?: object) => boolean };
  const view = el.ownerDocument?.defaultView as (Window & typeof globalThis) | null | undefined;
  if (typeof live.checkVisibility === "function" && view && typeof view.getComputedStyle === "function") {
    try {
      if (!live.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
    } catch {
      // fall back to markup
    }
  }
  // Called for every candidate up to the root: no allocation per ancestor unless it carries a class or style.
  for (let e: Element | null = el; e; e = e.parentElement) {
    const tag = e.localName;
    if (tag === "template" || tag === "noscript") return true;
    if (e.hasAttribute("hidden") || e.getAttribute("aria-hidden") === "true" || e.hasAttribute("inert")) return true;
    const cls = e.getAttribute("class");
    if (cls && HIDDEN_CLASS.test(cls)) return true;
    const style = e.getAttribute("style");
    if (style && HIDDEN_STYLE.test(style)) return true;
  }
  return false;
}
