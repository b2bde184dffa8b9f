/**
 * Every weight and threshold of the verdict, in one place. Signals add
 * log-odds to a prior; the sum goes through the logistic function to give the
 * probability that the listing is counterfeit; `score` is that probability in
 * percent. A weight of +1 multiplies the odds by e (×2.7), −1 divides them.
 *
 * Calibrated on the development labels (fixtures/labeled/), but chosen to be
 * explainable rather than fitted: each value says how much one observation
 * should move a reasonable buyer.
 */

/**
 * Prior log-odds for a listing that claims a brand: most branded listings on
 * marketplaces are genuine, so the claim alone stays well below "medium"
 * (logistic(−2.2 + 0.4) ≈ 14 %).
 */
export const PRIOR = -2.2;

/** The listing claims a brand (brand field, title, specifics). Necessary for most other signals, weak evidence by itself. */
export const W_BRAND_CLAIMED = 0.4;

/**
 * Two or more brands claimed in one title ("Nike Stüssy Air Max", "Gazelle x
 * Gucci", "Supreme Burberry box logo"). Collaborations and mash-ups are what
 * replica catalogues sell most; genuine collaborations exist and are resold at
 * or above retail, so alone this stays "low" and only tips a low price over.
 * Not applied when a claimed brand's official or authorised seller sells it.
 */
export const W_BRAND_COLLAB = 0.8;

/**
 * A model is named but the brand is absent from the title and brand field
 * ("Yeezy 350", "Jordan 4" with no Nike): sellers drop the brand to get past
 * marketplace brand filters. Moderate: some genuine resellers write only the
 * model, so this alone stays "low".
 */
export const W_BRAND_HIDDEN = 1.0;

/**
 * The brand name is disguised (N*KE, N1ke, Cyrillic look-alikes, "Gu//cci",
 * typo-squats). Almost nobody disguises a genuine product's brand: alone,
 * with the claim, this reaches "medium"; with any other sign, "high".
 */
export const W_BRAND_OBFUSCATED = 3.0;
/** Typo-squats are less certain than symbols inside a name (a plain misspelling happens). */
export const W_BRAND_TYPO = 2.2;

/**
 * Counterfeit wording gives a common-word brand (Coach, Supreme, Palace) its
 * brand reading only from this total weight: weak trade words that ordinary
 * listings also use ("premium quality", "原厂") do not.
 */
export const COMMON_WORD_VOCAB_MIN = 1.5;

/**
 * Counterfeit vocabulary: each term carries its own weight (0..5) from the
 * pack. Several terms add up with diminishing returns: the strongest counts
 * fully, each further one by this factor, and the total is capped, because
 * replica listings repeat the same idea ("replica AAA 1:1 mirror").
 */
export const VOCAB_EXTRA_FACTOR = 0.35;
export const VOCAB_CAP = 5.5;
/** Vocabulary found only in the description counts less than in the title (descriptions quote policies, "we do not sell replicas"). */
export const VOCAB_DESCRIPTION_FACTOR = 0.6;
/** "Unbranded"/"generic" words weaken a brand claim: their pack weight is applied negatively, times this. */
export const UNBRANDED_FACTOR = 0.5;

/**
 * Price below reference. The ratio r = price / reference (both in USD).
 * Thresholds: a model's reference is its retail price (discounts of up to
 * half are common); a brand's reference is the lowest plausible new price of
 * anything it sells, so falling below even 80 % of it is already telling.
 */
export const PRICE_THRESHOLD_MODEL = 0.5;
export const PRICE_THRESHOLD_BRAND = 0.8;
/**
 * Used and refurbished goods sell far below retail legitimately, damaged ones even more; how far depends on the
 * goods. A luxury house's bags, watches, jewellery and the like hold much of their price on the resale market:
 * these factors. Everything else used sells for a fraction of its retail (product-type.ts holdsValueUsed):
 * electronics lose value with age and each new generation (a phone, console or pair of earbuds from a few years
 * back), clothes and shoes once worn, of any house (a vintage trench coat, worn sneakers), and a premium or
 * mass-market brand's bags and accessories, which have no resale market that holds: PRICE_CONDITION_FACTOR.
 * A luxury house's used piece holds a third or so of new: worn canvas bags sell at resellers for 25-40 % of the
 * house's cheapest new bag (a Speedy 30 graded B at 68,000-80,000 JPY in Japan, 725 USD "very good" in the US), so
 * "used" is 0.35 of the threshold, not half (half flagged such resales medium). A piece sold for parts or not working
 * holds nothing of that: it sells for its parts and materials, as any damaged item does (a 1970s watch "spares or
 * repairs" at a tenth of the house's cheapest new watch, a wallet sold as ジャンク at 5,000-15,000 JPY), so "damaged"
 * is the same share for both.
 */
export const PRICE_CONDITION_FACTOR_HOLDING = { new: 1, used: 0.35, refurbished: 0.6, damaged: 0.15 } as const;
export const PRICE_CONDITION_FACTOR = { new: 1, used: 0.25, refurbished: 0.35, damaged: 0.15 } as const;
/**
 * A device or console several generations before the one the pack prices: the used threshold is taken at this share
 * for each generation beyond the first. Used consoles sell at about 35-45 % of the current one's price one generation
 * back (a PlayStation 4), 20-25 % two back, 10-15 % three back (a PlayStation 2): about half again per generation.
 */
export const OLDER_GENERATION_SHARE = 0.5;
/**
 * A luxury house's piece decades old (a decade named: "1960s", "90s"; context.ts vintagePiece) is compared as a used one at
 * this share of the used threshold: vintage watches, bags and coats of the houses resell at a fraction of what a
 * recent used one fetches (a 1960s Seamaster, a 1990s nylon backpack, an 1980s trench coat at 15-30 % of the house's
 * current lowest price), the icons that hold more being priced as models the title then does not name.
 */
export const VINTAGE_SHARE = 0.5;
/** Groups of goods (product-types.json groups) that lose most of their value with age and each new generation. */
export const DEPRECIATING_GROUPS: readonly string[] = ["devices", "audio", "gaming", "storage"];
/** Groups of goods (product-types.json groups) worn on the body: once used, of any house, resold for a fraction. */
export const WORN_GROUPS: readonly string[] = ["clothing", "footwear"];
/**
 * Weight = clamp(BASE + SLOPE × log2(threshold / r), BASE, MAX): at the
 * threshold +1.2, at half of it +2.6, at a quarter +4 (a €20 "Rolex").
 */
export const PRICE_BASE = 1.2;
/**
 * The same price ratio says more for some brands than others, by tier
 * (luxury, premium, mass; the order of TIERS in layout.ts). Luxury houses do
 * not discount and have no outlets on marketplaces, so a luxury item far below
 * even the brand's floor is close to proof. Mass brands (Nike, Casio) are
 * discounted and cleared everywhere, so they get no boost; a factor below 1
 * for them was tried and cost more reps-sheet recall (one third of retail for
 * an adidas Gazelle) than it saved on the third-party check in eval-detect.
 */
export const PRICE_TIER_FACTOR = [1.25, 1, 1] as const;
/**
 * A watch house's own straps, bracelets and boxes sold alone cost a small share of its cheapest watch (the brand's
 * floor): an Omega strap at 200-450 USD against watches from about 2,000, a Rolex bracelet resold at some hundreds
 * against 5,500. One twentieth of the floor is below the share any of them is sold at, and far above what an
 * aftermarket strap named after the house costs (20-40 USD).
 */
export const WATCH_ACCESSORY_SHARE = 0.05;
export const PRICE_SLOPE = 1.4;
export const PRICE_MAX = 4.0;

/** The marketplace labels the store official / the brand's own web domain: strongest evidence of genuineness. */
export const W_SELLER_OFFICIAL = -4.5;
/** The seller is on the brand's list of authorised sellers for this marketplace. */
export const W_SELLER_AUTHORISED = -3.5;
/** The seller's name contains the brand, yet it is neither official nor authorised ("Eric Emanuel Official Store" on AliExpress). */
export const W_SELLER_IMPERSONATES = 1.0;

/**
 * Weak seller, each condition adds: fewer than SELLER_FEW_RATINGS ratings,
 * positive feedback under SELLER_LOW_POSITIVE %, member for less than
 * SELLER_NEW_DAYS. Small weights: plenty of honest new sellers exist.
 */
export const W_SELLER_FEW_RATINGS = 0.4;
export const W_SELLER_LOW_POSITIVE = 0.5;
export const W_SELLER_NEW = 0.4;
export const SELLER_FEW_RATINGS = 20;
export const SELLER_LOW_POSITIVE = 90;
export const SELLER_NEW_DAYS = 365;

/** Structured-data price differs from the visible one (bait pricing, or a page edited after indexing). */
export const W_PRICE_CONFLICT = 0.7;

/** Luxury brand sold by the lot or wholesale: luxury houses do not wholesale on marketplaces. */
export const W_BULK_LUXURY = 1.8;

/**
 * Accessory context ("case for iPhone", "适用 Apple"): the brand is named as
 * what the item fits, not what it is. The claim is withdrawn (its weight
 * cancelled) and price comparisons against the brand are skipped; this extra
 * amount lowers the score further.
 */
export const W_ACCESSORY = -0.8;

/**
 * Risk thresholds on the probability. "high" needs strong evidence (about
 * two independent signs); "medium" is "worth a second look". MEDIUM_AT is what
 * `npm run eval:detect`'s declared rule chooses with every source tuning: the
 * lowest cut-off that flags no genuine or ordinary listing of any corpus
 * (docs/evaluation.md); 0.5 before that rule.
 */
export const HIGH_AT = 0.8;
export const MEDIUM_AT = 0.45;

/** Negation reaches back at most this many words ("not a replica", "no es réplica") or CJK characters ("非高仿", "不是高仿"). */
export const NEGATION_WORDS = 3;
export const NEGATION_CJK_CHARS = 3;

/** Accessory phrases reach at most this many words to the brand ("case for Apple iPhone 15": "for" then "apple"). */
export const ACCESSORY_WORDS = 3;
export const ACCESSORY_CJK_CHARS = 4;

/**
 * Capacity against price (capacity.ts): a storage card, drive or power bank
 * priced below the lowest plausible price per GB (per 1000 mAh) of its kind.
 * Weight = min(MAX, BASE + SLOPE × log2(floor / price per unit)): alone it
 * reaches "medium"; high needs another sign.
 */
export const CAPACITY_BASE = 2.4;
export const CAPACITY_SLOPE = 0.5;
export const CAPACITY_MAX = 3.2;

/**
 * Bidi controls in the title (context.ts bidiUse): an override forcing a
 * direction on letters ("\u202Eekin" shows "nike") exists to show the
 * shopper another text than the one stored; stray embeddings or marks in a
 * title without right-to-left letters are a weaker sign.
 */
export const W_BIDI_OVERRIDE = 2.0;
export const W_BIDI_STRAY = 0.8;

/**
 * The listing's own brand field names no brand ("Generic", "Unbranded") or
 * another brand than the one its title claims: the seller's own record
 * disagrees with the claim.
 */
export const W_BRAND_FIELD_MISMATCH = 1.0;

/** The marketplace itself sells (Amazon.com, Walmart.com, 京东自营): it buys from the brand or its distributors. */
export const W_SELLER_MARKETPLACE = -3.0;

/**
 * "High" needs corroborated evidence: when the only sign beyond the brand
 * claim is the price and the brand is not a luxury house, the probability is
 * held just under HIGH_AT (mass and premium brands are discounted and
 * cleared everywhere, so a low price alone is not proof).
 */
export const PRICE_ALONE_CAP = 0.79;
