/**
 * compile(packs) → CompiledMatcher: merges the packs, folds every name, alias,
 * model, term and phrase with the same scanner used at score time, and builds
 * the typed-array hash tables the matcher probes.
 *
 * The work is a generator (`compileSteps`) that yields after every
 * COMPILE_SLICE brands or patterns of its loops, so the service worker can
 * compile a large pack in slices and answer messages in between
 * (`compileAsync`); `compile` runs the same steps in one call for the CLI,
 * tests and benchmarks.
 */
import type { BrandRule, RulePack, SellerRef, VocabTerm } from "../shared/pack.ts";
import { fillContext } from "./context-data.ts";
import { toUsd, usdRates } from "./currency.ts";
import { C_CJK, C_DIGIT, C_LETTER, leetLetter } from "./fold.ts";
import { type Buckets, buildBuckets, hashCodes, TYPO_MIN_LENGTH, typoKey } from "./hash-table.ts";
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
  withTables,
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
function merge(packs: RulePack[]): Merged {
  const brands = new Map<string, BrandRule>();
  const vocab = new Map<string, VocabTerm>();
  const acc = new Map<string, { phrase: string; position: "before" | "after" }>();
  for (const p of packs) {
    for (const b of p.brands) brands.set(b.id, b);
    for (const v of p.vocabulary) vocab.set(`${v.term.toLowerCase()}\u0000${v.lang}`, v);
    for (const a of p.accessoryPhrases) acc.set(`${a.phrase.toLowerCase()}\u0000${a.position}`, a);
  }
  return { brands: [...brands.values()], vocab: [...vocab.values()], accessory: [...acc.values()] };
}

/** Brands or patterns a compile loop handles between two yields. */
export const COMPILE_SLICE = 100;

/** Counts loop units; `due()` is true every COMPILE_SLICE units (the caller yields the count). */
class Slicer {
  n = 0;
  due(): boolean {
    return ++this.n >= COMPILE_SLICE;
  }
  take(): number {
    const n = this.n;
    this.n = 0;
    return n;
  }
}

function* collectPatterns(m: Merged, work: Slicer): Generator<number, RawPattern[]> {
  const out: RawPattern[] = [];
  for (const [bi, b] of m.brands.entries()) {
    for (const t of [b.name, ...b.aliases]) {
      out.push({ text: t, kind: K_BRAND, owner: bi, model: -1 });
      const coded = houseInserted(t);
      if (coded) out.push({ text: coded, kind: K_BRAND, owner: bi, model: -1 });
    }
    // Product lines sold under their own name claim the parent brand: "Yeezy" claims adidas, "Jordan" Nike.
    for (const line of b.lines ?? []) {
      for (const t of [line.name, ...line.aliases]) {
        out.push({ text: t, kind: K_BRAND, owner: bi, model: line.commonWord ? P_COMMON_LINE : -1 });
      }
    }
    if (work.due()) yield work.take();
  }
  let mi = 0;
  for (const [bi, b] of m.brands.entries()) {
    for (const model of b.models) {
      for (const t of [model.name, ...model.aliases]) out.push({ text: t, kind: K_MODEL, owner: bi, model: mi });
      mi++;
    }
    if (work.due()) yield work.take();
  }
  m.vocab.forEach((v, vi) => {
    out.push({ text: v.term, kind: K_VOCAB, owner: vi, model: -1 });
  });
  m.accessory.forEach((a, ai) => {
    out.push({ text: a.phrase, kind: a.position === "before" ? K_ACC_BEFORE : K_ACC_AFTER, owner: ai, model: -1 });
  });
  const lexicon: [readonly string[], number][] = [
    [NEGATORS_BEFORE, K_NEG_BEFORE],
    [NEGATORS_AFTER, K_NEG_AFTER],
    [BULK_WORDS, K_BULK],
    [QUANTITY_UNITS, K_QTY_UNIT],
    [FIT_WORDS, K_FIT],
    [DUPE_BEFORE, K_DUPE_BEFORE],
    [DUPE_AFTER, K_DUPE_AFTER],
  ];
  for (const [text, owner] of PRODUCT_TYPE_WORDS) out.push({ text, kind: K_PRODUCT, owner, model: -1 });
  for (const [words, kind] of lexicon) {
    words.forEach((text, owner) => {
      out.push({ text, kind, owner, model: -1 });
    });
  }
  return out;
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

/** Growable column builders. */
class I32 {
  a: number[] = [];
  push(v: number): void {
    this.a.push(v);
  }
  get length(): number {
    return this.a.length;
  }
  done(): Int32Array {
    return new Int32Array(this.a);
  }
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
  if (f.hasCjk) return false;
  if (f.tokens.length === 0) return true;
  // Digits alone are prices and sizes, except grade terms written with a separator ("1:1").
  if (f.tokens.every((t) => t.digit)) return brandSide || f.tokens.length < 2;
  const letters = f.classes.filter((c) => c === C_LETTER).length;
  return letters < 2 && f.tokens.length === 1;
}

function sellersOf(b: BrandRule): string {
  const enc = (kind: string, s: SellerRef) => `${kind}\u0002${s.marketplace}\u0002${s.name}\u0002${s.id ?? ""}`;
  return [...b.authorisedSellers.map((s) => enc("a", s)), ...b.officialStores.map((s) => enc("o", s))].join("\u0001");
}

export interface CompileOptions {
  now?: string;
}

export function compile(packs: RulePack[], opts: CompileOptions = {}): CompiledMatcher {
  const steps = compileSteps(packs, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same compile in slices: `pause()` is awaited between slices (in the
 * service worker: a macrotask, so queued messages are answered meanwhile).
 * `onSlice` sees the loop units of each slice (tests, measurements).
 */
export async function compileAsync(
  packs: RulePack[],
  opts: CompileOptions & { pause: () => Promise<void>; onSlice?: (units: number) => void },
): Promise<CompiledMatcher> {
  const steps = compileSteps(packs, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    opts.onSlice?.(step.value);
    await opts.pause();
  }
}

export function* compileSteps(packs: RulePack[], opts: CompileOptions = {}): Generator<number, CompiledMatcher> {
  const work = new Slicer();
  const merged = merge(packs);
  const rates = usdRates(packs.map((p) => p.exchangeRates));
  const raws = yield* collectPatterns(merged, work);
  const s = newScan(64);
  const empty = new Uint8Array(65536);

  const pKind: number[] = [];
  const pSide: number[] = [];
  const pOwner: number[] = [];
  const pModel: number[] = [];
  const pTok0: number[] = [];
  const pNTok: number[] = [];
  const pAnchor: number[] = [];
  const pTextOff = new I32();
  const pText: number[] = [];
  const pCompOff = new I32();
  const pComp: number[] = [];
  const pStr: string[] = [];
  const tokHash: number[] = [];
  const tokOff = new I32();
  const tokChars: number[] = [];
  const seen = new Set<string>();

  const addPattern = (r: RawPattern, f: Folded, single: number[] | null) => {
    const side =
      r.kind === K_BRAND || r.kind === K_MODEL
        ? SIDE_BRAND
        : r.kind === K_ACC_BEFORE || r.kind === K_ACC_AFTER || r.kind === K_PRODUCT || r.kind >= K_FIT
          ? SIDE_CONTEXT
          : SIDE_TERM;
    pKind.push(r.kind);
    pSide.push(side);
    pOwner.push(r.owner);
    pModel.push(r.model);
    pStr.push(r.text);
    pTextOff.push(pText.length);
    pText.push(...f.chars);
    pCompOff.push(pComp.length);
    if (side === SIDE_BRAND && !f.hasCjk) pComp.push(...compactOf(f));
    if (f.hasCjk) {
      pTok0.push(-1);
      pNTok.push(0);
      pAnchor.push(f.classes.indexOf(C_CJK));
      return;
    }
    pAnchor.push(-1);
    pTok0.push(tokHash.length);
    const toks = single
      ? [{ hash: hashCodes(single), chars: single }]
      : f.tokens.map((t) => ({ hash: t.hash, chars: f.chars.slice(t.start, t.end) }));
    pNTok.push(toks.length);
    for (const t of toks) {
      tokHash.push(t.hash);
      tokOff.push(tokChars.length);
      tokChars.push(...t.chars);
    }
  };

  for (const r of raws) {
    if (work.due()) yield work.take();
    const f = foldPattern(r.text, s, empty);
    const brandSide = r.kind === K_BRAND || r.kind === K_MODEL;
    if (tooAmbiguous(f, brandSide)) continue;
    const key = `${r.kind}\u0000${r.owner}\u0000${r.model}\u0000${String.fromCharCode(...f.chars)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    addPattern(r, f, null);
    // Multi-word names written as one word ("Offwhite", "Northface") match through a one-token alternative.
    if (brandSide && !f.hasCjk && f.tokens.length > 1 && f.tokens.every((t) => !t.digit)) {
      addPattern(r, f, compactOf(f));
    }
    // A model named after its kind of item takes the English plural too: "EE Basic Short" → "EE Basic Shorts".
    const plural = r.kind === K_MODEL ? pluralOf(r.text, f) : null;
    if (plural) {
      const pf = foldPattern(plural, s, empty);
      const pkey = `${r.kind}\u0000${r.owner}\u0000${r.model}\u0000${String.fromCharCode(...pf.chars)}`;
      if (!seen.has(pkey)) {
        seen.add(pkey);
        addPattern({ ...r, text: plural }, pf, null);
      }
    }
  }
  yield work.take();
  pTextOff.push(pText.length);
  pCompOff.push(pComp.length);
  tokOff.push(tokChars.length);

  const n = pKind.length;
  const d = emptyData();
  // Each column is one native copy; yield between them so no slice copies them all.
  d.pKind = new Uint8Array(pKind);
  d.pSide = new Uint8Array(pSide);
  d.pOwner = new Int32Array(pOwner);
  d.pModel = new Int32Array(pModel);
  yield work.take();
  d.pTok0 = new Int32Array(pTok0);
  d.pNTok = new Uint8Array(pNTok);
  d.pAnchor = new Int32Array(pAnchor);
  d.pTextOff = pTextOff.done();
  yield work.take();
  d.pText = new Uint16Array(pText);
  yield work.take();
  d.pCompOff = pCompOff.done();
  d.pComp = new Uint16Array(pComp);
  yield work.take();
  d.pStr = Strings.of(pStr);
  yield work.take();
  d.tokHash = new Int32Array(tokHash);
  d.tokOff = tokOff.done();
  yield work.take();
  d.tokChars = new Uint16Array(tokChars);
  yield work.take();
  yield* buildPatternTables(d, n, merged.brands, work);
  fillMeta(d, merged, rates, packs, opts.now ?? "");
  return withTables(d);
}

function* buildPatternTables(d: MatcherData, n: number, brands: BrandRule[], work: Slicer): Generator<number, void> {
  const brandK: number[] = [];
  const brandE: number[] = [];
  const termK: number[] = [];
  const termE: number[] = [];
  const cjkK: number[] = [];
  const cjkE: number[] = [];
  const compK: number[] = [];
  const compE: number[] = [];
  const buckK: number[] = [];
  const buckE: number[] = [];
  const typoK: number[] = [];
  const typoP: number[] = [];
  d.anchors = new Uint8Array(65536);
  // Insert in reverse so chains list patterns in pack order.
  for (let p = n - 1; p >= 0; p--) {
    if (work.due()) yield work.take();
    const side = d.pSide[p] as number;
    const anchor = d.pAnchor[p] as number;
    if (anchor >= 0) {
      const c = d.pText[(d.pTextOff[p] as number) + anchor] as number;
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
    const c0 = d.pCompOff[p] as number;
    const comp = Array.from(d.pComp.subarray(c0, d.pCompOff[p + 1] as number));
    if (comp.length < 3 || (d.pNTok[p] === 1 && isCompactAlt(d, p))) continue;
    compK.push(hashCodes(comp));
    compE.push(p);
    buckK.push(((comp[0] as number) << 16) | (comp[comp.length - 1] as number));
    buckE.push(p);
    const brand = brands[d.pOwner[p] as number];
    const lettersOnly = comp.every((c) => c >= 97 && c <= 122);
    const plainName = d.pKind[p] === K_BRAND && d.pModel[p] !== P_COMMON_LINE;
    if (plainName && brand && !brand.commonWord && comp.length >= TYPO_MIN_LENGTH && lettersOnly) {
      const hs = new Set<number>([typoKey(comp)]);
      for (let i = 0; i < comp.length; i++) hs.add(typoKey(comp, i));
      for (const h of hs) {
        typoK.push(h);
        typoP.push(p);
      }
    }
  }
  yield work.take();
  const set = (name: "brand" | "term" | "cjk" | "comp" | "bucket" | "typo", t: Buckets) => {
    const r = d as unknown as Record<string, Int32Array>;
    r[`${name}Start`] = t.start;
    r[`${name}Keys`] = t.keys;
    r[`${name}Pats`] = t.vals;
  };
  set("brand", buildBuckets(brandK, brandE));
  set("term", buildBuckets(termK, termE));
  set("cjk", buildBuckets(cjkK, cjkE));
  yield 0;
  set("comp", buildBuckets(compK, compE));
  set("bucket", buildBuckets(buckK, buckE));
  yield 0;
  set("typo", buildBuckets(typoK, typoP));
  yield 0;
}

/** The one-token alternative of a multi-word name: its text has more than its single token. */
function isCompactAlt(d: MatcherData, p: number): boolean {
  const t0 = d.pTok0[p] as number;
  const tokLen = (d.tokOff[t0 + 1] as number) - (d.tokOff[t0] as number);
  const textLen = (d.pTextOff[p + 1] as number) - (d.pTextOff[p] as number);
  return tokLen !== textLen;
}

function refUsd(amount: string | undefined, currency: string | undefined, rates: Map<string, number>): number {
  if (amount === undefined) return Number.NaN;
  return toUsd(amount, currency ?? null, rates);
}

function fillMeta(d: MatcherData, m: Merged, rates: Map<string, number>, packs: RulePack[], now: string): void {
  d.bId = Strings.of(m.brands.map((b) => b.id));
  d.bName = Strings.of(m.brands.map((b) => b.name));
  d.bTier = Uint8Array.from(m.brands.map((b) => Math.max(0, TIERS.indexOf(b.tier))));
  d.bCommon = Uint8Array.from(m.brands.map((b) => (b.commonWord ? 1 : 0)));
  d.bGroups = Int32Array.from(m.brands.map((b) => categoryGroups(b.categories)));
  d.bRefUsd = Float64Array.from(
    m.brands.map((b) => refUsd(b.referencePrice?.amount, b.referencePrice?.currency, rates)),
  );
  d.bDomains = Strings.of(m.brands.map((b) => b.domains.join(" ").toLowerCase()));
  const floors = m.brands.map((b) => (b.priceFloors ?? []).filter((f) => typeIndex(f.type) >= 0));
  const fStart = [0];
  for (const list of floors) fStart.push((fStart.at(-1) as number) + list.length);
  const flat = floors.flat();
  d.fStart = Int32Array.from(fStart);
  d.fType = Int32Array.from(flat.map((f) => typeIndex(f.type)));
  d.fAmount = Float64Array.from(flat.map((f) => Number(f.amount)));
  d.fCur = Strings.of(flat.map((f) => f.currency.toUpperCase()));
  d.fUsd = Float64Array.from(flat.map((f) => refUsd(f.amount, f.currency, rates)));
  d.bSellers = Strings.of(m.brands.map(sellersOf));
  const models = m.brands.flatMap((b, bi) => b.models.map((x) => ({ x, bi })));
  d.mBrand = Int32Array.from(models.map((e) => e.bi));
  d.mName = Strings.of(models.map((e) => e.x.name));
  d.mRefUsd = Float64Array.from(
    models.map((e) => refUsd(e.x.referencePrice?.amount, e.x.referencePrice?.currency, rates)),
  );
  d.vKind = Uint8Array.from(m.vocab.map((v) => Math.max(0, VOCAB_KINDS.indexOf(v.kind))));
  d.vWeight = Float64Array.from(m.vocab.map((v) => Math.min(5, Math.max(0, v.weight))));
  d.vTerm = Strings.of(m.vocab.map((v) => v.term));
  d.vLang = Strings.of(m.vocab.map((v) => v.lang));
  d.aPos = Uint8Array.from(m.accessory.map((a) => (a.position === "before" ? 0 : 1)));
  d.aPhrase = Strings.of(m.accessory.map((a) => a.phrase));
  d.rCur = Strings.of([...rates.keys()]);
  d.rUsd = Float64Array.from(rates.values());
  d.packId = Strings.of(packs.map((p) => p.id));
  d.packVer = Int32Array.from(packs.map((p) => p.version));
  d.meta = Strings.of([now]);
  fillContext(d, m.brands, packs);
}
