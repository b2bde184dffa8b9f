/**
 * The visible price, ranked: every element that shows an amount (a currency
 * sign or code next to a number, or a price-named element) is a candidate,
 * described by features that hold across shops (closeness to the title and
 * to the buy button, emphasis, a currency mark, struck-through or "was"
 * labels, per-unit amounts, related-product and review regions), and scored
 * by a weighted sum whose weights live in data/price-weights.json (each with
 * its reason; `npm run -s train:price` refits them leave-one-shop-out).
 *
 * One TreeWalker pass over the body finds the title, the buy button and the
 * candidates in document order; region words are looked up once per
 * ancestor (memoised), so the cost is one walk plus a short climb per
 * candidate.
 */
import type { Money } from "../../shared/listing.ts";
import { parsePrice } from "../../shared/price.ts";
import type { ExtractContext } from "../base/types.ts";
import buyWords from "./data/buy-words.json" with { type: "json" };
import contactWords from "./data/contact-words.json" with { type: "json" };
import cues from "./data/price-cues.json" with { type: "json" };
import weightsFile from "./data/price-weights.json" with { type: "json" };

export const FEATURES = [
  "currency",
  "priceClass",
  "itemprop",
  "saleClass",
  "oldClass",
  "oldLabel",
  "struck",
  "otherAmount",
  "unit",
  "elsewhere",
  "percent",
  "afterTitle",
  "titleNear",
  "titleTree",
  "cartTree",
  "cartNear",
  "betweenTitleAndCart",
  "higherBeside",
  "emphasis",
  "bare",
  "wordy",
] as const;
export type Feature = (typeof FEATURES)[number];
export type Weights = Record<Feature | "bias", number>;

export interface PriceCandidate {
  el: Element;
  money: Money;
  features: Record<Feature, number>;
  score: number;
}

const MAX_NODES = 60_000;
const MAX_CANDIDATES = 400;
const MAX_RAW = 80;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
/** Class-name cues: substrings of class/id ("product-price__old"). */
function classRe(words: readonly string[]): RegExp {
  return new RegExp(words.map(escapeRe).join("|"), "i");
}
/** Text cues: whole words ("was", not "washer"); CJK has no word boundaries, so those match as substrings. */
function wordRe(words: readonly string[]): RegExp {
  const cjk = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const latin = words.filter((w) => !cjk.test(w)).map(escapeRe);
  const other = words.filter((w) => cjk.test(w)).map(escapeRe);
  // One boundary check around one alternation: a lookbehind per word made the first match slow to compile.
  const parts = [`(?<![\\p{L}\\p{N}])(?:${latin.join("|")})(?![\\p{L}\\p{N}])`];
  if (other.length > 0) parts.push(`(?:${other.join("|")})`);
  return new RegExp(parts.join("|"), "iu");
}

const PRICE_CLASS = classRe(cues.priceClass);
const SALE_CLASS = classRe(cues.saleClass);
/**
 * Class-name cues that must start a word of the class name: "price--old", "oldPrice" and "priceOld" are old
 * prices, "ux-textspans--BOLD" and "holder" are not. Read on `wordsOf(classes)`.
 */
function classWordRe(words: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z])(?:${words.map(escapeRe).join("|")})`);
}
/** Class names in lower case with their camel-case words apart ("oldPrice" → "old price"). */
function wordsOf(classes: string): string {
  return classes.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
const OLD_CLASS = classWordRe(cues.oldClass);
const OTHER_CLASS = classRe(cues.otherAmountClass);
const ELSEWHERE_CLASS = classRe(cues.elsewhereClass);
const OLD_LABEL = wordRe(cues.oldLabel);
const OTHER_LABEL = wordRe(cues.otherAmountLabel);
const UNIT = new RegExp(cues.unitPattern, "iu");
const BUY = wordRe(buyWords.phrases);
const BARE_BUY = new RegExp(`^(?:${buyWords.bareWords.map(escapeRe).join("|")})$`, "iu");
/** A buy verb and the thing bought, the amount taken out first: "Buy MP3 Album $9.49", "Comprar entrada". */
const BUY_THING = new RegExp(`^(?:${buyWords.buyVerbs.map(escapeRe).join("|")})(?:\\s+[^\\s]+){1,3}$`, "iu");
const CONTACT = new RegExp(`^(?:${contactWords.phrases.map(escapeRe).join("|")})$`, "iu");

/** A currency sign or code: what makes a number in running text a price. */
export const CURRENCY_MARK = new RegExp(
  `[$€£¥₹₽₩₫₺₪¢₸₴₦₱฿৳元円원]|(?<![A-Za-z])(?:${cues.currencyCodes.join("|")}|zł|kr|Kr|Kč|Ft|kn|Kn|KM|lei|Lei|RM|Rp|Rs\\.?|TL|лв|руб|грн|тг|тенге)(?![A-Za-z])`,
  "u",
);
const CURRENCY_MARK_ALL = new RegExp(CURRENCY_MARK.source, "gu");
const NUMBER = /(?<![\p{L}\p{Nd}])\p{Nd}[\p{Nd}.,'\u00a0\u202f ]*(?![\p{L}\p{Nd}])/u;
const BARE_NUMBER = /^[\s\p{Nd}.,'\u00a0\u202f-]+$/u;
const RANGE = /\p{Nd}\s*[-–—~]\s*(?:[^\p{Nd}\s]{0,4}\s*)?\p{Nd}/u;
const REBATE = /^\s*(?:after|save|you save|saving|rebate|coupon)\b|\boff\s*$/i;
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "OPTION", "SELECT", "TEXTAREA", "IFRAME"]);
const HIDDEN_CLASS = /(?:^|\s)(?:hide|hidden|d-none|is-hidden|invisible)(?:\s|$)/;
const EMPHASIS_TAG = new Set(["H1", "H2", "H3", "H4", "STRONG", "B"]);
const EMPHASIS_CLASS = /big|large|main|primary|headline|hero|xl|lg|bold|highlight|title/i;
const STRIKE_TAG = new Set(["DEL", "S", "STRIKE"]);

/** A ranker: the weights, the score a best candidate needs to be the price, and to be a confident pick. */
export interface PriceRanker {
  weights: Weights;
  threshold: number;
  confident: number;
}
export const DEFAULT_RANKER: PriceRanker = {
  weights: weightsFile.weights as Weights,
  threshold: weightsFile.threshold,
  confident: weightsFile.confident,
};
const DEFAULT_WEIGHTS = DEFAULT_RANKER.weights;

function classOf(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("data-testid") ?? ""} ${el.getAttribute("itemprop") ?? ""}`;
}

const CART_CLASS = /buy|cart|basket|kaufen|panier|carrito|cesta|carrello|koszyk|warenkorb|kosik|kosar/i;

/** A link drawn as a button: styled as the buy button, or as a call to action ("cta", "btn"). */
const BUTTON_CLASS = new RegExp(`${CART_CLASS.source}|cta|btn|button`, "i");

/**
 * A control's own short text names buying: a buy word alone ("Kupi", "Buy") or a buy verb and the thing bought
 * ("Buy MP3 Album $9.49", "Comprar Entrada", "Buy It Now"). A buy phrase anywhere in a link's text is not read:
 * "Przejdź do koszyka" (go to the basket) is a link to the cart.
 */
function buyText(own: string): boolean {
  if (own.length >= 40) return false;
  const words = own
    .replace(CURRENCY_MARK_ALL, " ")
    .replace(/[\p{Nd}.,]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return BARE_BUY.test(own) || BUY_THING.test(words);
}

function isCartControl(el: Element, tag: string): boolean {
  const button = tag === "BUTTON" || tag === "INPUT" || el.getAttribute("role") === "button";
  if (!button) {
    // Links are many: only those styled as a buy button ("buy_button", "add-to-basket") are read in full;
    // a call-to-action link ("cta", "btn") only when its own short text names buying ("Kupi", "Buy It Now").
    if (tag !== "A") return false;
    const cls = classOf(el);
    if (!CART_CLASS.test(cls)) {
      if (!BUTTON_CLASS.test(cls) || el.childElementCount > 2) return false;
      return buyText((el.textContent ?? "").trim());
    }
  }
  if (tag === "INPUT" && !/^(?:submit|button|image)$/i.test(el.getAttribute("type") ?? "")) return false;
  const own = el.textContent ?? "";
  if (own.length > 200) return false;
  const label = `${own} ${el.getAttribute("value") ?? ""} ${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("name") ?? ""} ${tag === "A" ? "" : (el.getAttribute("class") ?? "")}`;
  if (BUY.test(label.replace(/[-_]/g, " "))) return true;
  // A control styled as the buy button whose own text is a short call to action ("Buy", "Kaufen", "Buy MP3 Album $9.49").
  return BUTTON_CLASS.test(classOf(el)) && buyText(own.trim());
}

/** A host's site: its last two labels, three under a two-letter country code's second level ("shop.co.uk"). */
function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const last = labels[labels.length - 1] ?? "";
  const second = labels[labels.length - 2] ?? "";
  const n = last.length === 2 && second.length <= 3 && labels.length > 2 ? 3 : 2;
  return labels.slice(-n).join(".");
}

/**
 * A buy link to another site ("Buy now" on a buying guide, to a shop): an affiliate link, not this page's buy
 * button. The shops' own buy links go to their own site (cart.jd.com, cart.payments.ebay.com, compra.puntoticket.com).
 */
function offSite(el: Element, page: URL): boolean {
  const href = el.closest("a[href]")?.getAttribute("href");
  if (!href) return false;
  try {
    const to = new URL(href, page);
    return /^https?:$/.test(to.protocol) && siteOf(to.hostname) !== siteOf(page.hostname);
  } catch {
    return false;
  }
}

/**
 * A control that answers a classified ad where a shop has its buy button: a button, or a link styled as one,
 * whose whole own text (or aria-label) is a reply / contact-the-seller phrase ("reply", "Email User").
 */
function isContactControl(el: Element, tag: string): boolean {
  const button =
    tag === "BUTTON" ||
    (tag === "INPUT" && /^(?:submit|button)$/i.test(el.getAttribute("type") ?? "")) ||
    el.getAttribute("role") === "button";
  if (!button && !(tag === "A" && BUTTON_CLASS.test(classOf(el)))) return false;
  const own = `${el.textContent ?? ""} ${tag === "INPUT" ? (el.getAttribute("value") ?? "") : ""}`
    .replace(/\s+/g, " ")
    .trim();
  if (own.length > 40) return false;
  return CONTACT.test(own) || CONTACT.test((el.getAttribute("aria-label") ?? "").trim());
}

/**
 * The element holding the page's content: the body, or the whole document
 * fullest <body> when a broken page leaves its first one empty (old markup
 * with a second body, which the Node parser keeps apart from the tree).
 */
export function contentRoot(doc: Document): Element | null {
  const body = doc.body;
  if (body?.firstElementChild) return body;
  let best: Element | null = body ?? null;
  for (const b of doc.querySelectorAll("body")) if (b.childElementCount > (best?.childElementCount ?? -1)) best = b;
  return best ?? doc.documentElement;
}

/** Whether an element sits in a region about something else (related products, reviews, shipping, header, footer). */
export function inOtherRegion(el: Element): boolean {
  return regionOf(el, new Map()).elsewhere;
}

const CONTROLS =
  "button, input[type=submit], input[type=button], [role=button], a[class*=buy], a[class*=Buy], a[class*=cart], a[class*=basket], a[class*=Basket]";

/** The page's first visible buy / add-to-cart control, and whether it is disabled. */
export function buyControl(doc: Document): { el: Element; disabled: boolean } | null {
  let n = 0;
  for (const el of doc.querySelectorAll(CONTROLS)) {
    if (++n > 2000) break;
    if (!isCartControl(el, el.tagName.toUpperCase()) || regionOf(el, new Map()).hidden) continue;
    const disabled =
      el.hasAttribute("disabled") ||
      el.getAttribute("aria-disabled") === "true" ||
      /(?:^|[\s_-])disabled(?:$|[\s_-])/i.test(el.getAttribute("class") ?? "");
    return { el, disabled };
  }
  return null;
}

/**
 * An element's text with cents set apart read as cents: "$229<span>99</span>" and
 * "<span>$</span><span>26</span><span>99</span>" read "$229.99" and "$26.99". Two digits alone in their own
 * element, right after an amount's digits (no space between) that end no decimal part, are its cents.
 */
export function amountText(el: Element): string {
  const whole = el.textContent ?? "";
  if (el.childElementCount === 0 || whole.length > MAX_RAW) return whole;
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let out = "";
  let prev: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const v = node.nodeValue ?? "";
    const parent = node.parentElement;
    if (prev && parent !== prev && /^\p{Nd}{2}$/u.test(v) && /\p{Nd}$/u.test(out) && !/[.,]\p{Nd}{1,2}$/u.test(out))
      out += ".";
    out += v;
    if (v !== "") prev = parent;
  }
  return out;
}

/**
 * The boxes around the buy button inside the block it shares with the title, when that block is the title's
 * own (its parent up to its third ancestor): the listing's offer box, whatever its class words say
 * (`<div class="details-footer">` around the price and "Buy now" beside the product name). A buy button that
 * meets the title only far up the page (one in a related-products carousel) gets none.
 */
function offerBox(cart: Element | null, titleChain: Map<Element, number>): ReadonlySet<Element> {
  const out = new Set<Element>();
  for (let e = cart; e; e = e.parentElement) {
    const d = titleChain.get(e);
    if (d !== undefined) return d <= 3 ? out : NONE;
    out.add(e);
  }
  return NONE;
}

/** Ancestor chain distances of an anchor: element → edges from the anchor. */
function chain(anchor: Element | null): Map<Element, number> {
  const out = new Map<Element, number>();
  let d = 0;
  for (let e = anchor; e; e = e.parentElement) out.set(e, d++);
  return out;
}

function treeDistance(el: Element, anchors: Map<Element, number>): number {
  if (anchors.size === 0) return Number.POSITIVE_INFINITY;
  let k = 0;
  for (let e: Element | null = el; e; e = e.parentElement, k++) {
    const d = anchors.get(e);
    if (d !== undefined) return k + d;
  }
  return Number.POSITIVE_INFINITY;
}

interface Region {
  elsewhere: boolean;
  hidden: boolean;
  struck: boolean;
}

const NONE: ReadonlySet<Element> = new Set();

/**
 * Region flags of an element, from its own markup and its ancestors' (memoised: ancestors are shared).
 * `listingBox`: the listing's offer box (offerBox), whose own class words and tag mark no other region.
 */
function regionOf(
  el: Element | null,
  memo: Map<Element, Region>,
  listingBox: ReadonlySet<Element> = NONE,
  depth = 0,
): Region {
  if (!el || depth > 40) return { elsewhere: false, hidden: false, struck: false };
  const hit = memo.get(el);
  if (hit) return hit;
  const up = regionOf(el.parentElement, memo, listingBox, depth + 1);
  const cls = el.getAttribute("class") ?? "";
  const style = el.getAttribute("style") ?? "";
  const own = `${cls} ${el.getAttribute("id") ?? ""} ${el.getAttribute("data-testid") ?? ""} ${el.getAttribute("aria-label") ?? ""}`;
  const r: Region = {
    elsewhere:
      up.elsewhere ||
      (!listingBox.has(el) &&
        ((el.tagName !== "BODY" && ELSEWHERE_CLASS.test(own)) ||
          el.tagName === "FOOTER" ||
          el.tagName === "ASIDE" ||
          el.tagName === "NAV")),
    hidden:
      up.hidden ||
      // aria-hidden is not: shops set it on the whole page behind an open dialog.
      el.hasAttribute("hidden") ||
      HIDDEN_CLASS.test(cls) ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style),
    struck: up.struck || isStruck(el),
  };
  memo.set(el, r);
  return r;
}

/** Test hooks that shops name after an element's role (`data-auto="old-price"`, `data-test="product-price"`): read like class names. */
const HOOKS = ["data-auto", "data-test", "data-qa", "data-automation"] as const;

function hooksOf(el: Element): string {
  let out = "";
  for (const h of HOOKS) {
    const v = el.getAttribute(h);
    if (v) out += ` ${v}`;
  }
  return out;
}

/**
 * The elements that hold all of a wrapper's text: its only element child when that child's text is the
 * wrapper's, then that child's, and so on (three at most). `<span class="price__container"><s>$ 88.480</s></span>`:
 * the wrapper shows nothing but the struck amount, so it is struck too.
 */
function soleChildren(el: Element): Element[] {
  const out: Element[] = [];
  let e = el;
  for (let i = 0; i < 3 && e.childElementCount === 1; i++) {
    const child = e.firstElementChild as Element;
    if ((child.textContent ?? "").trim() !== (e.textContent ?? "").trim()) break;
    out.push(child);
    e = child;
  }
  return out;
}

/**
 * Class words of the element, two ancestors ("price__old" on the wrapper of the amount) and the children that
 * hold all its text, with their test hooks.
 */
function nearClasses(el: Element, sole: readonly Element[]): string {
  let out = "";
  let e: Element | null = el;
  for (let i = 0; e && i < 3; i++, e = e.parentElement) out += ` ${classOf(e)}${hooksOf(e)}`;
  for (const c of sole) out += ` ${classOf(c)}${hooksOf(c)}`;
  return out;
}

function isStruck(el: Element): boolean {
  return STRIKE_TAG.has(el.tagName.toUpperCase()) || /line-through/i.test(el.getAttribute("style") ?? "");
}

/** The words just before the amount: inside the element, else the previous sibling's text. */
function labelBefore(el: Element, raw: string): string {
  const m = raw.search(/\p{Nd}/u);
  const inside = m > 0 ? raw.slice(0, m) : "";
  if (/\p{L}{2}/u.test(inside)) return inside;
  const prev = el.previousElementSibling?.textContent ?? "";
  return `${inside} ${prev.length < 40 ? prev : ""}`;
}

interface Anchors {
  title: Element | null;
  cart: Element | null;
}

export interface RankedPrices {
  candidates: PriceCandidate[];
  best: PriceCandidate | null;
  titleFound: boolean;
  /** The heading the amounts are placed against (the first h1 outside other regions, else the first h1), or null. */
  title: Element | null;
  cartFound: boolean;
  /** The buy control the amounts are placed against (the first visible one), or null. */
  cart: Element | null;
  /** A buy control (cartFound), or a control answering a classified ad ("reply", "Email User") outside other regions. */
  offerFound: boolean;
  /** The best amount is one tile's among like tiles that show amounts too (tileOf): a grid of items, not one listing. */
  inGrid: boolean;
}

/** An item's card: it shows a picture and links to a page. */
function card(el: Element): boolean {
  return el.querySelector("img") !== null && el.querySelector("a[href]") !== null;
}

/**
 * The tile an element sits in: its smallest ancestor (up to six up) with like siblings (same tag and class)
 * that show an amount too, outside other regions: two or more such siblings, or one when both are cards (a
 * picture and a link each). On a search result, a category, deals on a home page or the lines of a cart the
 * first price is one tile's among like tiles; one listing's price sits in a box of its own. Blocks whose parent
 * holds the title are the listing page's own (its price box, its offers, its format tabs), not tiles; the rows of
 * one item's price table (list price, price, saving) are none either. `alsoPriced`: more elements that count as
 * showing an amount (the sold-out messages where the price goes, on a grid of sold-out items).
 */
export function tileOf(
  el: Element,
  ranked: Pick<RankedPrices, "candidates" | "title">,
  alsoPriced: readonly Element[] = [],
): Element | null {
  const priced = new Set<Element>();
  const shown = [...ranked.candidates.filter((c) => c.features.elsewhere === 0).map((c) => c.el), ...alsoPriced];
  for (const s of shown) for (let e: Element | null = s, i = 0; e && i < 8; e = e.parentElement, i++) priced.add(e);
  for (let e: Element | null = el, i = 0; e?.parentElement && e.tagName !== "BODY" && i < 6; e = e.parentElement, i++) {
    const parent: Element = e.parentElement;
    if (ranked.title && parent.contains(ranked.title)) return null;
    if (e.tagName === "TR" || e.tagName === "TBODY") continue;
    const cls = e.getAttribute("class") ?? "";
    const like = Array.from(parent.children).filter(
      (sib) => sib !== e && sib.tagName === e.tagName && (sib.getAttribute("class") ?? "") === cls && priced.has(sib),
    );
    if (like.length >= 2 || (like.length === 1 && card(e) && like.every(card))) return e;
  }
  return null;
}

function emphasis(el: Element): number {
  let cue = 0;
  for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement, i++) {
    if (EMPHASIS_TAG.has(e.tagName)) cue = 1;
    if (EMPHASIS_CLASS.test(e.getAttribute("class") ?? "")) cue = Math.max(cue, 0.5);
  }
  return cue;
}

/**
 * Browser only: the rendered font size and weight of the top candidates
 * (layout is costly, so only for the few that can still win). Returns a
 * bonus in [0, 1]: 1 for the largest bold amount among them.
 */
function fontBonus(top: PriceCandidate[], view: (Window & typeof globalThis) | null): Map<PriceCandidate, number> {
  const out = new Map<PriceCandidate, number>();
  if (!view || typeof view.getComputedStyle !== "function") return out;
  const sizes: number[] = [];
  for (const c of top) {
    try {
      const s = view.getComputedStyle(c.el);
      const size = Number.parseFloat(s.fontSize);
      const weight = Number.parseInt(s.fontWeight, 10);
      if (!Number.isFinite(size) || size <= 0) return new Map();
      sizes.push(size + (weight >= 600 ? 2 : 0));
    } catch {
      return new Map();
    }
  }
  const max = Math.max(...sizes);
  for (const [i, c] of top.entries()) out.set(c, (sizes[i] ?? 0) / max);
  return out;
}

/** Features that say an amount is not the price paid. */
const MARKS: readonly Feature[] = ["oldClass", "oldLabel", "struck", "otherAmount", "unit", "elsewhere", "percent"];

/**
 * Sale price over list price: an amount with a lower, unmarked amount beside
 * it (under its parent or grandparent) is likely the list price of the two.
 * Candidates are grouped by those two ancestors, so the check is one pass.
 */
function markHigherBeside(candidates: PriceCandidate[]): void {
  const groups = new Map<Element, PriceCandidate[]>();
  const ups = (c: PriceCandidate): Element[] => {
    const out: Element[] = [];
    for (let e = c.el.parentElement, i = 0; e && i < 2 && e.tagName !== "BODY"; e = e.parentElement, i++) out.push(e);
    return out;
  };
  for (const c of candidates) {
    if (MARKS.some((m) => c.features[m] > 0)) continue;
    for (const e of ups(c)) {
      const group = groups.get(e);
      if (group) group.push(c);
      else groups.set(e, [c]);
    }
  }
  for (const c of candidates) {
    const amount = Number(c.money.amount);
    for (const e of ups(c)) {
      const lower = groups
        .get(e)
        ?.some((d) => d.el !== c.el && !d.el.contains(c.el) && Number(d.money.amount) < amount);
      if (lower) c.features.higherBeside = 1;
    }
  }
}

export function score(features: Record<Feature, number>, w: Weights = DEFAULT_WEIGHTS): number {
  let s = w.bias;
  for (const f of FEATURES) s += (w[f] ?? 0) * features[f];
  return s;
}

/** Every visible amount on the page with its features, in document order, and the best by the weights. */
export function rankPrices(ctx: ExtractContext, hint: string | null, weights: Weights = DEFAULT_WEIGHTS): RankedPrices {
  const doc = ctx.doc;
  const root = contentRoot(doc);
  const out: RankedPrices = {
    candidates: [],
    best: null,
    titleFound: false,
    title: null,
    cartFound: false,
    cart: null,
    offerFound: false,
    inGrid: false,
  };
  if (!root) return out;
  const anchors: Anchors = { title: null, cart: null };
  // The first visible reply-to-the-ad control outside other regions (a comment's "Reply" is none).
  let contact: Element | null = null;
  const memo = new Map<Element, Region>();
  const found: { el: Element; raw: string; order: number; cartBefore: boolean }[] = [];
  let settled = false;
  let titleAt = Number.POSITIVE_INFINITY;
  const seen = new Set<Element>();
  const walker = doc.createTreeWalker(root, 1 | 4);
  let n = 0;
  const consider = (el: Element, raw: string, machine: boolean): void => {
    if (seen.has(el) || found.length >= MAX_CANDIDATES) return;
    seen.add(el);
    const t = raw.trim();
    if (t.length === 0 || t.length > MAX_RAW || !/\p{Nd}/u.test(t)) return;
    const currency = CURRENCY_MARK.test(t);
    if (!NUMBER.test(t.replace(CURRENCY_MARK, " ")) && !currency) return;
    if (!currency && !machine && !BARE_NUMBER.test(t)) return;
    found.push({ el, raw: t, order: n, cartBefore: anchors.cart !== null });
  };
  for (let node = walker.nextNode(); node && n < MAX_NODES; node = walker.nextNode()) {
    n++;
    if (n % 2048 === 0 && ctx.overBudget()) break;
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName.toUpperCase())) continue;
      const v = node.nodeValue ?? "";
      if (v.length > MAX_RAW * 2 || !CURRENCY_MARK.test(v)) continue;
      // A split amount ("<span>€</span><span>12</span>", "CHF" and "19.50" as two texts): the smallest ancestor holding both.
      let el: Element | null = parent;
      for (let up = 0; el && up < 2 && !NUMBER.test((el.textContent ?? "").replace(CURRENCY_MARK, " ")); up++)
        el = el.parentElement;
      if (el && el !== root && (el.textContent ?? "").length <= 40) consider(el, amountText(el), false);
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (!settled && tag === "H1" && (el.textContent ?? "").trim().length > 1 && !regionOf(el, memo).hidden) {
      // The first heading outside other regions is the title; one in a menu or a side column only until then.
      settled = !regionOf(el, memo).elsewhere;
      if (settled || !anchors.title) {
        anchors.title = el;
        titleAt = n;
      }
    } else if (!anchors.cart && isCartControl(el, tag) && !regionOf(el, memo).hidden && !offSite(el, ctx.url))
      anchors.cart = el;
    else if (!contact && isContactControl(el, tag)) {
      const region = regionOf(el, memo);
      if (!region.hidden && !region.elsewhere) contact = el;
    }
    const itemprop = el.getAttribute("itemprop") === "price";
    const content = el.getAttribute("content");
    if (el === anchors.title) continue;
    if (itemprop && content) consider(el, content, true);
    else if (
      itemprop ||
      PRICE_CLASS.test(el.getAttribute("class") ?? "") ||
      PRICE_CLASS.test(el.getAttribute("id") ?? "")
    ) {
      // A wrapper of many elements ("product-price-block") is no amount; its text is costly to read in a large page.
      const t = el.childElementCount <= 6 ? amountText(el) : "";
      if (t.length <= MAX_RAW) consider(el, t, itemprop); // a price-named element still needs a currency or a bare number ("Pack of 5 units")
    }
  }
  out.titleFound = anchors.title !== null;
  out.title = anchors.title;
  out.cartFound = anchors.cart !== null;
  out.cart = anchors.cart;
  const titleChain = chain(anchors.title);
  const cartChain = chain(anchors.cart);
  const view = (doc.defaultView as (Window & typeof globalThis) | null) ?? null;
  let afterTitle = 0;
  const beforeCart: PriceCandidate[] = [];
  const regions = new Map<Element, Region>();
  const listingBox = offerBox(anchors.cart, titleChain);
  for (const f of found) {
    const region = regionOf(f.el, regions, listingBox);
    if (region.hidden) continue;
    // A deduction ("After $25 OFF", "Save $10", "You save £170") names an amount that is never the price.
    if (REBATE.test(f.raw)) continue;
    const money = parsePrice(f.raw, hint);
    if (!money || /^0+(\.0+)?$/.test(money.amount)) continue;
    const sole = soleChildren(f.el);
    const near = nearClasses(f.el, sole);
    const label = labelBefore(f.el, f.raw);
    const after = f.order > titleAt;
    if (after) afterTitle++;
    const dt = treeDistance(f.el, titleChain);
    const dc = treeDistance(f.el, cartChain);
    const features: Record<Feature, number> = {
      currency: CURRENCY_MARK.test(f.raw) ? 1 : 0,
      priceClass: PRICE_CLASS.test(near) ? 1 : 0,
      itemprop: f.el.getAttribute("itemprop") === "price" ? 1 : 0,
      saleClass: SALE_CLASS.test(near) ? 1 : 0,
      oldClass: OLD_CLASS.test(wordsOf(near)) ? 1 : 0,
      oldLabel: OLD_LABEL.test(label) ? 1 : 0,
      struck: region.struck || sole.some(isStruck) ? 1 : 0,
      otherAmount: OTHER_CLASS.test(near) || OTHER_LABEL.test(label) ? 1 : 0,
      unit: UNIT.test(f.raw) || UNIT.test((f.el.nextElementSibling?.textContent ?? "").slice(0, 30)) ? 1 : 0,
      elsewhere: region.elsewhere ? 1 : 0,
      percent: /\d\s*%|%\s*\d/.test(f.raw) ? 1 : 0,
      afterTitle: after ? 1 : 0,
      titleNear: after ? 1 / afterTitle : 0,
      titleTree: Number.isFinite(dt) ? 1 / (1 + dt / 3) : 0,
      cartTree: Number.isFinite(dc) ? 1 / (1 + dc / 3) : 0,
      cartNear: 0,
      betweenTitleAndCart: after && anchors.cart !== null && !f.cartBefore ? 1 : 0,
      higherBeside: 0,
      emphasis: emphasis(f.el),
      bare: BARE_NUMBER.test(f.raw.replace(CURRENCY_MARK, "")) ? 1 : 0,
      wordy: f.raw.replace(CURRENCY_MARK, "").replace(/[\s\p{Nd}.,'-]/gu, "").length > 12 ? 1 : 0,
    };
    if (RANGE.test(f.raw)) features.wordy = 1;
    const c = { el: f.el, money, features, score: 0 };
    out.candidates.push(c);
    if (anchors.cart !== null && !f.cartBefore) beforeCart.push(c);
  }
  // Closeness to the buy button in document order: 1/rank among the amounts before it, counted back from it.
  beforeCart.reverse().forEach((c, i) => {
    c.features.cartNear = 1 / (i + 1);
  });
  markHigherBeside(out.candidates);
  for (const c of out.candidates) c.score = score(c.features, weights);
  // Layout, in the browser only, for the few candidates that can still win.
  const top = [...out.candidates].sort((a, b) => b.score - a.score).slice(0, 6);
  const bonus = fontBonus(top, view);
  for (const c of top) {
    const b = bonus.get(c);
    if (b !== undefined) {
      c.features.emphasis = Math.max(c.features.emphasis, b);
      c.score = score(c.features, weights);
    }
  }
  for (const c of out.candidates) if (!out.best || c.score > out.best.score) out.best = c;
  out.offerFound = anchors.cart !== null || contact !== null;
  out.inGrid = out.best !== null && tileOf(out.best.el, out) !== null;
  return out;
}
