/**
 * The compiled matcher's layout: flat typed arrays and string columns only, so
 * that serialising is a copy and loading is mostly zero-copy views. Every field
 * is listed in FIELDS in a fixed order; changing this list or the meaning of a
 * field requires bumping COMPILED_FORMAT_VERSION.
 */
import { runSteps, Slicer, type Steps, TIGHT_UNIT } from "../shared/slices.ts";
import { type Buckets, bucketShift } from "./hash-table.ts";
import { PRE_BITS_WORDS, PRE_HASH_BASE, preKey, type Scan } from "./scan.ts";
import { Strings } from "./strings.ts";
import { ACCESSORY_WORDS, NEGATION_WORDS } from "./weights.ts";

/** Bump whenever FIELDS, a field's meaning, folding or hashing changes: cached compiled forms are then refused. */
export const COMPILED_FORMAT_VERSION = 93;

/** Pattern kinds. */
export const K_BRAND = 0; // brand name or alias
export const K_MODEL = 1; // product line / model name or alias
export const K_VOCAB = 2; // counterfeit vocabulary term
export const K_ACC_BEFORE = 3; // accessory phrase before the brand: "case for", "适用"
export const K_ACC_AFTER = 4; // accessory phrase after the brand: "compatible", "支架"
export const K_NEG_BEFORE = 5;
export const K_NEG_AFTER = 6;
export const K_BULK = 7;
export const K_QTY_UNIT = 8;
export const K_PRODUCT = 9; // kind of item: "sneakers", "jacket", "包" (product-type.ts; owner = type index)
export const K_FIT = 10; // kind of item that fits a device: "case", "charger", "game" (lexicon.ts FIT_WORDS)
export const K_DUPE_BEFORE = 11; // names a brand as what an item imitates: "inspired by" (lexicon.ts DUPE_BEFORE)
export const K_DUPE_AFTER = 12; // the same after the brand: "dupe" (lexicon.ts DUPE_AFTER)
/**
 * A longer name holding a brand's name that names someone or something else (the brand's `notBrand`: "Steve
 * McQueen", "Gucci Mane", "Prada Marfa"): a brand-side pattern found only so that, being longer, it hides the
 * brand's hit inside it (matcher.ts resolveOverlaps), then dropped itself.
 */
export const K_NOT_BRAND = 13;

/** pModel of a K_BRAND pattern that is a brand's product line named by an ordinary word ("Jordan"): needs product context. */
export const P_COMMON_LINE = -2;

/** Which table a pattern lives in: brand-side patterns are only searched in title-like fields. */
export const SIDE_BRAND = 1;
export const SIDE_TERM = 2;
/** Accessory phrases: only looked for where brands are (title, specifics), never in the description. */
export const SIDE_CONTEXT = 4;

/** Vocabulary kinds as stored. */
export const VOCAB_KINDS = ["replica", "grade", "code", "unbranded"] as const;
export const TIERS = ["luxury", "premium", "mass"] as const;

export interface MatcherData {
  // patterns
  pKind: Uint8Array;
  pSide: Uint8Array;
  pOwner: Int32Array;
  pModel: Int32Array;
  pTok0: Int32Array;
  pNTok: Uint8Array;
  pAnchor: Int32Array;
  /**
   * Pattern text, compact form and tokens are ranges of one character pool,
   * `chars` (folded UTF-16 units): the folded text of pattern p is chars[pTextAt[p] ..
   * pTextAt[p] + pTextLen[p]); its compact form (letters and leet-read digits,
   * brand-side Latin patterns only, else empty) is the range at pCompAt/pCompLen,
   * the text's own range when the two are equal; token j of p is the range at
   * tokAt/tokLen of pTok0[p] + j, inside the text (or, for the one-token
   * alternative of a multi-word name, its compact form). A one-token
   * alternative shares its name's text and compact form.
   */
  pTextAt: Int32Array;
  pTextLen: Uint16Array;
  pCompAt: Int32Array;
  pCompLen: Uint16Array;
  chars: Uint16Array;
  /**
   * The pack's own spelling of each pattern (patternSource): one bit per unit of `chars`, set where the
   * pattern's text has an ASCII capital that folded to the small letter; patterns whose spelling is not their
   * folded text up to such capitals ("Moët", "Найк") are listed in srcP (ascending) with their text in srcText.
   */
  charsUpper: Uint8Array;
  srcP: Int32Array;
  srcText: Strings;
  // pattern tokens
  tokHash: Int32Array;
  tokAt: Int32Array;
  tokLen: Uint16Array;
  // tables (hash-table.ts Buckets: start offsets per bucket, keys, pattern per entry)
  brandStart: Int32Array;
  brandKeys: Int32Array;
  brandPats: Int32Array;
  termStart: Int32Array;
  termKeys: Int32Array;
  termPats: Int32Array;
  cjkStart: Int32Array;
  cjkKeys: Int32Array;
  cjkPats: Int32Array;
  anchors: Uint8Array;
  compStart: Int32Array;
  compKeys: Int32Array;
  compPats: Int32Array;
  bucketStart: Int32Array;
  bucketKeys: Int32Array;
  bucketPats: Int32Array;
  /** Typo index: symmetric-delete keys (hash-table.ts typoKey). */
  typoStart: Int32Array;
  typoKeys: Int32Array;
  typoPats: Int32Array;
  // brands
  bId: Strings;
  bName: Strings;
  bTier: Uint8Array;
  bCommon: Uint8Array;
  /** Groups of items the brand sells (product-type.ts categoryGroups), as bits. */
  bGroups: Int32Array;
  /** 1 when the brand's categories are given and none maps to a group of goods (an oil company, a spirit, a medicine). */
  bNoGoods: Uint8Array;
  /** 1 when the brand's categories are priced by each country's own regulation (product-types.json localPrices). */
  bLocalPrice: Uint8Array;
  bRefUsd: Float64Array;
  bDomains: Strings;
  bSellers: Strings;
  /** Price floors of brand b: entries fStart[b] .. fStart[b + 1] of the f* columns. */
  fStart: Int32Array;
  /** Product type index (src/shared/product-types.json). */
  fType: Int32Array;
  /** Floor in its own currency, and its currency; fUsd is the same converted (NaN when the rates lack it). */
  fAmount: Float64Array;
  fCur: Strings;
  fUsd: Float64Array;
  // models
  mBrand: Int32Array;
  mName: Strings;
  mRefUsd: Float64Array;
  // vocabulary and accessory phrases
  vKind: Uint8Array;
  vWeight: Float64Array;
  vTerm: Strings;
  vLang: Strings;
  aPos: Uint8Array;
  aPhrase: Strings;
  // exchange rates: USD per unit of each currency
  rCur: Strings;
  rUsd: Float64Array;
  // packs and compile options
  packId: Strings;
  packVer: Int32Array;
  meta: Strings;
  /** Per brand: the brand index of its owner (itself when it has none): brands of one owner are not a collaboration. */
  bOwner: Int32Array;
  /** Per model: 1 when naming the model alone claims its brand (ModelRule.distinctive, see context-data.ts). */
  mAlone: Uint8Array;
  /** Per currency of rCur: the date of its rate ("" for USD) and its typical yearly drift against USD (context-data.ts). */
  rDate: Strings;
  rDrift: Float64Array;
  /** Per brand: 1 when its goods are mostly made under licence by other makers (pack category "licensor"). */
  bLicensor: Uint8Array;
  /** Per brand: the usual full size, in ml, its prices are for (data/standard-sizes.json; 0: none). */
  bSizeMl: Int32Array;
  /** The packs' own words that are no misspellings of their names (RulePack.typoStopwords), folded as titles are. */
  typoStop: Strings;
}

export type FieldType = "i32" | "u8" | "u16" | "f64" | "str";

/** Serialisation order. */
export const FIELDS: readonly (readonly [keyof MatcherData, FieldType])[] = [
  ["pKind", "u8"],
  ["pSide", "u8"],
  ["pOwner", "i32"],
  ["pModel", "i32"],
  ["pTok0", "i32"],
  ["pNTok", "u8"],
  ["pAnchor", "i32"],
  ["pTextAt", "i32"],
  ["pTextLen", "u16"],
  ["pCompAt", "i32"],
  ["pCompLen", "u16"],
  ["chars", "u16"],
  ["charsUpper", "u8"],
  ["srcP", "i32"],
  ["srcText", "str"],
  ["tokHash", "i32"],
  ["tokAt", "i32"],
  ["tokLen", "u16"],
  ["brandStart", "i32"],
  ["brandKeys", "i32"],
  ["brandPats", "i32"],
  ["termStart", "i32"],
  ["termKeys", "i32"],
  ["termPats", "i32"],
  ["cjkStart", "i32"],
  ["cjkKeys", "i32"],
  ["cjkPats", "i32"],
  ["anchors", "u8"],
  ["compStart", "i32"],
  ["compKeys", "i32"],
  ["compPats", "i32"],
  ["bucketStart", "i32"],
  ["bucketKeys", "i32"],
  ["bucketPats", "i32"],
  ["typoStart", "i32"],
  ["typoKeys", "i32"],
  ["typoPats", "i32"],
  ["bId", "str"],
  ["bName", "str"],
  ["bTier", "u8"],
  ["bCommon", "u8"],
  ["bGroups", "i32"],
  ["bNoGoods", "u8"],
  ["bLocalPrice", "u8"],
  ["bRefUsd", "f64"],
  ["bDomains", "str"],
  ["bSellers", "str"],
  ["fStart", "i32"],
  ["fType", "i32"],
  ["fAmount", "f64"],
  ["fCur", "str"],
  ["fUsd", "f64"],
  ["mBrand", "i32"],
  ["mName", "str"],
  ["mRefUsd", "f64"],
  ["vKind", "u8"],
  ["vWeight", "f64"],
  ["vTerm", "str"],
  ["vLang", "str"],
  ["aPos", "u8"],
  ["aPhrase", "str"],
  ["rCur", "str"],
  ["rUsd", "f64"],
  ["packId", "str"],
  ["packVer", "i32"],
  ["meta", "str"],
  ["bOwner", "i32"],
  ["mAlone", "u8"],
  ["rDate", "str"],
  ["rDrift", "f64"],
  ["bLicensor", "u8"],
  ["bSizeMl", "i32"],
  ["typoStop", "str"],
];

/** The compiled matcher: data plus scratch buffers reused across `score` calls (never serialised). */
export interface CompiledMatcher {
  readonly format: number;
  readonly d: MatcherData;
  readonly tables: {
    brand: Buckets;
    term: Buckets;
    cjk: Buckets;
    comp: Buckets;
    bucket: Buckets;
    typo: Buckets;
  };
  /** Lazily created scan buffers; an optimisation invisible to callers. */
  scratch: Scan | null;
  /** Patterns' spellings made so far (patternSource), by pattern. */
  sources: string[];
  /** Per brand, the squashed names a model's name must hold to spell the brand out (score.ts ownNames), made lazily. */
  ownNames: ({ names: string[]; first: string } | undefined)[];
  /** Per model, the kinds of item its own name names (score.ts modelKinds: "Pikachu plush", plush), made lazily. */
  modelKinds: (readonly number[] | undefined)[];
  /** Model patterns per brand (CSR: patterns of brand b are modelPats[modelStart[b] .. modelStart[b + 1]]), built lazily for model typos. */
  byBrand: { modelStart: Int32Array; modelPats: Int32Array } | null;
  /** Name and alias patterns per brand (CSR, as patternsByBrand), built lazily for brandNames. */
  namesByBrand: { start: Int32Array; pats: Int32Array } | null;
  /** The packs' typo stopwords (MatcherData.typoStop) as a set, made when first asked (obfuscation.ts). */
  typoStop: ReadonlySet<string> | null;
  /** Per brand name pattern, its models a misspelling may target (obfuscation.ts typoTargets), built lazily. */
  typoTargets: Map<number, Int32Array>;
  /**
   * Bloom filter of the typo table's keys (two bits per key in 2^21 bits,
   * 256 KB: stays in cache where the 2 MB table does not), derived on load:
   * a typo window's deletion keys are tested here before any probe of the
   * table.
   */
  typoBits: Uint32Array;
  /**
   * Description pre-filter (derived on load, not serialised): one bit per
   * first-token key (scan.ts preKey: first and last letter, length) of every pattern searched in the
   * description (term table, SIDE_TERM), and the margin in words kept around
   * a candidate so that windowed matching equals matching the whole text
   * (fields.ts readSparse).
   */
  descBits: Uint32Array;
  descMargin: number;
}

/** Typo Bloom filter: 2^21 bits (256 KB), two bits per key (typoBit1, typoBit2): about 3 % false passes at 10,000 brands. */
export const TYPO_BITS_MASK = (1 << 21) - 1;
/** Words of the typo filter. */
export const TYPO_BITS_WORDS = (TYPO_BITS_MASK + 1) >>> 5;
export function typoBit2(h: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 11) & TYPO_BITS_MASK;
}

/** The description's pre-filter: PRE_BITS_WORDS words of first-token hash bits, and the word margin its windows need. */
export interface DescFilter {
  bits: Uint32Array;
  margin: number;
}

/** First-token hashes of the description's patterns, and the word margin its windows need. */
function* descFilterSteps(d: MatcherData, work: Slicer): Steps<DescFilter> {
  const bits = new Uint32Array(PRE_BITS_WORDS);
  let words = 1;
  // A unit of work per TIGHT_UNIT patterns, counted whole: fractions of a unit summed in floating point let a slice
  // end a fraction over its units when a whole unit follows.
  let tight = 0;
  const tick = () => ++tight % TIGHT_UNIT === 0 && work.tick();
  for (let e = 0; e < d.termPats.length; e++) {
    const p = d.termPats[e] as number;
    if (((d.pSide[p] as number) & SIDE_TERM) !== 0) words = Math.max(words, d.pNTok[p] as number);
    if (tick()) yield work.take();
  }
  for (let p = 0; p < d.pKind.length; p++) {
    if (tick()) yield work.take();
    if (((d.pSide[p] as number) & SIDE_TERM) === 0 || (d.pNTok[p] as number) === 0) continue;
    const t = d.pTok0[p] as number;
    const a = d.tokAt[t] as number;
    const len = d.tokLen[t] as number;
    if (len === 0) continue;
    const h = preKey(d.chars[a] as number, d.chars[a + len - 1] as number, len);
    bits[h >>> 5] = (bits[h >>> 5] as number) | (1 << (h & 31));
    const x = PRE_HASH_BASE + ((d.tokHash[t] as number) & 0xffff);
    bits[x >>> 5] = (bits[x >>> 5] as number) | (1 << (x & 31));
  }
  // CJK-table patterns may reach back over Latin words and spaces ("AAA 货"): count their words too.
  for (let p = 0; p < d.pKind.length; p++) {
    if (tick()) yield work.take();
    if (((d.pSide[p] as number) & SIDE_TERM) === 0) continue;
    let n = 1;
    const at = d.pTextAt[p] as number;
    for (let k = at; k < at + (d.pTextLen[p] as number); k++) if (d.chars[k] === 32) n++;
    words = Math.max(words, n);
  }
  return { bits, margin: Math.max(words, NEGATION_WORDS, ACCESSORY_WORDS) + 2 };
}

function* typoBitsSteps(d: MatcherData, work: Slicer): Steps<Uint32Array> {
  const bits = new Uint32Array(TYPO_BITS_WORDS);
  for (let i = 0; i < d.typoKeys.length; i += TIGHT_UNIT) {
    setTypoBits(bits, d.typoKeys, i, Math.min(d.typoKeys.length, i + TIGHT_UNIT));
    if (work.tick()) yield work.take();
  }
  return bits;
}

/** Sets the filter bits of typo keys [from, to). */
function setTypoBits(bits: Uint32Array, keys: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const h = (keys[i] as number) & TYPO_BITS_MASK;
    bits[h >>> 5] = (bits[h >>> 5] as number) | (1 << (h & 31));
    const g = typoBit2(keys[i] as number);
    bits[g >>> 5] = (bits[g >>> 5] as number) | (1 << (g & 31));
  }
}

/** Patterns of one kind per brand, as CSR (patterns of brand b: pats[start[b] .. start[b + 1]]). */
function patternsByBrand(d: MatcherData, kind: number): { start: Int32Array; pats: Int32Array } {
  const nb = d.bId.length;
  const start = new Int32Array(nb + 1);
  for (let p = 0; p < d.pKind.length; p++) {
    if (d.pKind[p] === kind) {
      const b = (d.pOwner[p] as number) + 1;
      start[b] = (start[b] as number) + 1;
    }
  }
  for (let b = 0; b < nb; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const fill = start.slice(0, nb);
  const pats = new Int32Array(start[nb] as number);
  for (let p = 0; p < d.pKind.length; p++) {
    if (d.pKind[p] !== kind) continue;
    const b = d.pOwner[p] as number;
    pats[fill[b] as number] = p;
    fill[b] = (fill[b] as number) + 1;
  }
  return { start, pats };
}

/** Model patterns of each brand, derived from pKind/pOwner (not serialised: one pass over the patterns). */
export function modelsByBrand(m: CompiledMatcher): { modelStart: Int32Array; modelPats: Int32Array } {
  if (m.byBrand) return m.byBrand;
  const { start, pats } = patternsByBrand(m.d, K_MODEL);
  m.byBrand = { modelStart: start, modelPats: pats };
  return m.byBrand;
}

/** The folded names (name and aliases) of each brand, built once when first asked. */
export function brandNames(m: CompiledMatcher, brand: number): string[] {
  m.namesByBrand ??= patternsByBrand(m.d, K_BRAND);
  const { start, pats } = m.namesByBrand;
  const d = m.d;
  const out: string[] = [];
  for (let i = start[brand] as number; i < (start[brand + 1] as number); i++) {
    const p = pats[i] as number;
    const at = d.pTextAt[p] as number;
    out.push(String.fromCharCode(...d.chars.subarray(at, at + (d.pTextLen[p] as number))));
  }
  return out;
}

/**
 * Pattern p as the pack spells it ("Rolex", "Moët & Chandon"): its folded text with its capitals back, or its
 * listed text. Kept once made (a score reads the few patterns it hit).
 */
export function patternSource(m: CompiledMatcher, p: number): string {
  const known = m.sources[p];
  if (known !== undefined) return known;
  const d = m.d;
  let lo = 0;
  let hi = d.srcP.length - 1;
  let out: string | null = null;
  while (lo <= hi && out === null) {
    const mid = (lo + hi) >>> 1;
    const q = d.srcP[mid] as number;
    if (q === p) out = d.srcText.at(mid) as string;
    else if (q < p) lo = mid + 1;
    else hi = mid - 1;
  }
  if (out === null) {
    out = "";
    const at = d.pTextAt[p] as number;
    for (let k = at; k < at + (d.pTextLen[p] as number); k++) {
      const c = d.chars[k] as number;
      out += String.fromCharCode(((d.charsUpper[k >>> 3] as number) & (1 << (k & 7))) !== 0 ? c - 32 : c);
    }
  }
  m.sources[p] = out;
  return out;
}

function bucketsOf(start: Int32Array, keys: Int32Array, vals: Int32Array): Buckets {
  return { start, keys, vals, shift: bucketShift(start) };
}

export function withTables(d: MatcherData): CompiledMatcher {
  return runSteps(withTablesSteps(d, new Slicer()));
}

/** The derived lookup filters, in slices (one pass over the patterns and the typo keys). */
export function* withTablesSteps(d: MatcherData, work: Slicer): Steps<CompiledMatcher> {
  const desc = yield* descFilterSteps(d, work);
  const typoBits = yield* typoBitsSteps(d, work);
  return assemble(d, desc, typoBits);
}

/**
 * The matcher from its columns and the description and typo filters stored
 * beside them (serialize.ts): no pass over the patterns or the typo keys (in a
 * cold worker the loop over the keys, run before the engine optimised it,
 * took longer than reading the filter's 256 KB).
 */
export function withStoredTables(d: MatcherData, desc: DescFilter, typoBits: Uint32Array): CompiledMatcher {
  return assemble(d, desc, typoBits);
}

function assemble(d: MatcherData, desc: DescFilter, typoBits: Uint32Array): CompiledMatcher {
  return {
    format: COMPILED_FORMAT_VERSION,
    d,
    tables: {
      brand: bucketsOf(d.brandStart, d.brandKeys, d.brandPats),
      term: bucketsOf(d.termStart, d.termKeys, d.termPats),
      cjk: bucketsOf(d.cjkStart, d.cjkKeys, d.cjkPats),
      comp: bucketsOf(d.compStart, d.compKeys, d.compPats),
      bucket: bucketsOf(d.bucketStart, d.bucketKeys, d.bucketPats),
      typo: bucketsOf(d.typoStart, d.typoKeys, d.typoPats),
    },
    scratch: null,
    sources: [],
    ownNames: [],
    modelKinds: [],
    byBrand: null,
    namesByBrand: null,
    typoTargets: new Map(),
    typoStop: null,
    typoBits,
    descBits: desc.bits,
    descMargin: desc.margin,
  };
}

const NO_STRINGS = Strings.of([]);

/** A matcher with no rules: the shape compile fills and deserialize reads into. */
export function emptyData(): MatcherData {
  const i = () => new Int32Array(0);
  const u8 = () => new Uint8Array(0);
  const u16 = () => new Uint16Array(0);
  const f = () => new Float64Array(0);
  return {
    pKind: u8(),
    pSide: u8(),
    pOwner: i(),
    pModel: i(),
    pTok0: i(),
    pNTok: u8(),
    pAnchor: i(),
    pTextAt: i(),
    pTextLen: u16(),
    pCompAt: i(),
    pCompLen: u16(),
    chars: u16(),
    charsUpper: u8(),
    srcP: i(),
    srcText: NO_STRINGS,
    tokHash: i(),
    tokAt: i(),
    tokLen: u16(),
    brandStart: i(),
    brandKeys: i(),
    brandPats: i(),
    termStart: i(),
    termKeys: i(),
    termPats: i(),
    cjkStart: i(),
    cjkKeys: i(),
    cjkPats: i(),
    anchors: u8(),
    compStart: i(),
    compKeys: i(),
    compPats: i(),
    bucketStart: i(),
    bucketKeys: i(),
    bucketPats: i(),
    typoStart: i(),
    typoKeys: i(),
    typoPats: i(),
    bId: NO_STRINGS,
    bName: NO_STRINGS,
    bTier: u8(),
    bCommon: u8(),
    bGroups: i(),
    bNoGoods: u8(),
    bLocalPrice: u8(),
    bRefUsd: f(),
    bDomains: NO_STRINGS,
    bSellers: NO_STRINGS,
    fStart: i(),
    fType: i(),
    fAmount: f(),
    fCur: NO_STRINGS,
    fUsd: f(),
    bOwner: i(),
    mAlone: u8(),
    rDate: NO_STRINGS,
    rDrift: f(),
    bLicensor: u8(),
    bSizeMl: i(),
    mBrand: i(),
    mName: NO_STRINGS,
    mRefUsd: f(),
    vKind: u8(),
    vWeight: f(),
    vTerm: NO_STRINGS,
    vLang: NO_STRINGS,
    aPos: u8(),
    aPhrase: NO_STRINGS,
    rCur: NO_STRINGS,
    rUsd: f(),
    packId: NO_STRINGS,
    packVer: i(),
    meta: NO_STRINGS,
    typoStop: NO_STRINGS,
  };
}
