/**
 * The rule-pack format: open, documented, versioned. A pack is
 * plain JSON; `schema/rule-pack.schema.json` publishes the same shape for pack
 * authors and `validatePack` (src/shared/pack-validate.ts) enforces it at
 * runtime. No regular expressions anywhere: every pattern is a literal phrase.
 */
import type { MarketplaceId } from "./listing.ts";

export const PACK_FORMAT = 1;

export interface RulePack {
  /** Format version of this document, currently 1. */
  format: number;
  /** Stable id, lowercase letters, digits, dots and dashes: "copycatch.default". */
  id: string;
  name: string;
  /** Free text for people reading the pack: scope, provenance of its data, caveats. Optional (additive to format 1). */
  description?: string | null;
  /** Integer, increases with every release; a lower version is a replay. */
  version: number;
  publisher: string;
  /** ISO 8601 date (YYYY-MM-DD) or date-time. */
  issued: string;
  /** ISO 8601; after it the pack is not used. Null: never expires. */
  expires: string | null;
  brands: BrandRule[];
  vocabulary: VocabTerm[];
  accessoryPhrases: AccessoryPhrase[];
  exchangeRates: ExchangeRates | null;
  /**
   * Ordinary words one edit from the pack's names that are not misspellings of them ("lantern" for a brand
   * "Lanterna"): written by `pack build` from a dictionary, so that a title saying the word is no disguised brand.
   * Letters only, lower case; or two such words a one-word name splits into ("can on" for Canon: the phrase, not the
   * name split to disguise it). Optional (additive to format 1).
   */
  typoStopwords?: string[];
}

export interface ReferencePrice {
  /** Decimal string, e.g. "249.00". */
  amount: string;
  currency: string;
  /** ISO date the price was observed. */
  date: string;
  /** Where it was observed (URL or publication). */
  source: string;
}

export interface ModelRule {
  name: string;
  aliases: string[];
  referencePrice: ReferencePrice | null;
  /**
   * The model's name identifies the brand on its own ("Boost 350 V2" is adidas): named without the brand, it
   * still claims the brand. Optional (additive to format 1): when a brand marks none of its models, every model
   * claims it as before; once one is marked, unmarked models claim it only beside the brand's name.
   */
  distinctive?: boolean;
}

export interface SellerRef {
  /** Marketplace the store is on, or "*" for any. */
  marketplace: MarketplaceId | "*";
  name: string;
  /** The marketplace's own seller/store id, when known (more reliable than the name). */
  id: string | null;
}

export type BrandTier = "luxury" | "premium" | "mass";

export interface BrandRule {
  /** Stable id, lowercase: "nike", "louis-vuitton". */
  id: string;
  name: string;
  /** Other spellings and scripts: 耐克, ナイキ, Найк. */
  aliases: string[];
  /** The name is also an ordinary word (Coach, Apple, Puma): only claimed with brand context. */
  commonWord: boolean;
  /**
   * Id of the brand that owns or licenses this one when both are listed as brands (a franchise and its
   * publisher, a sub-brand and its parent): naming both is one owner, not a collaboration. Optional (additive
   * to format 1); absent means independent. Groups (LVMH, Kering) are not owners: their houses stay separate.
   */
  owner?: string | null;
  tier: BrandTier;
  categories: string[];
  models: ModelRule[];
  /** Lowest plausible new price for any item of the brand, used when no model matches. */
  referencePrice: ReferencePrice | null;
  authorisedSellers: SellerRef[];
  officialStores: SellerRef[];
  /** Official web domains: "nike.com". */
  domains: string[];
  report: ReportContact | null;
  /**
   * Sub-brands and product lines sold under their own name (Jordan, Yeezy, Essentials): a listing naming one
   * claims this brand. Optional (additive to format 1); absent means none.
   */
  lines?: LineRule[];
  /**
   * Lowest plausible new price of one kind of item (the types of src/shared/product-types.json), per
   * currency: a brand's floor in INR or CNY is the local market's, not its US floor converted. Preferred over
   * `referencePrice` when the title names that kind of item. Optional (additive to format 1).
   */
  priceFloors?: PriceFloor[];
  /**
   * Longer names that hold the brand's name but name someone or something else: a person, a character, a place, a
   * work ("Steve McQueen", "Lightning McQueen", "Gucci Mane", "Prada Marfa"). The brand is not claimed inside them.
   * Optional (additive to format 1); absent means none.
   */
  notBrand?: string[];
}

export interface LineRule {
  name: string;
  aliases: string[];
  /** The line's name is also an ordinary word ("Jordan", "Essentials"): claimed only with product context. */
  commonWord: boolean;
}

export interface PriceFloor extends ReferencePrice {
  /** Product type id from src/shared/product-types.json: "sneakers", "polo", "trunks", "perfume 100 ml". */
  type: string;
}

export interface ReportContact {
  email: string | null;
  url: string | null;
  notes: string | null;
}

export type VocabKind =
  /** Explicit replica wording: replica, super copy, 高仿. */
  | "replica"
  /** Quality grades used by the replica trade: AAA, 1:1, mirror quality, N級品. */
  | "grade"
  /** Trade code names and euphemisms: 原单, 莆田, "inspired by". */
  | "code"
  /** Words that weaken a claim: unbranded, generic, "no logo". */
  | "unbranded";

export interface VocabTerm {
  term: string;
  /** BCP 47 language tag of the term ("en", "zh", "ja", "ru", "es", "pt", "de", "fr", ...). */
  lang: string;
  kind: VocabKind;
  /** Log-odds weight, 0..5. */
  weight: number;
  source: string | null;
}

export interface AccessoryPhrase {
  phrase: string;
  lang: string;
  /** "before": the phrase precedes the brand ("case for Apple"); "after": follows it ("Nike compatible"). */
  position: "before" | "after";
}

export interface ExchangeRates {
  /** ISO date of the rates. */
  date: string;
  /** Units of each currency per one unit of `base`. */
  base: string;
  rates: Record<string, number>;
  source: string | null;
}
