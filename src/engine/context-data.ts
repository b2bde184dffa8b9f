/**
 * The compiled columns context rules read (layout.ts MatcherData): each
 * brand's owner, whether it licenses its name to other makers, the usual full
 * size its prices are for (size.ts), which models claim their brand alone, and
 * each exchange rate's date and how fast it drifts
 * (data/currency-volatility.json).
 * Called once by compile; the score-time side is in context.ts.
 */
import type { BrandRule, RulePack } from "../shared/pack.ts";
import type { Slicer, Steps } from "../shared/slices.ts";
import { i32, u8 } from "./columns.ts";
import VOLATILITY from "./data/currency-volatility.json";
import type { MatcherData } from "./layout.ts";
import { standardSizeMl } from "./size.ts";
import { Strings } from "./strings.ts";

/** The pack category of a brand whose goods are mostly made under licence by other makers (clubs, leagues, franchises). */
export const LICENSOR_CATEGORY = "licensor";

/** Owner chains longer than this (or cycles) stop: a malformed pack cannot loop the compiler. */
const MAX_OWNER_DEPTH = 8;

/** Fills the context columns, a brand per unit of work. */
export function* fillContextSteps(d: MatcherData, brands: BrandRule[], packs: RulePack[], work: Slicer): Steps<void> {
  const index = new Map<string, number>();
  for (const [i, b] of brands.entries()) {
    index.set(b.id, i);
    if (work.tick()) yield work.take();
  }
  const owners = new Int32Array(brands.length);
  const alone = u8();
  const licensor = u8();
  const sizeMl = i32();
  for (const [i, b] of brands.entries()) {
    owners[i] = rootOwner(brands, index, i);
    licensor.push(b.categories.includes(LICENSOR_CATEGORY) ? 1 : 0);
    sizeMl.push(standardSizeMl(b.categories));
    const marked = b.models.some((m) => m.distinctive === true);
    for (const m of b.models) alone.push(!marked || m.distinctive === true ? 1 : 0);
    if (work.tick()) yield work.take();
  }
  d.bOwner = owners;
  d.mAlone = yield* alone.build(work);
  d.bLicensor = yield* licensor.build(work);
  d.bSizeMl = yield* sizeMl.build(work);
  const dates = rateDates(packs);
  const currencies = d.rCur.all();
  d.rDate = yield* Strings.ofSteps(
    currencies.map((c) => (c === "USD" ? "" : (dates.get(c) ?? ""))),
    work,
  );
  d.rDrift = Float64Array.from(currencies.map(driftOf));
}

function rootOwner(brands: BrandRule[], index: Map<string, number>, i: number): number {
  let at = i;
  for (let depth = 0; depth < MAX_OWNER_DEPTH; depth++) {
    const owner = brands[at]?.owner;
    const next = owner ? index.get(owner) : undefined;
    if (next === undefined || next === at) return at;
    if (next === i) return i; // a cycle: every brand on it stands alone
    at = next;
  }
  return i;
}

/** The date of each currency's rate: the table that set it last (same precedence as currency.ts usdRates). */
function rateDates(packs: RulePack[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of packs) {
    const t = p.exchangeRates;
    if (!t) continue;
    const base = t.base.toUpperCase();
    const hasUsd = base === "USD" || Object.keys(t.rates).some((c) => c.toUpperCase() === "USD");
    if (!hasUsd) continue;
    out.set(base, t.date);
    for (const [cur, v] of Object.entries(t.rates)) if (Number.isFinite(v) && v > 0) out.set(cur.toUpperCase(), t.date);
  }
  return out;
}

const DRIFT = new Map<string, number>();
for (const cls of Object.values(VOLATILITY.classes)) {
  for (const c of cls.currencies) DRIFT.set(c, cls.annualDrift);
}
const DEFAULT_DRIFT =
  VOLATILITY.classes[VOLATILITY.defaultClass as keyof typeof VOLATILITY.classes]?.annualDrift ?? 0.2;

/** Typical move of the currency against the US dollar in a year, as a fraction (0 for the dollar itself). */
function driftOf(currency: string): number {
  return currency === "USD" ? 0 : (DRIFT.get(currency) ?? DEFAULT_DRIFT);
}

/**
 * How much price evidence converted from `currency` at a rate `days` old
 * counts (0..1): full while the rate's expected drift (annualDrift ×
 * √years) stays within the tolerance, then linearly less, never below
 * minFactor. Unknown age (no clock given to compile) is not held against it.
 */
export function rateFactor(drift: number, days: number | null): { factor: number; drift: number; over: number } {
  if (days === null) return { factor: 1, drift: 0, over: 0 };
  const years = Math.max(days, 0) / 365;
  const expected = drift * Math.sqrt(years);
  const over = Math.max(0, expected - VOLATILITY.tolerance);
  const factor = over <= 0 ? 1 : Math.max(VOLATILITY.minFactor, 1 - over / VOLATILITY.span);
  return { factor, drift: expected, over };
}
