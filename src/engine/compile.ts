/**
 * compile(packs) → CompiledMatcher: merges the packs, folds every name, alias,
 * model, term and phrase with the same scanner used at score time, and builds
 * the typed-array hash tables the matcher probes.
 *
 * The work is a generator (`compileSteps`) that yields after every
 * COMPILE_SLICE units of work (brands, patterns, blocks of copies: every phase,
 * from the merge to the lookup filters, see shared/slices.ts), so the service
 * worker can compile a large pack in slices and answer messages in between
 * (`compileAsync`); `compile` runs the same steps in one call for the CLI,
 * tests and benchmarks. Columns grow in fixed chunks (columns.ts) and patterns
 * are deduplicated in a typed-array table, so a million patterns leave no
 * million-element arrays of boxed numbers or key strings for the collector.
 */
import type { BrandRule, RulePack, SellerRef, VocabTerm } from "../shared/pack.ts";
import { LOCAL_PRICE_CATEGORIES } from "../shared/product-types.ts";
import { driveSteps, runSteps, SLICE_UNITS, Slicer, type Steps } from "../shared/slices.ts";
import { type Column, f64, i32, u8, u16 } from "./columns.ts";
import { fillContextSteps } from "./context-data.ts";
import { toUsd, usdRates } from "./currency.ts";
import { C_CJK, C_DIGIT, C_LETTER, isSpacelessAlphabet, leetLetter } from "./fold.ts";
import { buildBucketsSteps, FNV_OFFSET, fnvStep, hashCodes, TYPO_MIN_LENGTH, typoKey } from "./hash-table.ts";
import {
  type CompiledMatcher,
  emptyData,
  K_ACC_AFTER,
  K_ACC_BEFORE,
  K_BRAND,
  K_BULK,
  K_DUPE_AFTER,
  K_DUPE_BEFORE,
  K_FIT,
  K_MODEL,
  K_NEG_AFTER,
  K_NEG_BEFORE,
  K_NOT_BRAND,
  K_PRODUCT,
  K_QTY_UNIT,
  K_VOCAB,
  type MatcherData,
  P_COMMON_LINE,
  SIDE_BRAND,
  SIDE_CONTEXT,
  SIDE_TERM,
  TIERS,
  VOCAB_KINDS,
  withTablesSteps,
} from "./layout.ts";
import {
  BULK_WORDS,
  DUPE_AFTER,
  DUPE_BEFORE,
  FIT_WORDS,
  NEGATORS_AFTER,
  NEGATORS_BEFORE,
  QUANTITY_UNITS,
} from "./lexicon.ts";
import { normalize } from "./normalize.ts";
import { ENGINE_TYPO_STOPWORDS } from "./obfuscation.ts";
import { categoryGroups, PRODUCT_TYPE_WORDS, typeIndex } from "./product-type.ts";
import { classAt, newScan, type Scan, scanTextCold as scanText } from "./scan.ts";
import { Strings } from "./strings.ts";

interface RawPattern {
  text: string;
  kind: number;
  owner: number;
  model: number;
}

interface Merged {
  brands: BrandRule[];
  vocab: VocabTerm[];
  accessory: { phrase: string; position: "before" | "after" }[];
}

/** Merges packs: brands by id and vocabulary by term, later packs in the array winning. */
function* merge(packs: RulePack[], work: Slicer): Steps<Merged> {
  const brands = new Map<string, BrandRule>();
  const vocab = new Map<string, VocabTerm>();
  const acc = new Map<string, { phrase: string; position: "before" | "after" }>();
  for (const p of packs) {
    for (const b of p.brands) {
      brands.set(b.id, b);
      if (work.tick()) yield work.take();
    }
    for (const v of p.vocabulary) {
      vocab.set(`${v.term.toLowerCase()}\u0000${v.lang}`, v);
      if (work.tick()) yield work.take();
    }
    for (const a of p.accessoryPhrases) {
      acc.set(`${a.phrase.toLowerCase()}\u0000${a.position}`, a);
      if (work.tick()) yield work.take();
    }
  }
  const out: Merged = { brands: [], vocab: [], accessory: [] };
  for (const b of brands.values()) {
    out.brands.push(b);
    if (work.tick()) yield work.take();
  }
  for (const v of vocab.values()) out.vocab.push(v);
  for (const x of acc.values()) out.accessory.push(x);
  return out;
}

/** Units of work (brands, patterns, blocks of copies) a compile slice does at most, between two yields. */
export const COMPILE_SLICE = SLICE_UNITS;

/** Upper bound of the raw patterns `rawPatterns` gives (a brand per unit of work). */
function* rawCount(m: Merged, work: Slicer): Steps<number> {
  let n = m.vocab.length + m.accessory.length + PRODUCT_TYPE_WORDS.length;
  for (const [words] of LEXICON) n += words.length;
  for (const b of m.brands) {
    n += 2 * (1 + b.aliases.length);
    for (const line of b.lines ?? []) n += 1 + line.aliases.length;
    for (const model of b.models) n += 1 + model.aliases.length;
    n += b.notBrand?.length ?? 0;
    if (work.tick()) yield work.take();
  }
  return n;
}

const LEXICON: [readonly string[], number][] = [
  [NEGATORS_BEFORE, K_NEG_BEFORE],
  [NEGATORS_AFTER, K_NEG_AFTER],
  [BULK_WORDS, K_BULK],
  [QUANTITY_UNITS, K_QTY_UNIT],
  [FIT_WORDS, K_FIT],
  [DUPE_BEFORE, K_DUPE_BEFORE],
  [DUPE_AFTER, K_DUPE_AFTER],
];

/** The raw patterns in compile order, one at a time (never all in memory at once). */
function* rawPatterns(m: Merged): Generator<RawPattern> {
  for (const [bi, b] of m.brands.entries()) {
    for (const t of [b.name, ...b.aliases]) {
      yield { text: t, kind: K_BRAND, owner: bi, model: -1 };
      const coded = houseInserted(t);
      if (coded) yield { text: coded, kind: K_BRAND, owner: bi, model: -1 };
    }
    // Product lines sold under their own name claim the parent brand: "Yeezy" claims adidas, "Jordan" Nike.
    for (const line of b.lines ?? []) {
      for (const t of [line.name, ...line.aliases]) {
        yield { text: t, kind: K_BRAND, owner: bi, model: line.commonWord ? P_COMMON_LINE : -1 };
      }
    }
    for (const t of b.notBrand ?? []) yield { text: t, kind: K_NOT_BRAND, owner: bi, model: -1 };
  }
  let mi = 0;
  for (const [bi, b] of m.brands.entries()) {
    for (const model of b.models) {
      for (const t of [model.name, ...model.aliases]) yield { text: t, kind: K_MODEL, owner: bi, model: mi };
      mi++;
    }
  }
  for (const [vi, v] of m.vocab.entries()) yield { text: v.term, kind: K_VOCAB, owner: vi, model: -1 };
  for (const [ai, a] of m.accessory.entries()) {
    yield { text: a.phrase, kind: a.position === "before" ? K_ACC_BEFORE : K_ACC_AFTER, owner: ai, model: -1 };
  }
  for (const [text, owner] of PRODUCT_TYPE_WORDS) yield { text, kind: K_PRODUCT, owner, model: -1 };
  for (const [words, kind] of LEXICON) {
    for (const [owner, text] of words.entries()) yield { text, kind, owner, model: -1 };
  }
}

/**
 * The replica trade's "house" disguise of a Chinese brand name: 家 inserted
 * after its first character (潘多拉 → 潘家多拉 Pandora, 天梭 → 天家梭 Tissot,
 * 香奈儿 → 香家奈儿 Chanel). Only for names of 2 to 4 Han characters; the
 * result is at least three characters that are the whole brand name plus 家,
 * never an ordinary word. Returns null when not applicable.
 */
export function houseInserted(name: string): string | null {
  if (!/^\p{Script=Han}{2,4}$/u.test(name) || name.includes("家")) return null;
  return `${name.slice(0, 1)}家${name.slice(1)}`;
}

interface Folded {
  chars: number[];
  classes: number[];
  tokens: { start: number; end: number; hash: number; digit: boolean }[];
  hasCjk: boolean;
}

function foldPattern(text: string, s: Scan, empty: Uint8Array): Folded {
  scanText(text, s, empty, 0);
  const chars: number[] = [];
  const classes: number[] = [];
  let hasCjk = false;
  for (let k = 0; k < s.n; k++) {
    chars.push(s.fb[k] as number);
    classes.push(classAt(s, k));
    if (classAt(s, k) === C_CJK) hasCjk = true;
  }
  const tokens = [];
  for (let t = 0; t < s.nt; t++) {
    tokens.push({ start: s.ts[t] as number, end: s.te[t] as number, hash: s.th[t] as number, digit: s.tk[t] === 2 });
  }
  return { chars, classes, tokens, hasCjk };
}

/**
 * Whether pattern p's own text holds a digit. Such a name has no typo keys: its compact form reads the digits as
 * letters (for names written in leet, "WE11DONE"), so one changed letter of an ordinary word would reach a number
 * ("Superme", Supreme misspelt, read as Super73 through "superte"); the name is still found as written and in leet.
 */
function hasDigit(
  d: { chars: ArrayLike<number>; pTextAt: ArrayLike<number>; pTextLen: ArrayLike<number> },
  p: number,
): boolean {
  const at = d.pTextAt[p] as number;
  for (let k = at; k < at + (d.pTextLen[p] as number); k++) {
    const c = d.chars[k] as number;
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Letters and leet-read digits only: the form obfuscated text is compared in ("Air Jordan" → "airjordan", "We11done" → "weiidone"). */
function compactOf(f: Folded): number[] {
  const out: number[] = [];
  for (let k = 0; k < f.chars.length; k++) {
    const cls = f.classes[k];
    const c = f.chars[k] as number;
    if (cls === C_LETTER) out.push(c);
    else if (cls === C_DIGIT) out.push(leetLetter(c));
  }
  return out;
}

/**
 * The English plural of a multi-word model name whose last word is a
 * lowercase-able Latin noun of at least 3 letters not already ending in s
 * ("Basic Short" → "Basic Shorts", "Box Logo Tee" → "Box Logo Tees"), or
 * null. Single words are left alone: "Pegasus", "Superstar" are names.
 */
function pluralOf(text: string, f: Folded): string | null {
  if (f.hasCjk || f.tokens.length < 2) return null;
  const last = f.tokens[f.tokens.length - 1];
  if (!last || last.digit || last.end - last.start < 3 || last.end !== f.chars.length) return null;
  const c = f.chars[last.end - 1] as number;
  if (c < 97 || c > 122 || c === 115 || c === 120 || c === 121) return null;
  return /[A-Za-z]$/.test(text) ? `${text}s` : null;
}

/** A pattern is too ambiguous to index: a lone letter, digits only ("350"), or nothing left after folding. */
function tooAmbiguous(f: Folded, brandSide: boolean): boolean {
  // An alphabet written without spaces (Thai, Lao, Myanmar, Khmer) matches inside any word: a name of fewer than
  // SEA_NAME_MIN of its letters is one syllable, found inside many words ("โบส" for Bose inside "โบสถ์", a temple).
  if (f.hasCjk) return brandSide && f.chars.length < SEA_NAME_MIN && f.chars.every(isSpacelessAlphabet);
  if (f.tokens.length === 0) return true;
  // Digits alone are prices and sizes, except grade terms written with a separator ("1:1").
  if (f.tokens.every((t) => t.digit)) return brandSide || f.tokens.length < 2;
  const letters = f.classes.filter((c) => c === C_LETTER).length;
  return letters < 2 && f.tokens.length === 1;
}

/** Fewest letters of a name in an alphabet written without spaces for it to be matched inside a run of text. */
export const SEA_NAME_MIN = 4;

/**
 * The compiler's own rules, counted: bump when it makes other columns from the same packs and word lists (which
 * names get typo keys, which alias forms it adds). Part of the digest that names each compiled format
 * (format-version.test.ts), so such a change needs a new COMPILED_FORMAT_VERSION too. 1: names with digits get no
 * typo keys. 2: a brand's `notBrand` names are brand-side patterns of their own kind (K_NOT_BRAND). 3: small kana
 * fold to their full-size letters (fold.ts KANA_BASE), in the patterns as in the text.
 */
export const COMPILER_REVISION = 3;

function sellersOf(b: BrandRule): string {
  const enc = (kind: string, s: SellerRef) => `${kind}\u0002${s.marketplace}\u0002${s.name}\u0002${s.id ?? ""}`;
  return [...b.authorisedSellers.map((s) => enc("a", s)), ...b.officialStores.map((s) => enc("o", s))].join("\u0001");
}

export interface CompileOptions {
  now?: string;
}

export function compile(packs: RulePack[], opts: CompileOptions = {}): CompiledMatcher {
  return runSteps(compileSteps(packs, opts));
}

/**
 * The same compile in slices: `pause()` is awaited between slices (in the
 * service worker: a macrotask, so queued messages are answered meanwhile).
 * `onSlice` sees the units of work of each slice (tests, measurements).
 */
export function compileAsync(
  packs: RulePack[],
  opts: CompileOptions & { pause: () => Promise<void>; onSlice?: (units: number) => void },
): Promise<CompiledMatcher> {
  return driveSteps(compileSteps(packs, opts), opts.pause, opts.onSlice);
}

/**
 * Patterns already added, keyed by kind, owner, model and folded text: an
 * open-addressing table of pattern indexes (+1) over the pattern columns,
 * sized once from an upper bound of the raw patterns (no rehash, no key
 * strings).
 */
class SeenPatterns {
  private readonly table: Int32Array;
  private readonly mask: number;
  constructor(
    maxEntries: number,
    private readonly cols: { kind: Column<Uint8Array>; owner: Column<Int32Array>; model: Column<Int32Array> },
    private readonly text: { at: Column<Int32Array>; len: Column<Uint16Array>; chars: Column<Uint16Array> },
  ) {
    let size = 16;
    while (size < maxEntries * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  private slot(r: RawPattern, chars: number[]): number {
    let h = fnvStep(fnvStep(fnvStep(FNV_OFFSET, r.kind), r.owner), r.model);
    for (const c of chars) h = fnvStep(h, c & 0xffff);
    let i = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      const p = (this.table[i] as number) - 1;
      if (p < 0 || this.same(p, r, chars)) return i;
      i = (i + 1) & this.mask;
    }
  }

  private same(p: number, r: RawPattern, chars: number[]): boolean {
    if (this.cols.kind.get(p) !== (r.kind & 0xff) || this.cols.owner.get(p) !== r.owner) return false;
    if (this.cols.model.get(p) !== r.model) return false;
    const at = this.text.at.get(p);
    if (this.text.len.get(p) !== chars.length) return false;
    for (let k = 0; k < chars.length; k++)
      if (this.text.chars.get(at + k) !== ((chars[k] as number) & 0xffff)) return false;
    return true;
  }

  has(r: RawPattern, chars: number[]): boolean {
    return this.table[this.slot(r, chars)] !== 0;
  }

  /** Records pattern `p`, whose key is (r, chars); its text must already be in the columns. */
  add(r: RawPattern, chars: number[], p: number): void {
    this.table[this.slot(r, chars)] = p + 1;
  }
}

/** Whether `text` is `folded` with some small ASCII letters written as capitals: then the capital bits spell it. */
function spelledByFolded(text: string, folded: number[]): boolean {
  if (text.length !== folded.length) return false;
  for (let k = 0; k < folded.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== folded[k] && !(c >= 65 && c <= 90 && c + 32 === folded[k])) return false;
  }
  return true;
}

function sameCodes(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The most units one pattern text, compact form or token may have (their lengths are stored as u16). */
const MAX_PATTERN_UNITS = 0xffff;

export function* compileSteps(packs: RulePack[], opts: CompileOptions = {}): Steps<CompiledMatcher> {
  const work = new Slicer();
  const merged = yield* merge(packs, work);
  const rates = usdRates(packs.map((p) => p.exchangeRates));
  const maxRaw = yield* rawCount(merged, work);
  const s = newScan(64);
  const empty = new Uint8Array(65536);
  // Ordinary words (the engine's typo stopwords and the packs'): a multi-word name whose words glued together make one
  // ("Ace & Tate": "acetate", "Li-Ning": "lining") is not read in that one word.
  const packStopwords = typoStopwords(packs);
  const packOrdinary = new Set(packStopwords);
  const ordinary = (word: string) => ENGINE_TYPO_STOPWORDS.has(word) || packOrdinary.has(word);

  const pKind = u8();
  const pSide = u8();
  const pOwner = i32();
  const pModel = i32();
  const pTok0 = i32();
  const pNTok = u8();
  const pAnchor = i32();
  const pTextAt = i32();
  const pTextLen = u16();
  const pCompAt = i32();
  const pCompLen = u16();
  const chars = u16();
  const charsUpper = u8();
  let upperByte = 0;
  const srcP = i32();
  const srcText: string[] = [];
  const tokHash = i32();
  const tokAt = i32();
  const tokLen = u16();
  // Every raw pattern adds at most two keys: its own and its plural's.
  const seen = new SeenPatterns(
    2 * maxRaw,
    { kind: pKind, owner: pOwner, model: pModel },
    { at: pTextAt, len: pTextLen, chars },
  );

  /** Appends units to the pool, with their capital bits when `text` is spelled by them; returns where they start. */
  const pushChars = (units: number[], text: string | null): number => {
    const at = chars.length;
    if (units.length > MAX_PATTERN_UNITS)
      throw new Error(`compile: pattern too long once folded (${units.length} units)`);
    for (let k = 0; k < units.length; k++) {
      const i = at + k;
      if (text !== null && text.charCodeAt(k) !== units[k]) upperByte |= 1 << (i & 7);
      chars.push(units[k] as number);
      if ((i & 7) === 7) {
        charsUpper.push(upperByte);
        upperByte = 0;
      }
    }
    return at;
  };

  /** Adds pattern r; `alt`: the one-token alternative of the multi-word name added just before (same text). */
  const addPattern = (r: RawPattern, f: Folded, alt: boolean) => {
    const p = pKind.length;
    const side =
      r.kind === K_BRAND || r.kind === K_MODEL || r.kind === K_NOT_BRAND
        ? SIDE_BRAND
        : r.kind === K_ACC_BEFORE || r.kind === K_ACC_AFTER || r.kind === K_PRODUCT || r.kind >= K_FIT
          ? SIDE_CONTEXT
          : SIDE_TERM;
    pKind.push(r.kind);
    pSide.push(side);
    pOwner.push(r.owner);
    pModel.push(r.model);
    // Names only: another's name is found as written, never disguised.
    const comp = (r.kind === K_BRAND || r.kind === K_MODEL) && !f.hasCjk ? compactOf(f) : null;
    let textAt: number;
    if (alt) {
      textAt = pTextAt.get(p - 1);
      pCompAt.push(pCompAt.get(p - 1));
      pCompLen.push(pCompLen.get(p - 1));
      if (srcP.length > 0 && srcP.get(srcP.length - 1) === p - 1) {
        srcP.push(p);
        srcText.push(r.text);
      }
    } else {
      const spelled = spelledByFolded(r.text, f.chars);
      textAt = pushChars(f.chars, spelled ? r.text : null);
      if (!spelled) {
        srcP.push(p);
        srcText.push(r.text);
      }
      if (comp === null || comp.length === 0) {
        pCompAt.push(0);
        pCompLen.push(0);
      } else {
        pCompAt.push(sameCodes(comp, f.chars) ? textAt : pushChars(comp, null));
        pCompLen.push(comp.length);
      }
    }
    pTextAt.push(textAt);
    pTextLen.push(f.chars.length);
    if (f.hasCjk) {
      pTok0.push(-1);
      pNTok.push(0);
      pAnchor.push(f.classes.indexOf(C_CJK));
      return;
    }
    pAnchor.push(-1);
    pTok0.push(tokHash.length);
    if (alt) {
      pNTok.push(1);
      tokHash.push(hashCodes(comp ?? []));
      tokAt.push(pCompAt.get(p));
      tokLen.push(pCompLen.get(p));
      return;
    }
    pNTok.push(f.tokens.length);
    for (const t of f.tokens) {
      tokHash.push(t.hash);
      tokAt.push(textAt + t.start);
      tokLen.push(t.end - t.start);
    }
  };
  /** Adds a pattern and records its key (kind, owner, model, folded text). */
  const addKeyed = (r: RawPattern, f: Folded) => {
    const p = pKind.length;
    addPattern(r, f, false);
    seen.add(r, f.chars, p);
  };

  for (const r of rawPatterns(merged)) {
    if (work.tick()) yield work.take();
    const f = foldPattern(r.text, s, empty);
    const brandSide = r.kind === K_BRAND || r.kind === K_MODEL;
    if (tooAmbiguous(f, brandSide)) continue;
    if (seen.has(r, f.chars)) continue;
    addKeyed(r, f);
    // Multi-word names written as one word ("Offwhite", "Northface") match through a one-token alternative, unless
    // that word is an ordinary one (gluedIsOrdinary).
    if (brandSide && !f.hasCjk && f.tokens.length > 1 && f.tokens.every((t) => !t.digit)) {
      if (!gluedIsOrdinary(r.text, compactOf(f), ordinary)) addPattern(r, f, true);
    }
    // A name in an alphabet written without spaces, listed with spaces between its words ("หลุยส์ วิตตอง"), is
    // also written solid in titles ("กระเป๋าหลุยส์วิตตอง").
    const solid = brandSide && f.hasCjk ? r.text.replace(/\s+/gu, "") : r.text;
    if (solid !== r.text && [...solid].every((c) => isSpacelessAlphabet(c.codePointAt(0) ?? 0))) {
      const sf = foldPattern(solid, s, empty);
      if (!seen.has(r, sf.chars)) addKeyed({ ...r, text: solid }, sf);
    }
    // A model named after its kind of item takes the English plural too: "EE Basic Short" → "EE Basic Shorts".
    const plural = r.kind === K_MODEL ? pluralOf(r.text, f) : null;
    if (plural) {
      const pf = foldPattern(plural, s, empty);
      if (!seen.has(r, pf.chars)) addKeyed({ ...r, text: plural }, pf);
    }
  }
  yield work.take();
  if ((chars.length & 7) !== 0) charsUpper.push(upperByte);

  const n = pKind.length;
  const d = emptyData();
  d.pKind = yield* pKind.build(work);
  d.pSide = yield* pSide.build(work);
  d.pOwner = yield* pOwner.build(work);
  d.pModel = yield* pModel.build(work);
  d.pTok0 = yield* pTok0.build(work);
  d.pNTok = yield* pNTok.build(work);
  d.pAnchor = yield* pAnchor.build(work);
  d.pTextAt = yield* pTextAt.build(work);
  d.pTextLen = yield* pTextLen.build(work);
  d.pCompAt = yield* pCompAt.build(work);
  d.pCompLen = yield* pCompLen.build(work);
  d.chars = yield* chars.build(work);
  d.charsUpper = yield* charsUpper.build(work);
  d.srcP = yield* srcP.build(work);
  d.srcText = yield* Strings.ofSteps(srcText, work);
  d.tokHash = yield* tokHash.build(work);
  d.tokAt = yield* tokAt.build(work);
  d.tokLen = yield* tokLen.build(work);
  yield* buildPatternTables(d, n, merged.brands, work);
  yield* fillMeta(d, merged, rates, packs, opts.now ?? "", work);
  d.typoStop = Strings.of(packStopwords);
  return yield* withTablesSteps(d, work);
}

function* buildPatternTables(d: MatcherData, n: number, brands: BrandRule[], work: Slicer): Steps<void> {
  const brandK = i32();
  const brandE = i32();
  const termK = i32();
  const termE = i32();
  const cjkK = i32();
  const cjkE = i32();
  const compK = i32();
  const compE = i32();
  const buckK = i32();
  const buckE = i32();
  const typoK = i32();
  const typoP = i32();
  d.anchors = new Uint8Array(65536);
  // One array for every pattern's compact form and one for its typo keys, refilled (no arrays per pattern).
  const comp: number[] = [];
  const keys: number[] = [];
  // Insert in reverse so chains list patterns in pack order.
  for (let p = n - 1; p >= 0; p--) {
    if (work.tick()) yield work.take();
    const side = d.pSide[p] as number;
    const anchor = d.pAnchor[p] as number;
    if (anchor >= 0) {
      const c = d.chars[(d.pTextAt[p] as number) + anchor] as number;
      cjkK.push(c);
      cjkE.push(p);
      d.anchors[c] = (d.anchors[c] as number) | side;
    } else if (side === SIDE_BRAND) {
      brandK.push(d.tokHash[d.pTok0[p] as number] as number);
      brandE.push(p);
    } else {
      termK.push(d.tokHash[d.pTok0[p] as number] as number);
      termE.push(p);
    }
    const c0 = d.pCompAt[p] as number;
    const clen = d.pCompLen[p] as number;
    if (clen < 3 || (d.pNTok[p] === 1 && isCompactAlt(d, p))) continue;
    comp.length = 0;
    let lettersOnly = true;
    for (let k = c0; k < c0 + clen; k++) {
      const c = d.chars[k] as number;
      comp.push(c);
      if (c < 97 || c > 122) lettersOnly = false;
    }
    compK.push(hashCodes(comp));
    compE.push(p);
    buckK.push(((comp[0] as number) << 16) | (comp[clen - 1] as number));
    buckE.push(p);
    const brand = brands[d.pOwner[p] as number];
    const plainName = d.pKind[p] === K_BRAND && d.pModel[p] !== P_COMMON_LINE;
    if (plainName && brand && !brand.commonWord && clen >= TYPO_MIN_LENGTH && lettersOnly && !hasDigit(d, p)) {
      // The whole name's key, then each 1-deletion's, every distinct key once, in that order.
      keys.length = 0;
      keys.push(typoKey(comp));
      for (let i = 0; i < clen; i++) {
        const h = typoKey(comp, i);
        if (!keys.includes(h)) keys.push(h);
      }
      for (const h of keys) {
        typoK.push(h);
        typoP.push(p);
      }
    }
  }
  const r = d as unknown as Record<string, Int32Array>;
  const tables: [string, Column<Int32Array>, Column<Int32Array>][] = [
    ["brand", brandK, brandE],
    ["term", termK, termE],
    ["cjk", cjkK, cjkE],
    ["comp", compK, compE],
    ["bucket", buckK, buckE],
    ["typo", typoK, typoP],
  ];
  for (const [name, keys, vals] of tables) {
    const t = yield* buildBucketsSteps(yield* keys.build(work), yield* vals.build(work), work);
    r[`${name}Start`] = t.start;
    r[`${name}Keys`] = t.keys;
    r[`${name}Pats`] = t.vals;
  }
}

/**
 * A multi-word name's words glued together make an ordinary word (a typo stopword: a dictionary word near the packs'
 * names), so that word is no way of writing the name: "acetate" is no Ace & Tate, "lining" no Li-Ning, "project" no
 * Pro-Ject. Not for words joined by an apostrophe, which writers drop ("Levis", "Tods", "Loreal"), nor for initials
 * ("M·A·C", "e.l.f."), which are written glued.
 */
export function gluedIsOrdinary(
  text: string,
  letters: readonly number[],
  ordinary: (word: string) => boolean,
): boolean {
  return gluedMayBeOrdinary(text) && ordinary(String.fromCharCode(...letters));
}

/** A name whose glued words may be an ordinary word: not joined by an apostrophe, not initials (gluedIsOrdinary). */
export function gluedMayBeOrdinary(name: string): boolean {
  if (/['’ʼ`´]/u.test(name)) return false;
  return name.split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 1);
}

let gluedScan: { s: Scan; empty: Uint8Array } | undefined;

/**
 * The one word a multi-word brand or model name written glued would be, folded as the compiler folds it ("Ace &
 * Tate": "acetate"), when it may be an ordinary word (gluedMayBeOrdinary); null for a name of one word, with a
 * number, in CJK, or that keeps its glued form. What `pack build` checks against the dictionary is the compiler's own
 * reading of the name.
 */
export function gluedForm(name: string): string | null {
  if (!gluedMayBeOrdinary(name)) return null;
  gluedScan ??= { s: newScan(64), empty: new Uint8Array(65536) };
  const f = foldPattern(name, gluedScan.s, gluedScan.empty);
  if (f.hasCjk || f.tokens.length < 2 || f.tokens.some((t) => t.digit)) return null;
  return String.fromCharCode(...compactOf(f));
}

/** The one-token alternative of a multi-word name: its text has more than its single token. */
function isCompactAlt(d: MatcherData, p: number): boolean {
  return d.tokLen[d.pTok0[p] as number] !== d.pTextLen[p];
}

function refUsd(amount: string | undefined, currency: string | undefined, rates: Map<string, number>): number {
  if (amount === undefined) return Number.NaN;
  return toUsd(amount, currency ?? null, rates);
}

/** Every pack's typo stopwords, folded as the scan folds a title's letters, once each, sorted. */
function typoStopwords(packs: readonly RulePack[]): string[] {
  const out = new Set<string>();
  for (const p of packs) for (const w of p.typoStopwords ?? []) out.add(normalize(w).text.replace(/[^\p{L}]/gu, ""));
  out.delete("");
  return [...out].sort();
}

/** The per-brand, per-model and per-pack columns: a brand (with its models and floors) per unit of work. */
function* fillMeta(
  d: MatcherData,
  m: Merged,
  rates: Map<string, number>,
  packs: RulePack[],
  now: string,
  work: Slicer,
): Steps<void> {
  const bId: string[] = [];
  const bName: string[] = [];
  const bDomains: string[] = [];
  const bSellers: string[] = [];
  const bTier = u8();
  const bCommon = u8();
  const bGroups = i32();
  const bNoGoods = u8();
  const bLocalPrice = u8();
  const bRefUsd = f64();
  const fStart = i32();
  const fType = i32();
  const fAmount = f64();
  const fCur: string[] = [];
  const fUsd = f64();
  const mBrand = i32();
  const mName: string[] = [];
  const mRefUsd = f64();
  let floors = 0;
  fStart.push(0);
  for (const [bi, b] of m.brands.entries()) {
    bId.push(b.id);
    bName.push(b.name);
    bTier.push(Math.max(0, TIERS.indexOf(b.tier)));
    bCommon.push(b.commonWord ? 1 : 0);
    const groups = categoryGroups(b.categories);
    bGroups.push(groups);
    bNoGoods.push(b.categories.length > 0 && groups === 0 ? 1 : 0);
    bLocalPrice.push(b.categories.some((c) => LOCAL_PRICE_CATEGORIES.includes(c)) ? 1 : 0);
    bRefUsd.push(refUsd(b.referencePrice?.amount, b.referencePrice?.currency, rates));
    bDomains.push(b.domains.join(" ").toLowerCase());
    bSellers.push(sellersOf(b));
    for (const f of b.priceFloors ?? []) {
      if (typeIndex(f.type) < 0) continue;
      fType.push(typeIndex(f.type));
      fAmount.push(Number(f.amount));
      fCur.push(f.currency.toUpperCase());
      fUsd.push(refUsd(f.amount, f.currency, rates));
      floors++;
    }
    fStart.push(floors);
    for (const x of b.models) {
      mBrand.push(bi);
      mName.push(x.name);
      mRefUsd.push(refUsd(x.referencePrice?.amount, x.referencePrice?.currency, rates));
    }
    if (work.tick()) yield work.take();
  }
  d.bId = yield* Strings.ofSteps(bId, work);
  d.bName = yield* Strings.ofSteps(bName, work);
  d.bTier = yield* bTier.build(work);
  d.bCommon = yield* bCommon.build(work);
  d.bGroups = yield* bGroups.build(work);
  d.bNoGoods = yield* bNoGoods.build(work);
  d.bLocalPrice = yield* bLocalPrice.build(work);
  d.bRefUsd = yield* bRefUsd.build(work);
  d.bDomains = yield* Strings.ofSteps(bDomains, work);
  d.fStart = yield* fStart.build(work);
  d.fType = yield* fType.build(work);
  d.fAmount = yield* fAmount.build(work);
  d.fCur = yield* Strings.ofSteps(fCur, work);
  d.fUsd = yield* fUsd.build(work);
  d.bSellers = yield* Strings.ofSteps(bSellers, work);
  d.mBrand = yield* mBrand.build(work);
  d.mName = yield* Strings.ofSteps(mName, work);
  d.mRefUsd = yield* mRefUsd.build(work);
  // Vocabulary, phrases, rates and packs: bounded by the pack limits to a few thousand entries.
  d.vKind = Uint8Array.from(m.vocab.map((v) => Math.max(0, VOCAB_KINDS.indexOf(v.kind))));
  d.vWeight = Float64Array.from(m.vocab.map((v) => Math.min(5, Math.max(0, v.weight))));
  d.vTerm = yield* Strings.ofSteps(
    m.vocab.map((v) => v.term),
    work,
  );
  d.vLang = yield* Strings.ofSteps(
    m.vocab.map((v) => v.lang),
    work,
  );
  d.aPos = Uint8Array.from(m.accessory.map((a) => (a.position === "before" ? 0 : 1)));
  d.aPhrase = yield* Strings.ofSteps(
    m.accessory.map((a) => a.phrase),
    work,
  );
  d.rCur = Strings.of([...rates.keys()]);
  d.rUsd = Float64Array.from(rates.values());
  d.packId = Strings.of(packs.map((p) => p.id));
  d.packVer = Int32Array.from(packs.map((p) => p.version));
  d.meta = Strings.of([now]);
  yield* fillContextSteps(d, m.brands, packs, work);
}
