/**
 * The engine's reasons as codes with parameters, so that the UI can word each
 * reason in the user's language while the CLI, reports, exported cases and
 * notices keep the English `message`. A code names one sentence; its params
 * are listed here in the order of the sentence's placeholders ($1, $2, ...).
 *
 * Optional clauses (a used item's threshold, an old exchange rate, each fact of
 * a weak seller record) are param groups: all of a group's params are present
 * or none is, and each present group adds a clause the UI words on its own.
 */

export const REASON_CODES = {
  "brand-claimed": ["brand"],
  "brand-claimed-via-model": ["brand", "model"],
  "brand-claimed-via-store": ["brand"],
  "brand-disguised": ["text", "reads"],
  "brand-hidden": ["model", "brand"],
  "brand-collab": ["brand", "other"],
  "seller-marketplace": ["seller", "brand"],
  "seller-official": ["brand"],
  "seller-authorised": ["brand"],
  "seller-impersonates-brand": ["brand"],
  "seller-weak": [],
  "counterfeit-term": ["text", "term", "lang"],
  unbranded: ["text"],
  "accessory-fits": ["brand", "text"],
  "dupe-imitates": ["brand", "text"],
  "bulk-luxury": ["text"],
  "bidi-override": [],
  "bidi-stray": [],
  "price-conflict": ["structured", "visible"],
  "brand-field-unbranded": ["value", "brand"],
  "brand-field-other": ["value", "brand"],
  /** US$ price against a model's US$ retail price. */
  "price-below-model": ["price", "percent", "reference", "model"],
  /** US$ price against the brand's US$ floor. */
  "price-below-brand": ["price", "percent", "reference", "brand"],
  /** US$ price against the brand's floor times the factor of the kind of item named. */
  "price-below-brand-scaled": ["price", "percent", "reference", "brand", "multiple"],
  /** US$ price against the brand's floor for the kind of item, converted from the floor's currency. */
  "price-below-type-floor": ["price", "percent", "reference", "brand", "type", "currency"],
  /** The listing's own price against the brand's floor for the kind of item in the listing's currency. */
  "price-below-type-floor-native": ["price", "percent", "reference", "currency", "brand", "type"],
  /** US$ price against the default floor of the kind of item for brands of the brand's tier (a luxury house's belt). */
  "price-below-tier-floor": ["price", "percent", "reference", "brand", "type", "tier", "date"],
  "capacity-implausible": ["kind", "capacity", "price", "perUnit", "floor", "unit", "date"],
} as const satisfies Record<string, readonly string[]>;

export type ReasonCode = keyof typeof REASON_CODES;

export const REASON_CLAUSES = {
  /** A used, refurbished or damaged item is compared with a lower threshold (percent of the reference). */
  condition: ["condition", "threshold"],
  /** Compared as used for being another generation of a model the pack prices by its line's name: that model. */
  generation: ["generationOf"],
  /** A model's list price taken at the share its kind of item is routinely sold at new (designer fragrance). */
  street: ["street"],
  /** A model's US price taken at the brand's own price level in the listing's currency, and that currency. */
  regional: ["regional", "regionalCurrency"],
  /**
   * A brand floor converted from US dollars taken at the price level of the pack's brands of its tier in the
   * listing's currency (their floors there against their US ones), and that currency.
   */
  market: ["market", "marketCurrency"],
  /** A kind's floor taken at the share of an adult's size a child's size of it sells for: that share. */
  child: ["child"],
  /** The reference taken for as many items as the title offers for the price ("2-Pack", "Pack of 2"): that count. */
  count: ["count"],
  /** A medicine's US price converted, taken at the share of it another country's regulated price may be: that share. */
  local: ["local"],
  /** The reference was scaled down to the size the listing states: that size as written, the full size in ml. */
  size: ["size", "fullSize"],
  /** The price was converted at a rate that may have moved: drift in percent, the factor the weight took. */
  rate: ["rateCurrency", "rateDate", "rateDrift", "rateFactor"],
  /** Weak seller record: few ratings, a low positive share, a recent start. */
  ratings: ["ratings"],
  positive: ["positive"],
  memberSince: ["memberSince"],
} as const satisfies Record<string, readonly string[]>;

export type ReasonClause = keyof typeof REASON_CLAUSES;

/** The code's params, then whichever optional groups are present. */
export type ReasonParams = Record<string, string | number>;

export function isReasonCode(raw: unknown): raw is ReasonCode {
  return typeof raw === "string" && Object.hasOwn(REASON_CODES, raw);
}

/** The optional groups present in a reason's params (in REASON_CLAUSES order). */
export function clausesOf(params: ReasonParams): ReasonClause[] {
  return (Object.keys(REASON_CLAUSES) as ReasonClause[]).filter((c) => REASON_CLAUSES[c][0] in params);
}
