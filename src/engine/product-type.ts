/**
 * The kinds of item a title names (src/shared/product-types.json), as the
 * engine reads them: a pattern per word, owned by its type's index. The type
 * picks the brand's price floor for that kind of item; without one, its factor
 * scales the brand-wide floor (a jacket is never the brand's cheapest item).
 * Changing the vocabulary changes pattern owners: bump COMPILED_FORMAT_VERSION.
 */
import { CHILD_SHARES, PRODUCT_GROUPS, PRODUCT_TYPE_IDS, PRODUCT_TYPES } from "../shared/product-types.ts";
import TIER_FLOORS from "./data/tier-floors.json";
import { DEPRECIATING_GROUPS, WORN_GROUPS } from "./weights.ts";

/** Pattern owner of a type's brand word ("pen"): the type index plus this. */
export const BRAND_WORD = PRODUCT_TYPES.length;

/** [word, owner] for every word of every type: the type's index, or BRAND_WORD more for its brand words. */
export const PRODUCT_TYPE_WORDS: readonly (readonly [string, number])[] = PRODUCT_TYPES.flatMap((t, ti) => [
  ...t.words.map((w) => [w, ti] as const),
  ...(t.brandWords ?? []).map((w) => [w, ti + BRAND_WORD] as const),
]);

export function typeFactor(type: number): number {
  return PRODUCT_TYPES[type]?.factor ?? 1;
}

/** The lowest share of list price at which the kinds named are routinely sold new (product-types.json "street"); 1 by default. */
export function streetShare(types: readonly number[]): number {
  let share = 1;
  for (const t of types) share = Math.min(share, PRODUCT_TYPES[t]?.street ?? 1);
  return share;
}

/**
 * The share of the kinds' floors at which a child's size of them is sold new by a brand of `tier`
 * (product-types.json "childShares"): 1 when no kind is named or one is not sold in children's sizes (a child's
 * watch costs a watch).
 */
export function childShare(types: readonly number[], tier: string): number {
  if (types.length === 0 || !types.every((t) => PRODUCT_TYPES[t]?.child === true)) return 1;
  return CHILD_SHARES[tier] ?? 1;
}

export function typeName(type: number): string {
  return PRODUCT_TYPE_IDS[type] ?? "";
}

export function typeIndex(id: string): number {
  return PRODUCT_TYPE_IDS.indexOf(id);
}

const WITHIN: readonly number[] = PRODUCT_TYPES.map((t) => (t.within === undefined ? -1 : typeIndex(t.within)));

/** The broader kind of item `type` belongs to (product-types.json "within"), or -1; looked up once at load. */
export function typeWithin(type: number): number {
  return WITHIN[type] ?? -1;
}

const SIZED: readonly number[] = PRODUCT_TYPES.map((_, i) =>
  PRODUCT_TYPES.findIndex((t) => t.sized === true && t.within !== undefined && typeIndex(t.within) === i),
);

/** The kind at a standard size within `type` ("perfume 100 ml" for "perfume": product-types.json "sized"), or -1. */
export function sizedWithin(type: number): number {
  return SIZED[type] ?? -1;
}

/** An ordinary line of a mass-market brand: its brand-wide floor is no evidence for it (product-types.json "basic"). */
export function isBasic(type: number): boolean {
  return PRODUCT_TYPES[type]?.basic === true;
}

/** A kind priced for one item and not sold in multipacks (product-types.json "single"): a "2-Pack" costs two. */
export function isSingle(type: number): boolean {
  return PRODUCT_TYPES[type]?.single === true;
}

/** A piece of a house's collections beside its signature piece (product-types.json "piece"): a wallet, a belt... */
export function isPiece(type: number): boolean {
  return PRODUCT_TYPES[type]?.piece === true;
}

/** A device that accessories are made for (product-types.json "fitted"): a "tablet case" is not a tablet. */
export function isFitted(type: number): boolean {
  return PRODUCT_TYPES[type]?.fitted === true;
}

const GROUP_IDS = Object.keys(PRODUCT_GROUPS);

/** These groups of items (product-types.json "groups" ids) as bits; an unknown id adds none. */
export function groupBits(groups: readonly string[]): number {
  let mask = 0;
  for (const g of groups) {
    const i = GROUP_IDS.indexOf(g);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** The bit of the group a kind of item belongs to (product-types.json "group"), 0 if none. */
export function typeGroupBit(type: number): number {
  const g = GROUP_IDS.indexOf(PRODUCT_TYPES[type]?.group ?? "");
  return g < 0 ? 0 : 1 << g;
}

/** The groups whose goods lose most of their value with age (weights.ts DEPRECIATING_GROUPS), as bits. */
const DEPRECIATING_MASK = groupBits(DEPRECIATING_GROUPS);

/**
 * The item depreciates like electronics: every kind of item named is in a depreciating group, or, with no kind
 * named, the brand (its groups `brandGroups`) sells only such goods.
 */
function depreciates(types: readonly number[], brandGroups: number): boolean {
  if (types.length > 0) return types.every((t) => (typeGroupBit(t) & DEPRECIATING_MASK) !== 0);
  return (brandGroups & DEPRECIATING_MASK) !== 0 && (brandGroups & ~(DEPRECIATING_MASK | NOT_GOODS)) === 0;
}

const FITTINGS_BIT = groupBits(["fittings"]);
/** Groups that are no kind of item: what a brand makes for or into others' goods (fittings, chips). */
const NOT_GOODS = groupBits(["fittings", "chips"]);
const CHIPS_BIT = groupBits(["chips"]);
const DEVICES_BIT = groupBits(["devices"]);
const GAMING_BIT = groupBits(["gaming"]);
const DEVICE_MAKER_MASK = groupBits(["devices", "audio", "gaming"]);

/**
 * The brand makes goods for other makers' devices: what fits them (product-types.json group "fittings": cases,
 * chargers, straps) or what is played on them without making the devices (games and toys: group "gaming" with no
 * devices of its own).
 */
export function makesForDevices(brandGroups: number): boolean {
  return makesFittings(brandGroups) || ((brandGroups & GAMING_BIT) !== 0 && (brandGroups & DEVICES_BIT) === 0);
}

/** The brand designs chips other makers' devices hold (product-types.json group "chips": NVIDIA, Intel). */
export function makesChips(brandGroups: number): boolean {
  return (brandGroups & CHIPS_BIT) !== 0;
}

/** The brand makes devices, audio or gaming hardware of its own (product-types.json groups). */
export function makesDevices(brandGroups: number): boolean {
  return (brandGroups & DEVICE_MAKER_MASK) !== 0;
}
const WORN_MASK = groupBits(WORN_GROUPS);

/**
 * Used, the item holds much of its price (weights.ts PRICE_CONDITION_FACTOR_HOLDING): a luxury house's goods that
 * neither depreciate like electronics nor are worn on the body (any kind named in a worn group, or, with none
 * named, a brand that sells only such goods).
 */
export function holdsValueUsed(types: readonly number[], brandGroups: number, luxury: boolean): boolean {
  if (!luxury || depreciates(types, brandGroups)) return false;
  if (types.length > 0) return !types.some((t) => (typeGroupBit(t) & WORN_MASK) !== 0);
  return (brandGroups & ~(WORN_MASK | NOT_GOODS)) !== 0;
}

/**
 * The brand makes what fits a device as its own goods (product-types.json group "fittings": cases, chargers,
 * straps): its cheapest item says what such an accessory costs. Another brand's does not.
 */
export function makesFittings(brandGroups: number): boolean {
  return (brandGroups & FITTINGS_BIT) !== 0;
}

const TOYS_BIT = groupBits(["toys"]);
/** What a brand of the pack's toy categories sells: toys, games and key rings. */
const TOY_MAKER_MASK = groupBits(["toys", "gaming", "key-rings"]);

/** The brand sells toys and nothing but what a toy maker sells (LEGO, Hot Wheels, Funko). */
export function toyMaker(brandGroups: number): boolean {
  return (brandGroups & TOYS_BIT) !== 0 && (brandGroups & ~TOY_MAKER_MASK) === 0;
}

/** The brand sells toys. */
export function sellsToys(brandGroups: number): boolean {
  return (brandGroups & TOYS_BIT) !== 0;
}

const WATCH_HOUSE_MASK = groupBits(["watches", "jewellery"]);
const WATCHES_BIT = groupBits(["watches"]);

/**
 * The brand sells watches and nothing but watches and jewellery (a watch house): its cheapest item is a watch, and
 * a strap or a case for one costs a small share of it.
 */
export function watchHouse(brandGroups: number): boolean {
  return (brandGroups & WATCHES_BIT) !== 0 && (brandGroups & ~WATCH_HOUSE_MASK) === 0;
}

/**
 * The brand sells goods that lose value with each generation (devices, audio, gaming, storage) and no clothing or
 * footwear, where a number after a line's name is a model, not a generation ("Air Jordan 4").
 */
export function sellsGenerations(brandGroups: number): boolean {
  return (brandGroups & DEPRECIATING_MASK) !== 0 && (brandGroups & APPAREL_MASK) === 0;
}
const APPAREL_MASK = groupBits(["clothing", "footwear"]);

const ABOUT_BITS = groupBits(["media", "decor"]);

/**
 * The title names a book, a film or a record (product-types.json group "media"), or a sticker, a poster or a cake
 * topper (group "decor"), and the brand sells none of that group: the brand is its subject ("House of Gucci
 * (Blu-ray)", "Rolex: The Impossible Collection book", "Hermes Birkin Cake Topper"), not its maker.
 */
export function aboutBrand(types: readonly number[], brandGroups: number): boolean {
  return types.some((t) => {
    const group = typeGroupBit(t);
    return (group & ABOUT_BITS) !== 0 && (brandGroups & group) === 0;
  });
}

/** The groups of items a brand of these pack categories sells, as bits (product-types.json "groups"). */
export function categoryGroups(categories: readonly string[]): number {
  let mask = 0;
  GROUP_IDS.forEach((g, i) => {
    if (categories.some((c) => PRODUCT_GROUPS[g]?.includes(c))) mask |= 1 << i;
  });
  return mask;
}

const TIER_FLOOR: Readonly<Record<string, Readonly<Record<string, number>>>> = TIER_FLOORS.tiers;

/**
 * The default floor (US dollars) of a kind of item for a brand of this tier (data/tier-floors.json), or NaN.
 * Callers use it only for a brand that sells the item's group and has no floor of its own for the type.
 */
export function tierFloorUsd(tier: string, type: number): number {
  return TIER_FLOOR[tier]?.[typeName(type)] ?? Number.NaN;
}

/** When and from where the default floors come, for the reason's wording. */
export const TIER_FLOORS_DATE: string = TIER_FLOORS.date;

const CONSUMABLE_MASK = groupBits(["fragrance", "cosmetics", "hair-care"]);

/**
 * Goods that private sellers resell used: the kinds of item named are not all consumables (perfume, cosmetics, hair
 * care), or, with none named, the brand sells goods of some other group. Medicines, drinks and food belong to no
 * group, and neither are they resold used.
 */
export function resoldUsed(types: readonly number[], brandGroups: number): boolean {
  if (types.length > 0) return types.some((t) => (typeGroupBit(t) & CONSUMABLE_MASK) === 0);
  return (brandGroups & ~(CONSUMABLE_MASK | NOT_GOODS)) !== 0;
}
