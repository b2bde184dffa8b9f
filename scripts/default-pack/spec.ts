/**
 * Compact source format for the embedded default pack: one line-ish object
 * per brand, expanded by scripts/build-default-pack.ts into the public
 * rule-pack format (src/shared/pack.ts). Prices default to the file's
 * currency, date and source so each model is just [name, amount, aliases].
 */
import type { MarketplaceId } from "../../src/shared/listing.ts";
import type { AccessoryPhrase, BrandTier, ReportContact, VocabKind } from "../../src/shared/pack.ts";

/** [name, amount or null, aliases]. */
export type ModelSpec = [string, string | null, string[]?];

/** [marketplace, store name, store id]. */
export type StoreSpec = [MarketplaceId | "*", string, string?];

export interface BrandSpec {
  id: string;
  name: string;
  tier: BrandTier;
  cat: string[];
  /** Aliases: other scripts, trade code names. */
  a?: string[];
  /** commonWord. */
  cw?: boolean;
  /** Brand-level lowest plausible new price. */
  p?: string;
  m?: ModelSpec[];
  /** Overrides of the file's price defaults. */
  cur?: string;
  date?: string;
  src?: string;
  /** Official domains; the first names the price source by default. */
  d?: string[];
  st?: StoreSpec[];
  r?: ReportContact;
}

export interface PriceDefaults {
  cur: string;
  date: string;
}

export interface BrandFile {
  category: string;
  defaults: PriceDefaults;
  brands: BrandSpec[];
}

/** [term, lang, kind, weight, source]. */
export type TermSpec = [string, string, VocabKind, number, string];

export type PhraseSpec = [string, string, AccessoryPhrase["position"]];
