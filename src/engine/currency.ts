/**
 * Currency conversion with the packs' exchange rates. Amounts in listings and
 * packs are decimal strings; here they become numbers only to compare prices,
 * never to display them.
 */
import type { ExchangeRates } from "../shared/pack.ts";

/** USD per one unit of each currency, from one or more rate tables (later tables win). */
export function usdRates(tables: (ExchangeRates | null)[]): Map<string, number> {
  const out = new Map<string, number>([["USD", 1]]);
  for (const t of tables) {
    if (!t) continue;
    const base = t.base.toUpperCase();
    const perBase = new Map<string, number>([[base, 1]]);
    for (const [cur, v] of Object.entries(t.rates)) {
      if (Number.isFinite(v) && v > 0) perBase.set(cur.toUpperCase(), v);
    }
    const usdPerBase = perBase.get("USD");
    if (usdPerBase === undefined) continue; // cannot anchor this table to USD
    for (const [cur, v] of perBase) out.set(cur, usdPerBase / v);
  }
  return out;
}

/** Parses "1,299.00" / "1299.00" / "1.299,00" leniently; NaN when it is not a price. */
export function parseAmount(amount: string): number {
  const s = amount.replace(/[\s\u00a0]/g, "");
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastComma > lastDot && s.length - lastComma - 1 !== 3) return Number(s.replace(/\./g, "").replace(",", "."));
  return Number(s.replace(/,/g, ""));
}

/** Converts an amount to USD; NaN when the currency is unknown to the rates. */
export function toUsd(amount: string, currency: string | null, rates: Map<string, number>): number {
  if (!currency) return Number.NaN;
  const rate = rates.get(currency.toUpperCase());
  const n = parseAmount(amount);
  if (rate === undefined || !Number.isFinite(n)) return Number.NaN;
  return n * rate;
}
