/**
 * Price below the reference, after currency conversion. Models carry their
 * retail price; brands the lowest plausible new price of anything they sell.
 */
import type { Listing, Money } from "../shared/listing.ts";
import { onAnyDomain } from "../shared/marketplace-sites.ts";
import { LOCAL_PRICE_SHARE } from "../shared/product-types.ts";
import type { ReasonCode } from "../shared/reason-codes.ts";
import type { EvidenceSpan, Reason } from "../shared/verdict.ts";
import { statesWear } from "./context.ts";
import { parseAmount } from "./currency.ts";
import { type MatcherData, TIERS } from "./layout.ts";
import {
  holdsValueUsed,
  isBasic,
  isPiece,
  sizedWithin,
  streetShare,
  TIER_FLOORS_DATE,
  tierFloorUsd,
  typeGroupBit,
  typeName,
  typeWithin,
} from "./product-type.ts";
import { hostOf, round } from "./seller.ts";
import { type StatedSize, sizeFactor } from "./size.ts";
import * as W from "./weights.ts";

/** Hosts whose prices are in yuan even when the record does not say so. */
export const CNY_HOSTS = ["1688.com", "taobao.com", "tmall.com", "jd.com", "weidian.com"];

/** The listing's currency: the record's, else yuan on Chinese marketplaces, else null. */
function currencyOf(money: Money, url: string): string | null {
  const cur = money.currency?.toUpperCase() ?? null;
  if (cur) return cur;
  const host = hostOf(url) ?? "";
  return onAnyDomain(host, CNY_HOSTS) ? "CNY" : null;
}

function usdOf(d: MatcherData, money: Money, url: string): number {
  const cur = currencyOf(money, url);
  if (!cur) return Number.NaN;
  const i = d.rCur.indexOf(cur);
  if (i < 0) return Number.NaN;
  return parseAmount(money.amount) * (d.rUsd[i] as number);
}

/** The price compared: the visible price, or the top of a range (a "from $5" range hides the real item price). */
export function listingPriceUsd(d: MatcherData, listing: Listing): { usd: number; money: Money } | null {
  const money = listing.priceRange?.max ?? listing.price;
  if (!money) return null;
  const usd = usdOf(d, money, listing.url);
  return Number.isFinite(usd) && usd > 0 ? { usd, money } : null;
}

/**
 * A reference as a price in the listing's own currency: a floor of that currency as it is, anything else converted
 * from US dollars at the pack's rate; in US dollars when the listing's currency is unknown or has no rate.
 */
export function referenceMoney(d: MatcherData, reference: Reference, listing: Listing): Money {
  if (reference.native) return { amount: String(reference.native.amount), currency: reference.native.currency };
  const native = listingPriceNative(listing);
  const perUnit = native ? usdOf(d, { amount: "1", currency: native.currency }, listing.url) : Number.NaN;
  return native && native.currency !== "USD" && Number.isFinite(perUnit) && perUnit > 0
    ? { amount: String(round(reference.usd / perUnit)), currency: native.currency }
    : { amount: String(round(reference.usd)), currency: "USD" };
}

/** The compared price in the listing's own currency (no conversion), when it has one and a positive amount. */
function listingPriceNative(listing: Listing): { amount: number; currency: string; money: Money } | null {
  const money = listing.priceRange?.max ?? listing.price;
  if (!money) return null;
  const currency = currencyOf(money, listing.url);
  const amount = parseAmount(money.amount);
  return currency && Number.isFinite(amount) && amount > 0 ? { amount, currency, money } : null;
}

export interface PriceCheck {
  reason: Reason;
  brand: number;
  /** The price over the reference, the threshold it fell below, and whether the two were in one currency. */
  ratio: number;
  threshold: number;
  sameCurrency: boolean;
  /** The listing's currency (its price's, else the marketplace's: CNY on Taobao, 1688 and the like). */
  currency: string;
}

/**
 * The weight of a price at `ratio` of its reference against a `threshold` (weights.ts PRICE_*): 0 when not below it.
 */
export function priceWeight(d: MatcherData, brand: number, ratio: number, threshold: number): number {
  if (!(ratio < threshold)) return 0;
  const tier = W.PRICE_TIER_FACTOR[d.bTier[brand] as number] ?? 1;
  return Math.min(W.PRICE_MAX, tier * (W.PRICE_BASE + W.PRICE_SLOPE * Math.log2(threshold / ratio)));
}

export interface Reference {
  /** Reference price in USD. */
  usd: number;
  /** What it is the reference of ("Nike Air Force 1", "Nike (3× the brand's floor ...)"). */
  name: string;
  /** Share of the reference below which the price is suspicious. */
  threshold: number;
  /** The reference is a named model's retail price (not a brand floor). */
  model: boolean;
  /** A floor in the listing's own currency: compared without conversion. */
  native: { amount: number; currency: string } | null;
  /** `name` as the price reason's code and the params naming the reference (reason-codes.ts). */
  of: { code: ReasonCode; params: Record<string, string | number> };
}

/**
 * A mass-market brand sells ordinary lines (trunks, socks, polos) far below its
 * sneakers or jackets, and discounts its bags and jackets at mainstream
 * retailers far below any multiple of its cheapest item. So for a mass-market
 * brand the brand-wide floor scaled by the kind of item is evidence only when
 * the item is not one of its basic lines and the pack gives no floors per kind
 * of item: a pack that does has said which kinds it knows, and a kind it gives
 * no floor for has no estimate.
 */
function massFloorApplies(d: MatcherData, brand: number, types: readonly number[]): boolean {
  if (d.bTier[brand] !== MASS) return true;
  if (types.some(isBasic)) return false;
  const hasFloors = (d.fStart[brand + 1] ?? 0) > (d.fStart[brand] ?? 0);
  return !(hasFloors && types.length > 0);
}
const MASS = 2; // index of "mass" in layout.ts TIERS

/**
 * The kinds of item a title names that may be the item, for a floor: a broader kind a narrower one named is within
 * is left out ("puffer jacket": the down jacket, not any jacket). Of what is left, callers take the lowest floor:
 * a title naming unrelated kinds ("T-shirt ... Tee Tops Coats", "hoodie jogger set") is one of them or a set of
 * them, and the cheapest is the floor a genuine item clears.
 */
export function itemKinds(types: readonly number[]): readonly number[] {
  if (types.length < 2) return types;
  return types.filter((t) => !types.some((o) => o !== t && typeWithin(o) === t));
}

/** One of the floors `from`..`to` (a brand's) is of this kind of item. */
function floorIn(d: MatcherData, from: number, to: number, type: number): boolean {
  for (let f = from; f < to; f++) if (d.fType[f] === type) return true;
  return false;
}

/** The pack gives the brand a floor of this kind of item (a console maker has a "console" floor). */
export function hasFloorOf(d: MatcherData, brand: number, type: number): boolean {
  return floorIn(d, d.fStart[brand] ?? 0, d.fStart[brand + 1] ?? 0, type);
}

/** The kind whose floor stands for `type`: itself when the brand has a floor of it, else the broader kind it is within. */
function floorKind(d: MatcherData, from: number, to: number, type: number, sized = false): number {
  if (floorIn(d, from, to, type)) return type;
  // A brand priced only at the kind's standard size ("perfume 100 ml"): a title stating a size is compared at it,
  // scaled down to a smaller size by sizedReference ("Cool Water EDT 125ml" has the 100 ml floor).
  const standard = sized ? sizedWithin(type) : -1;
  if (standard >= 0 && floorIn(d, from, to, standard)) return standard;
  const within = typeWithin(type);
  return within < 0 ? type : within;
}

/**
 * The brand's floors (indexes `from`..`to`) of one kind of item: the one in `currency` (`same`), and one to convert
 * (`converted`: the US-dollar one when there is one, else any with a rate); -1 for none.
 */
function kindFloors(
  d: MatcherData,
  from: number,
  to: number,
  type: number,
  currency: string | null,
): { same: number; converted: number } {
  let same = -1;
  let converted = -1;
  for (let f = from; f < to; f++) {
    if (d.fType[f] !== type) continue;
    const cur = d.fCur.at(f);
    if (cur === currency) same = f;
    else if (Number.isFinite(d.fUsd[f]) && (converted < 0 || cur === "USD")) converted = f;
  }
  return { same, converted };
}

/**
 * The brand's floor for the kinds of item named: per type (or, without a floor of that type, the broader kind it
 * is within: a puffer takes the brand's jacket floor), the floor in the listing's currency, else the type's floor
 * converted (US dollars first); across types, the lowest (itemKinds). Null when the brand has no floor for any.
 */
export function floorFor(
  d: MatcherData,
  brand: number,
  types: readonly number[],
  currency: string | null,
  sized = false,
): Reference | null {
  const from = d.fStart[brand] ?? 0;
  const to = d.fStart[brand + 1] ?? from;
  let best: Reference | null = null;
  for (const named of itemKinds(types)) {
    const type = floorKind(d, from, to, named, sized);
    const { same, converted } = kindFloors(d, from, to, type, currency);
    const f = same >= 0 ? same : converted;
    if (f < 0) continue;
    const usd = d.fUsd[f] as number;
    const cur = d.fCur.at(f) ?? "";
    const amount = d.fAmount[f] as number;
    const ref: Reference = {
      usd,
      name: `${d.bName.at(brand) ?? ""} ${typeName(type)} (the brand's ${cur} floor for this kind of item${same >= 0 ? "" : ", converted"})`,
      threshold: W.PRICE_THRESHOLD_BRAND,
      model: false,
      native: same >= 0 ? { amount, currency: cur } : null,
      of: {
        code: same >= 0 ? "price-below-type-floor-native" : "price-below-type-floor",
        params: { brand: d.bName.at(brand) ?? "", type: typeName(type), currency: cur },
      },
    };
    // Lowest reference wins; a native floor without a rate is compared only natively.
    if (!best || (Number.isFinite(usd) && !(usd >= best.usd))) best = ref;
  }
  return best;
}

/**
 * The tier's default floor for the kinds of item named (data/tier-floors.json), for a brand of that tier that
 * sells the item's group and has no floor of its own for it; the lowest across the kinds (itemKinds), and only
 * when it is above the brand-wide floor scaled by the kind of item (which then stays the reference), or the kind is
 * an ordinary line (socks, underwear: product-types.json "basic") or a small piece (a card holder, a key ring:
 * "piece"). Null when none applies.
 */
function tierFloorFor(d: MatcherData, brand: number, types: readonly number[], product: number): Reference | null {
  // A licensor's name on a cap or a toy is a licensee's goods at the licensee's prices, not a luxury house's.
  if (d.bLicensor[brand] === 1) return null;
  const tier = TIERS[d.bTier[brand] as number] ?? "";
  const groups = d.bGroups[brand] ?? 0;
  let best = Number.NaN;
  let bestType = -1;
  for (const type of itemKinds(types)) {
    if ((groups & typeGroupBit(type)) === 0) continue;
    // Without a default of its own, a kind takes the default of the broader kind it is within.
    const within = typeWithin(type);
    const kind = Number.isNaN(tierFloorUsd(tier, type)) && within >= 0 ? within : type;
    const usd = tierFloorUsd(tier, kind);
    if (Number.isFinite(usd) && !(usd >= best)) {
      best = usd;
      bestType = kind;
    }
  }
  const scaled = (d.bRefUsd[brand] as number) * product;
  // An ordinary line's default stands even below the brand-wide floor: a house's socks cost less than its cheapest bag.
  // So does a small piece's (a card holder, a key ring: often the house's cheapest proper item, and sold on sale).
  if (bestType < 0 || (Number.isFinite(scaled) && scaled >= best && !isBasic(bestType) && !isPiece(bestType)))
    return null;
  return {
    usd: best,
    name: `${d.bName.at(brand) ?? ""} ${typeName(bestType)} (the lowest new price of a ${tier} house's ${typeName(bestType)}, ${TIER_FLOORS_DATE}, to re-verify)`,
    threshold: W.PRICE_THRESHOLD_BRAND,
    model: false,
    native: null,
    of: {
      code: "price-below-tier-floor",
      params: { brand: d.bName.at(brand) ?? "", type: typeName(bestType), tier, date: TIER_FLOORS_DATE },
    },
  };
}

/** The English clauses of a model's price taken at its street share or at the brand's price level in a currency. */
function adjustedClauses(params: Record<string, string | number>): string {
  const street =
    typeof params.street === "number"
      ? ` (its list price × ${params.street}, the usual discounter price of such items)`
      : "";
  const regional =
    typeof params.regional === "number"
      ? ` (its US price × ${params.regional}, the brand's ${params.regionalCurrency} prices against its US ones)`
      : "";
  const market =
    typeof params.market === "number"
      ? ` (the floor × ${params.market}, the price level of the pack's brands of its tier in ${params.marketCurrency} against their US prices)`
      : "";
  const child =
    typeof params.child === "number"
      ? ` (the floor × ${params.child}, the share of an adult's size a child's size of such items sells for)`
      : "";
  const count =
    typeof params.count === "number"
      ? ` (the reference × ${params.count}: the title offers ${params.count} items for the price)`
      : "";
  const local =
    typeof params.local === "number"
      ? ` (× ${params.local}: each country sets the price of such goods, often far below the US one)`
      : "";
  return street + regional + market + child + count + local;
}

/** Brands of a tier with floors of one kind in both currencies the level needs before it is read from them. */
const MARKET_MIN_SAMPLES = 20;
const MARKET_LEVELS = new WeakMap<MatcherData, Map<string, number>>();

/**
 * Where the pack's brands of a tier price a kind of item both in US dollars and in `currency`, how their floors
 * there compare with the US ones: the first quartile of those ratios (mass-market floors in INR are mostly well
 * below their US ones converted, in EUR about the same), at most 1; 1 with fewer than MARKET_MIN_SAMPLES. A brand
 * priced only in US dollars is taken at that level in the listing's currency: its floor converted says more about
 * US prices than about this market's. The first quartile, not the median, because a floor is the lowest price.
 */
export function marketLevel(d: MatcherData, tier: number, currency: string): number {
  let levels = MARKET_LEVELS.get(d);
  if (!levels) {
    levels = new Map();
    MARKET_LEVELS.set(d, levels);
  }
  const key = `${tier}:${currency}`;
  const known = levels.get(key);
  if (known !== undefined) return known;
  const ratios: number[] = [];
  const brands = d.bTier.length;
  for (let b = 0; b < brands; b++) {
    if (d.bTier[b] !== tier) continue;
    const from = d.fStart[b] ?? 0;
    const to = d.fStart[b + 1] ?? from;
    for (let f = from; f < to; f++) {
      if (d.fCur.at(f) !== currency) continue;
      const { converted } = kindFloors(d, from, to, d.fType[f] as number, currency);
      if (converted < 0 || d.fCur.at(converted) !== "USD") continue;
      const local = d.fUsd[f] as number;
      const us = d.fUsd[converted] as number;
      if (local > 0 && us > 0) ratios.push(local / us);
    }
  }
  ratios.sort((x, y) => x - y);
  const level = ratios.length < MARKET_MIN_SAMPLES ? 1 : Math.min(1, ratios[Math.floor(ratios.length / 4)] as number);
  levels.set(key, level);
  return level;
}

/**
 * How the brand's prices in `currency` compare with its US ones for the kinds of item named: the lowest ratio, over
 * those kinds, of its floor in that currency (converted) to its US-dollar floor; 1 when no kind has both.
 */
function regionalLevel(d: MatcherData, brand: number, types: readonly number[], currency: string): number {
  const from = d.fStart[brand] ?? 0;
  const to = d.fStart[brand + 1] ?? from;
  let level = 1;
  for (const named of itemKinds(types)) {
    const { same, converted } = kindFloors(d, from, to, floorKind(d, from, to, named), currency);
    if (same < 0 || converted < 0 || d.fCur.at(converted) !== "USD") continue;
    const local = d.fUsd[same] as number;
    const us = d.fUsd[converted] as number;
    if (local > 0 && us > 0 && local / us < level) level = local / us;
  }
  return level;
}

/**
 * The reference for one brand: the best (highest) reference among the models named, else the brand's floor for
 * the kinds of item named (floorFor), else the brand-wide floor scaled by the kind of item (never, for a
 * mass-market brand, on an ordinary line or a kind of item its floors leave out: see massFloorApplies; never
 * when `brandWide` is false: a licensor's name beside the maker of licensed goods).
 */
export function referenceFor(
  d: MatcherData,
  brand: number,
  models: number[],
  product = 1,
  types: readonly number[] = [],
  currency: string | null = null,
  brandWide = true,
  sized = false,
): Reference | null {
  let ref = Number.NaN;
  let refName = d.bName.at(brand) ?? "";
  let threshold = W.PRICE_THRESHOLD_BRAND;
  let model = false;
  let of: Reference["of"] = { code: "price-below-brand", params: { brand: refName } };
  for (const mi of models) {
    const r = d.mRefUsd[mi] as number;
    if (Number.isFinite(r) && !(r <= ref)) {
      ref = r;
      const mName = d.mName.at(mi) ?? "";
      const bName = d.bName.at(brand) ?? "";
      refName = mName.toLowerCase().startsWith(bName.toLowerCase()) ? mName : `${bName} ${mName}`;
      threshold = W.PRICE_THRESHOLD_MODEL;
      model = true;
      of = { code: "price-below-model", params: { model: refName } };
    }
  }
  // A model's list price, at the share its kind of item is routinely sold at new (designer fragrance at discounters).
  if (model) {
    const street = streetShare(types);
    if (street < 1) {
      ref *= street;
      of = { code: of.code, params: { ...of.params, street } };
    }
  }
  // A model's price is its US list price; where the brand prices the kind of item lower in the listing's currency
  // (its floors there against its US-dollar floors: adidas sandals at 449 INR and 12 USD), so does the model.
  if (model && currency && currency !== "USD") {
    const level = round(regionalLevel(d, brand, types, currency));
    if (level < 1) {
      ref *= level;
      of = { code: of.code, params: { ...of.params, regional: level, regionalCurrency: currency } };
    }
  }
  if (!Number.isFinite(ref) && models.length === 0) {
    const floor = floorFor(d, brand, types, currency, sized) ?? tierFloorFor(d, brand, types, product);
    if (floor) return atLocalShare(d, brand, currency, atMarketLevel(d, brand, currency, floor));
  }
  if (!Number.isFinite(ref)) {
    // Brand floor scaled by the kind of item named: a jacket is never the brand's cheapest item. Not when a
    // model (without a price) says what the item is: "Nikon D3400 kit + bag" is a camera, not a bag.
    if (models.length > 0) product = 1;
    if (models.length === 0 && !massFloorApplies(d, brand, types)) return null;
    if (!brandWide) return null;
    ref = (d.bRefUsd[brand] as number) * product;
    if (product !== 1) {
      of = { code: "price-below-brand-scaled", params: { brand: refName, multiple: product } };
      refName = `${refName} (${product}× the brand's floor for this kind of item)`;
    }
  }
  if (!Number.isFinite(ref) || ref <= 0) return null;
  return atLocalShare(
    d,
    brand,
    currency,
    atMarketLevel(d, brand, currency, { usd: ref, name: refName, threshold, model, native: null, of }),
  );
}

/**
 * A medicine's US price converted says little of its price elsewhere: each country sets it (product-types.json
 * localPrices). Taken at LOCAL_PRICE_SHARE of it, the share said; a floor in the listing's own currency stays.
 */
function atLocalShare(d: MatcherData, brand: number, currency: string | null, ref: Reference): Reference {
  if (d.bLocalPrice[brand] !== 1 || ref.native || currency === null || currency === "USD") return ref;
  return scaledBy(ref, LOCAL_PRICE_SHARE, { local: LOCAL_PRICE_SHARE });
}

/** A brand floor converted from US dollars, taken at the market level of the brand's tier in `currency` (marketLevel). */
function atMarketLevel(d: MatcherData, brand: number, currency: string | null, ref: Reference): Reference {
  if (ref.native || ref.model || !currency || currency === "USD") return ref;
  const level = round(marketLevel(d, d.bTier[brand] as number, currency));
  if (!(level < 1)) return ref;
  return {
    ...ref,
    usd: ref.usd * level,
    of: { code: ref.of.code, params: { ...ref.of.params, market: level, marketCurrency: currency } },
  };
}

/** A kind's floor taken at the share a child's size of it sells for (product-types.json "child"), the share said. */
function ofChildSize(ref: Reference | null, child: number): Reference | null {
  if (!ref || !(child < 1) || ref.model) return ref;
  return scaledBy(ref, child, { child });
}

/** A reference for one item taken for the `count` items the title offers for the price, the count said. */
function ofCount(ref: Reference | null, count: number): Reference | null {
  if (!ref || !(count > 1)) return ref;
  return scaledBy(ref, count, { count });
}

/** The reference times `factor`, in US dollars and in its own currency, with `said` added to its reason's params. */
function scaledBy(ref: Reference, factor: number, said: Record<string, number> = {}): Reference {
  return {
    ...ref,
    usd: ref.usd * factor,
    native: ref.native ? { ...ref.native, amount: round(ref.native.amount * factor) } : null,
    of: { code: ref.of.code, params: { ...ref.of.params, ...said } },
  };
}

/**
 * The reference for these price inputs in the listing's currency, scaled down in proportion to a stated size below
 * the brand's usual full size (size.ts), with the size said; null when nothing says what the item costs.
 */
export function sizedReference(
  d: MatcherData,
  brand: number,
  inputs: PriceInputs,
  currency: string | null,
): { reference: Reference; sized: { size: string; fullSize: number } | null } | null {
  const { models, product, types, size, brandWide, child, count } = inputs;
  const found = ofCount(
    ofChildSize(
      referenceFor(d, brand, models, product, types, currency, brandWide, size !== null && Number.isFinite(size.ml)),
      child,
    ),
    count,
  );
  if (!found) return null;
  const scale = sizeFactor(d, brand, types, size);
  if (!scale || !size) return { reference: found, sized: null };
  return {
    reference: scaledBy(found, scale.factor),
    sized: { size: size.text, fullSize: scale.fullMl },
  };
}

/** The model the title names another generation of, and how many generations before it (1 when not known). */
export interface OtherGeneration {
  name: string;
  back: number;
}

/** What a claim's price is compared with: the models and kinds of item that pick the reference, the size stated. */
export interface PriceInputs {
  models: number[];
  types: readonly number[];
  /**
   * The largest factor of the kinds of item the item is (1 when none; a share below 1 for a watch house's own
   * accessories): scales the brand-wide floor.
   */
  product: number;
  /** The item is what fits a kind of item the title names ("watch strap", "sunglasses case"). */
  accessory: boolean;
  size: StatedSize | null;
  /** The brand's own cheapest price may be the reference (not for a licensor beside the maker of the goods). */
  brandWide: boolean;
  /**
   * The model the pack prices of which the item is another generation, compared as a used one for that (the reason
   * says so), and how many generations before it: for a used or refurbished item each one beyond the first lowers
   * the threshold by OLDER_GENERATION_SHARE. Null when none.
   */
  older: OtherGeneration | null;
  /** The share of the kinds' floors a child's size sells for, when the title says it is one (1 otherwise). */
  child: number;
  /**
   * How many items the price buys, when the title offers several of a kind priced for one item and sold singly
   * ("Battery 2-Pack", "Hemd 3 Stück"; score.ts itemCount): the reference is for that many. 1 otherwise.
   */
  count: number;
  /** A luxury house's piece decades old (context.ts vintagePiece): compared used, at VINTAGE_SHARE of that threshold. */
  vintage: boolean;
}

/** Price reason for one brand, using the best (highest) reference among the models named, else the brand's. */
export function priceBelow(d: MatcherData, listing: Listing, brand: number, inputs: PriceInputs): PriceCheck | null {
  const native = listingPriceNative(listing);
  if (!native) return null;
  const scaled = sizedReference(d, brand, inputs, native.currency);
  if (!scaled) return null;
  const { reference, sized } = scaled;
  const { name: refName, threshold } = reference;
  const condition = listing.condition ?? "new";
  // A piece that holds its price resold visibly worn sells at a used item's ordinary share.
  const holds =
    holdsValueUsed(inputs.types, d.bGroups[brand] ?? 0, TIERS[d.bTier[brand] as number] === "luxury") &&
    !(condition === "used" && statesWear(listing.title ?? ""));
  const factor = holds ? W.PRICE_CONDITION_FACTOR_HOLDING[condition] : W.PRICE_CONDITION_FACTOR[condition];
  // Each generation further back than the one before the pack's sells for less again, used (or refurbished), however
  // the condition is known (the page, the title, or the generation itself).
  const older = condition === "new" ? null : inputs.older;
  const vintage = inputs.vintage && condition !== "new" ? W.VINTAGE_SHARE : 1;
  const t = threshold * factor * vintage * W.OLDER_GENERATION_SHARE ** Math.max(0, (older?.back ?? 1) - 1);
  // A floor in the listing's own currency is compared as is; anything else in US dollars.
  const usd = listingPriceUsd(d, listing);
  const r = reference.native ? native.amount / reference.native.amount : usd ? usd.usd / reference.usd : Number.NaN;
  if (!(r < t)) return null;
  const price = { money: native.money };
  const w = priceWeight(d, brand, r, t);
  const text = `${price.money.amount}${price.money.currency ? ` ${price.money.currency}` : ""}`;
  const evidence: EvidenceSpan = { field: "price", text, start: 0, end: text.length };
  const cond =
    listing.condition && listing.condition !== "new"
      ? ` (${listing.condition}, threshold ${Math.round(t * 100)}%)`
      : "";
  const said = older && condition === "used" ? older : null;
  const generation = said ? ` (another generation than the pack's ${said.name}: compared as a used one)` : "";
  return {
    brand,
    ratio: r,
    threshold: t,
    sameCurrency: reference.native !== null || native.currency === "USD",
    currency: native.currency,
    reason: {
      signal: "price-below-reference",
      code: reference.of.code,
      params: {
        price: reference.native ? text : round(usd?.usd ?? 0),
        percent: Math.round(r * 100),
        reference: reference.native ? reference.native.amount : Math.round(reference.usd),
        ...reference.of.params,
        ...(cond ? { condition: listing.condition as string, threshold: Math.round(t * 100) } : {}),
        ...sized,
        ...(said ? { generationOf: said.name } : {}),
      },
      message: `${
        reference.native
          ? `Price ${text} is ${Math.round(r * 100)}% of the reference ${reference.native.amount} ${reference.native.currency} for ${refName}${cond}`
          : `Price ≈ US$${(usd?.usd ?? 0).toFixed(2)} is ${Math.round(r * 100)}% of the reference US$${reference.usd.toFixed(0)} for ${refName}${cond}`
      }${adjustedClauses(reference.of.params)}${sized ? ` (the reference scaled to the stated ${sized.size} from a full size of ${sized.fullSize} ml)` : ""}${generation}`,
      weight: round(w),
      evidence,
    },
  };
}
