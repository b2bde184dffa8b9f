/**
 * The product-type vocabulary (product-types.json): the kinds of item a title
 * names, each with the id that price floors are keyed by. Shared by the pack
 * validator (a floor's type must be known) and the engine (which detects the
 * type in a title).
 */
import data from "./product-types.json";

export interface ProductType {
  /** Id used by `priceFloors[].type`: "sneakers", "polo", "perfume 100 ml". */
  type: string;
  /** Multiple of the brand-wide floor such an item costs at least, used when the brand has no floor of this type. */
  factor: number;
  /** An ordinary line of a mass-market brand (trunks, socks, tees, polos, jeans, caps). */
  basic?: boolean;
  /**
   * Its floors and list prices are for one item, and brands do not sell it in multipacks (sneakers, a polo, a bag, a
   * phone, a tool battery): a title offering several for its price is compared with that many items' price.
   */
  single?: boolean;
  /** A device accessories are made for: named beside what fits it ("tablet case", "laptop bag"), it is not the item. */
  fitted?: boolean;
  /**
   * The share of a model's list price at which genuine new items of this kind are routinely sold (designer
   * fragrance at discounters and duty-free: half of list and less is common): a model's price counts at this share.
   */
  street?: number;
  /**
   * Sold in children's sizes: a title that says the item is a child's size takes the brand's floor for the kind at
   * the share CHILD_SHARES gives for the brand's tier.
   */
  child?: boolean;
  /**
   * A piece a house makes in each of its collections beside the signature piece (a wallet, a key ring, a belt,
   * sunglasses, a scarf, a cap, socks): a collection's name beside it ("Dior Saddle Card Holder", "Dior Saddle Belt")
   * names the line, not the signature piece and its price.
   */
  piece?: boolean;
  /** The broader kind it belongs to ("down jacket" within "jacket"): a brand with no floor of this kind uses that one's. */
  within?: string;
  /**
   * The broader kind at one standard size ("perfume 100 ml" within "perfume"): a brand priced only at that size is
   * compared at it, scaled to the size a title states (size.ts), for a title naming the broader kind and its size.
   */
  sized?: boolean;
  /** Which brands sell it: a key of PRODUCT_GROUPS. */
  group: string;
  words: string[];
  /**
   * Words that name this kind of item only beside a brand that sells its group ("Montblanc pen", "Pop Mart
   * figure"); elsewhere they are too often part of something else ("pen drive", "figure skates").
   */
  brandWords?: string[];
}

export const PRODUCT_TYPES: readonly ProductType[] = data.types;

/** Tier → the share of an adult's floor at which a child's size of a kind marked "child" sells new. */
export const CHILD_SHARES: Readonly<Record<string, number>> = {
  luxury: data.childShares.luxury,
  premium: data.childShares.premium,
  mass: data.childShares.mass,
};

/** Group → the pack categories whose brands sell that group of items. */
export const PRODUCT_GROUPS: Readonly<Record<string, readonly string[]>> = data.groups.map;

/** Pack categories priced by each country's own regulation (medicines): a converted US price counts at LOCAL_PRICE_SHARE. */
export const LOCAL_PRICE_CATEGORIES: readonly string[] = data.localPrices.categories;
export const LOCAL_PRICE_SHARE: number = data.localPrices.share;

export const PRODUCT_TYPE_IDS: readonly string[] = PRODUCT_TYPES.map((t) => t.type);

/** A brand of these pack categories sells this kind of item: one of them maps to the kind's group. */
export function sellsKind(categories: readonly string[], type: string): boolean {
  const group = PRODUCT_TYPES.find((t) => t.type === type)?.group;
  const sellers = group === undefined ? undefined : PRODUCT_GROUPS[group];
  return sellers !== undefined && categories.some((c) => sellers.includes(c));
}
