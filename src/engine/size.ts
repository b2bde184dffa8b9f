/**
 * The size a listing states ("375ml", "3 x 7 ml", "1.7 fl oz", "50 g") and the
 * factor a reference price is scaled by when that size is below the usual full
 * size the brand's prices are for (data/standard-sizes.json, compiled per brand
 * into bSizeMl). Half bottles, miniatures, travel sprays and deluxe samples are
 * ordinary genuine goods at a fraction of the full-size price.
 */
import { escapeRe, matchesIn, wordsRe } from "./context.ts";
import SIZES from "./data/standard-sizes.json";
import type { MatcherData } from "./layout.ts";
import { groupBits, typeGroupBit } from "./product-type.ts";

/** The usual full size (ml) for a brand of these pack categories: the largest of them; 0 when none has one. */
export function standardSizeMl(categories: readonly string[]): number {
  let ml = 0;
  for (const c of categories) ml = Math.max(ml, (SIZES.categories as Record<string, number>)[c] ?? 0);
  return ml;
}

const ML_PER: Record<string, number> = {
  ml: 1,
  мл: 1,
  毫升: 1,
  ミリリットル: 1,
  cl: 10,
  l: 1000,
  litre: 1000,
  liter: 1000,
  litres: 1000,
  liters: 1000,
  litro: 1000,
  litros: 1000,
  lt: 1000,
  lts: 1000,
  litr: 1000,
  литр: 1000,
  литра: 1000,
  литров: 1000,
  リットル: 1000,
  升: 1000,
  oz: 29.5735,
  quart: 946.353,
  quarts: 946.353,
  qt: 946.353,
  "fl oz": 29.5735,
  "fl. oz": 29.5735,
  "fl.oz": 29.5735,
};
const GRAM_UNITS = new Set(["g", "gr", "克", "グラム"]);

/**
 * A number, a unit, and an optional count before ("3 x 7ml") or after ("7ml x 3"). The unit must end the word:
 * "5 layers", "2 gloss" are no sizes.
 */
const SIZE = new RegExp(
  `(?:(\\d{1,2})\\s*[x×*]\\s*)?(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*(${unitAlternation()})(?![\\p{L}\\p{N}])(?:\\s*[x×*]\\s*(\\d{1,2})(?![\\p{N}]))?`,
  "giu",
);

/** The units of ML_PER and GRAM_UNITS as one alternation, longest first; a space in a unit ("fl oz") is optional. */
function unitAlternation(): string {
  return [...Object.keys(ML_PER), ...GRAM_UNITS]
    .sort((a, b) => b.length - a.length)
    .map((u) => escapeRe(u).replace(/ /g, "\\s?"))
    .join("|");
}

export interface StatedSize {
  /** Millilitres (or grams); NaN for a mini or travel size named without its size. */
  ml: number;
  /** True when the size was given in grams. */
  grams: boolean;
  text: string;
}

/**
 * The total size the title states: sizes joined by "/" or "|" are alternatives (a listing of several sizes: the
 * smallest), others add up ("100ml + 10ml"). Null when the title states none, or mixes grams and volumes.
 */
export function statedSize(title: string): StatedSize | null {
  let total = 0;
  let group = Number.POSITIVE_INFINITY;
  let grams: boolean | null = null;
  let lastEnd = -1;
  const texts: string[] = [];
  for (const m of matchesIn(SIZE, title)) {
    const unit = (m[3] ?? "").toLowerCase().replace(/\s+/g, " ");
    const g = GRAM_UNITS.has(unit);
    const per = g ? 1 : ML_PER[unit];
    if (per === undefined) continue;
    if (grams !== null && grams !== g) return null;
    grams = g;
    const count = Number(m[1] ?? m[4] ?? 1);
    const ml = Number((m[2] ?? "").replace(",", ".")) * per * count;
    if (!(ml > 0)) continue;
    const alternative = lastEnd >= 0 && /^[\s]*[/|][\s]*$/.test(title.slice(lastEnd, m.index));
    if (alternative) group = Math.min(group, ml);
    else {
      if (Number.isFinite(group)) total += group;
      group = ml;
    }
    lastEnd = (m.index ?? 0) + m[0].length;
    texts.push(m[0].trim());
  }
  if (Number.isFinite(group)) total += group;
  if (!(total > 0) || grams === null) {
    const mini = MINI.exec(title);
    return mini ? { ml: Number.NaN, grams: false, text: mini[0] } : null;
  }
  return { ml: total, grams, text: texts.join(" + ") };
}

/** A mini or travel size named without its size (standard-sizes.json miniWords). */
const MINI = wordsRe(SIZES.miniWords, "iu");
/** The share of the full size a mini is taken to hold at most. */
const MINI_SHARE = 0.5;

const KIND_GROUPS = groupBits(SIZES.kindsFor);
const COSMETICS_BIT = groupBits(["cosmetics"]);

/**
 * The factor (0..1] the brand's reference is scaled by for this stated size, with the full size it assumed;
 * null when no scaling applies (no usual size for the brand, a kind of item named outside the sized groups, grams
 * for a brand that sells no make-up or skin care, a size at or above the full size).
 */
export function sizeFactor(
  d: MatcherData,
  brand: number,
  types: readonly number[],
  size: StatedSize | null,
): { factor: number; fullMl: number } | null {
  if (!size) return null;
  const full = d.bSizeMl[brand] ?? 0;
  if (full <= 0) return null;
  if (size.grams && ((d.bGroups[brand] ?? 0) & COSMETICS_BIT) === 0) return null;
  if (types.some((t) => (typeGroupBit(t) & KIND_GROUPS) === 0)) return null;
  if (Number.isNaN(size.ml)) {
    // A mini of what? Only of a kind of these groups, or of a brand that sells nothing else.
    const groups = d.bGroups[brand] ?? 0;
    if (types.length === 0 && (groups === 0 || (groups & ~KIND_GROUPS) !== 0)) return null;
    return { factor: MINI_SHARE, fullMl: full };
  }
  if (size.ml >= full) return null;
  return { factor: size.ml / full, fullMl: full };
}
