/**
 * Price helpers shared by adapters: the site's currency by domain, fixing
 * ambiguous symbols ("$", "kr", "¥" is CNY on Taobao and JPY on Rakuten),
 * amounts as decimal strings with the currency's minor units, ranges.
 */
import type { Money, PriceRange } from "../../../shared/listing.ts";
import { compareAmounts, parsePrice } from "../../../shared/price.ts";

/** Currencies whose symbol several countries share ("$", "¥", "kr"): the page's country decides which one it means. */
const AMBIGUOUS = new Set(["USD", "JPY", "CNY", "SEK", "NOK", "DKK"]);

/**
 * parsePrice with the site's currency for ambiguous symbols: "$ 12" on
 * amazon.ca is CAD, "$ 1.299" on mercadolibre.com.ar is ARS. An explicit
 * ISO code or "US$" on the page wins over the domain.
 */
export function priceFor(raw: string | null | undefined, siteCurrency: string | null): Money | null {
  if (!raw) return null;
  const money = parsePrice(raw, siteCurrency);
  if (!money) return null;
  if (!siteCurrency || money.currency === siteCurrency) return money;
  if (/\b[A-Z]{3}\b|US\s?\$|U\$S/.test(raw)) return money;
  if (!money.currency || AMBIGUOUS.has(money.currency)) return { ...money, currency: siteCurrency };
  return money;
}

/** Currencies our sites show without minor units (ISO 4217 exponent 0, and HUF/ISK/TWD as shops print them). */
export const ZERO_DECIMALS = new Set(["JPY", "KRW", "VND", "CLP", "HUF", "ISK", "TWD"]);

const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * "399" → "399.00" for CNY/USD, "12800" stays for JPY: one spelling per
 * currency (its ISO 4217 minor units), by string padding, never floats.
 */
export function withMinorUnits(amount: string, currency: string): string {
  const digits = ZERO_DECIMALS.has(currency) ? 0 : 2;
  const [int = "0", frac = ""] = amount.split(".");
  if (frac.length >= digits) return frac.length === 0 ? int : `${int}.${frac}`;
  return `${int}.${frac.padEnd(digits, "0")}`;
}

/** A price from page text, in the site's currency; null when the text has no amount. */
export function moneyFromText(raw: string | null | undefined, currency: string): Money | null {
  if (!raw) return null;
  const p = parsePrice(raw, currency);
  if (!p || !AMOUNT.test(p.amount) || /^0+(\.0+)?$/.test(p.amount)) return null;
  return { amount: withMinorUnits(p.amount, currency), currency };
}

/** A price from a JSON number or numeric string ("5999.00"): decimal string with the currency's minor units. */
export function moneyFromNumber(v: unknown, currency: string): Money | null {
  if (typeof v === "string") {
    const t = v.trim();
    if (!AMOUNT.test(t) || /^0+(\.0+)?$/.test(t)) return null;
    return { amount: withMinorUnits(t.replace(/^0+(?=\d)/, ""), currency), currency };
  }
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v >= 1e15) return null;
  // toFixed on a JSON price (499, 12.99) yields its exact decimal spelling at 0 or 2 digits.
  return { amount: v.toFixed(ZERO_DECIMALS.has(currency) ? 0 : 2), currency };
}

/** Integer cents (Tmall `priceCent`, Temu `price` in minor units) to Money. */
export function moneyFromMinor(v: unknown, currency: string): Money | null {
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) return null;
  if (ZERO_DECIMALS.has(currency)) return { amount: String(v), currency };
  const s = String(v).padStart(3, "0");
  return { amount: `${s.slice(0, -2)}.${s.slice(-2)}`, currency };
}

export interface PriceAndRange {
  price: Money | null;
  priceRange: PriceRange | null;
}

/** Lowest and highest of several prices (variants, "149.00 - 159.00"); a range only when they differ. */
export function rangeOf(prices: (Money | null)[]): PriceAndRange {
  const known = prices.filter((p): p is Money => p !== null);
  if (known.length === 0) return { price: null, priceRange: null };
  const sorted = [...known].sort((a, b) => compareAmounts(a.amount, b.amount));
  const min = sorted[0] as Money;
  const max = sorted[sorted.length - 1] as Money;
  return { price: min, priceRange: compareAmounts(min.amount, max.amount) < 0 ? { min, max } : null };
}

/** "149.00 - 159.00", "¥5499.00-6799.00", "1,280円～2,980円": price is the low end, range when two ends. */
export function priceOrRange(raw: string | null | undefined, currency: string): PriceAndRange {
  if (!raw) return { price: null, priceRange: null };
  const parts = raw.split(/\s*[-~～–—至]\s*/).filter((p) => /\d/.test(p));
  return rangeOf(parts.slice(0, 2).map((p) => moneyFromText(p, currency)));
}
