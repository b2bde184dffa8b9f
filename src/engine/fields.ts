/**
 * Reading one field of a listing: run the matcher, then, while the scan is
 * still in the scratch buffers, decide the context of each hit (negation of
 * a counterfeit term, accessory phrase next to a brand, wholesale quantities).
 */
import type { EvidenceSpan } from "../shared/verdict.ts";
import { fitWordsIn } from "./context.ts";
import { C_BOUND, C_CJK } from "./fold.ts";
import {
  type CompiledMatcher,
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
  P_COMMON_LINE,
  patternSource,
  SIDE_BRAND,
  SIDE_CONTEXT,
  SIDE_TERM,
} from "./layout.ts";
import { BULK_MIN_QUANTITY, isFitsListGlue } from "./lexicon.ts";
import { type Hit, HOW_APART, HOW_COMPACT, matchText, scratchOf } from "./matcher.ts";
import { isDisguised, otherKanaWord } from "./obfuscation.ts";
import { BRAND_WORD, typeFactor } from "./product-type.ts";
import { classAt, findWindows, type Scan, WINDOWS } from "./scan.ts";
import { ACCESSORY_CJK_CHARS, ACCESSORY_WORDS, NEGATION_CJK_CHARS, NEGATION_WORDS } from "./weights.ts";

/** A count of a crate right after a word of what fits: "case of 6", "case of 24" (not "case of 2": two cases). */
const COUNT_OF = /^\s+of\s+(?:[4-9]|\d\d)/i;

export type FieldName = EvidenceSpan["field"];

export interface BrandMention {
  brand: number;
  /** Model index when the hit is a model name, else -1. */
  model: number;
  /** The hit is a product line whose name is an ordinary word ("Jordan", "Essentials"): it needs product context. */
  commonLine: boolean;
  field: FieldName;
  span: EvidenceSpan;
  /** The original text hides the name (look-alikes, symbols, leetspeak, typo). */
  disguised: boolean;
  typo: boolean;
  /** An accessory phrase makes this a "fits X" mention, not a claim. */
  accessory: EvidenceSpan | null;
}

export interface TermMention {
  vocab: number;
  field: FieldName;
  span: EvidenceSpan;
  negated: boolean;
}

export interface FieldResult {
  brands: BrandMention[];
  terms: TermMention[];
  bulk: EvidenceSpan | null;
  /** Largest product-type factor named in the field (1 when none). */
  product: number;
  /** Product types named (indices into src/shared/product-types.json), in text order, no repeats. */
  types: number[];
  /**
   * Product types named only by a brand word ("pen", "figure": product-types.json brandWords), not in `types`: the
   * item's kind for a brand that sells its group, for no other. Their offsets are in itemAt like the others'.
   */
  brandTypes: number[];
  /** Original start offsets of the kinds of item named (product-types.json), in text order. */
  itemAt: number[];
  /** The kind of item (type index) named at each offset of itemAt. */
  itemType: number[];
  /** Original end offsets of the kinds of item named, beside itemAt. */
  itemEnd: number[];
  /** Kinds of item that fit a device (FIT_WORDS) and dupe phrases (DUPE_BEFORE/AFTER) named: original spans. */
  fits: EvidenceSpan[];
  dupeBefore: EvidenceSpan[];
  dupeAfter: EvidenceSpan[];
}

export function span(field: FieldName, text: string, start: number, end: number): EvidenceSpan {
  return { field, text: text.slice(start, end), start, end };
}

export function readField(
  m: CompiledMatcher,
  field: FieldName,
  text: string,
  sides: number,
  evasion: boolean,
  sparse = true,
): FieldResult {
  const out: FieldResult = {
    brands: [],
    terms: [],
    bulk: null,
    product: 1,
    types: [],
    brandTypes: [],
    itemAt: [],
    itemType: [],
    itemEnd: [],
    fits: [],
    dupeBefore: [],
    dupeAfter: [],
  };
  if (!text) return out;
  if (sparse && sides === SIDE_TERM && !evasion && text.length >= SPARSE_MIN && m.descMargin < 60) {
    const nw = findWindows(text, m.descBits, m.descMargin);
    if (nw >= 0) return readSparse(m, field, text, sides, nw, out);
  }
  const qty = readPart(m, field, text, 0, text.length, sides, evasion, out);
  if (qty.hits > 0 && !out.bulk) out.bulk = qty.bulk;
  return out;
}

/** Below this length the whole text is scanned: the pre-pass would not pay for itself. */
const SPARSE_MIN = 256;

/**
 * A long term-only field (the description) read through its candidate
 * windows (scan.ts findWindows): every hit lies in a window, hits in
 * different windows are too far apart to be near each other, and a quantity
 * needs a unit hit or "lot of" beside it, so the result is the one a full
 * scan gives. As in a full scan, no hit at all means no quantity either.
 */
function readSparse(
  m: CompiledMatcher,
  field: FieldName,
  text: string,
  sides: number,
  nw: number,
  out: FieldResult,
): FieldResult {
  if (nw === 0) return out;
  const win = WINDOWS.slice(0, 2 * nw);
  let hits = 0;
  let qty: EvidenceSpan | null = null;
  for (let w = 0; w < nw; w++) {
    const r = readPart(m, field, text, win[2 * w] as number, win[2 * w + 1] as number, sides, false, out);
    hits += r.hits;
    if (!qty) qty = r.bulk;
  }
  if (hits > 0 && !out.bulk) out.bulk = qty;
  return out;
}

const NO_HITS = { hits: 0, bulk: null };

/**
 * Matches text[from, to) and adds its mentions to `out`. Returns the number
 * of hits and the first quantity ("10 pcs") in that part, which counts only
 * when the field has some hit and no bulk phrase (the caller decides).
 */
function readPart(
  m: CompiledMatcher,
  field: FieldName,
  text: string,
  from: number,
  to: number,
  sides: number,
  evasion: boolean,
  out: FieldResult,
): { hits: number; bulk: EvidenceSpan | null } {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const hits = matchText(m, part, { sides, evasion });
  const s = scratchOf(m);
  const d = m.d;
  if (from !== 0) {
    for (const h of hits) {
      h.start += from;
      h.end += from;
    }
  }
  if (hits.length === 0)
    return from === 0 && to === text.length ? NO_HITS : { hits: 0, bulk: findQuantity(m, s, hits, field, text, from) };
  const byKind = (k: number) => hits.filter((h) => d.pKind[h.p] === k);
  const firstBrand = out.brands.length;
  const firstItem = out.itemAt.length;
  const firstFit = out.fits.length;
  const accBefore = byKind(K_ACC_BEFORE);
  const accAfter = byKind(K_ACC_AFTER);
  for (const h of hits) {
    const kind = d.pKind[h.p];
    if (kind === K_BRAND || kind === K_MODEL) {
      const sp = span(field, text, h.start, h.end);
      if (h.how === 0 && bareInitials(sp.text, patternSource(m, h.p))) continue;
      if (otherKanaWord(sp.text, patternSource(m, h.p))) continue;
      const acc =
        accBefore.find((a) => near(s, a, h)) ??
        accAfter.find((a) => !insideWord(s, a, h) && (near(s, h, a) || near(s, a, h))) ??
        null;
      out.brands.push({
        brand: d.pOwner[h.p] as number,
        model: kind === K_MODEL ? (d.pModel[h.p] as number) : -1,
        commonLine: kind === K_BRAND && d.pModel[h.p] === P_COMMON_LINE,
        field,
        span: sp,
        disguised: h.how !== HOW_APART && (h.how > HOW_COMPACT || isDisguised(sp.text, patternSource(m, h.p))),
        typo: h.how === 3,
        accessory: acc ? span(field, text, acc.start, acc.end) : null,
      });
    } else if (kind === K_VOCAB) {
      const negated =
        byKind(K_NEG_BEFORE).some((n) => near(s, n, h, NEGATION_WORDS, NEGATION_CJK_CHARS, true)) ||
        byKind(K_NEG_AFTER).some((n) => n.fs >= h.fe && n.fs - h.fe <= 1);
      out.terms.push({ vocab: d.pOwner[h.p] as number, field, span: span(field, text, h.start, h.end), negated });
    } else if (kind === K_PRODUCT) {
      const owner = d.pOwner[h.p] as number;
      const type = owner >= BRAND_WORD ? owner - BRAND_WORD : owner;
      if (owner >= BRAND_WORD) {
        // A brand word inside a longer kind of item is part of that one ("pen" in "pen drive").
        if (hits.some((o) => o !== h && d.pKind[o.p] === K_PRODUCT && o.start <= h.start && o.end >= h.end)) continue;
        if (!out.brandTypes.includes(type)) out.brandTypes.push(type);
      } else {
        out.product = Math.max(out.product, typeFactor(type));
        if (!out.types.includes(type)) out.types.push(type);
      }
      out.itemAt.push(h.start);
      out.itemType.push(type);
      out.itemEnd.push(h.end);
    } else if (kind === K_FIT) {
      // "case of 6", "case of 12 bottles": a case is also a count of bottles or cans, not what fits them.
      if (!COUNT_OF.test(text.slice(h.end, h.end + 12))) out.fits.push(span(field, text, h.start, h.end));
    } else if (kind === K_ACC_BEFORE || kind === K_ACC_AFTER) {
      // An accessory phrase that names what fits a device ("case for", "charger for") names it for every device in
      // the title: the fit word inside it, which the longer phrase took.
      for (const w of fitWordsIn(text.slice(h.start, h.end)))
        out.fits.push(span(field, text, h.start + w.start, h.start + w.end));
    } else if (kind === K_DUPE_BEFORE) {
      out.dupeBefore.push(span(field, text, h.start, h.end));
    } else if (kind === K_DUPE_AFTER) {
      out.dupeAfter.push(span(field, text, h.start, h.end));
    } else if (kind === K_BULK && !out.bulk) {
      out.bulk = span(field, text, h.start, h.end);
    }
  }
  dropDisguisedReadings(out.brands, firstBrand);
  listedDevices(out.brands, firstBrand, text);
  dropItemsInBrandNames(out, firstBrand, firstItem);
  dropFitsInNames(out, firstBrand, firstFit);
  return { hits: hits.length, bulk: out.bulk ? null : findQuantity(m, s, hits, field, text, from) };
}

/**
 * The devices an accessory lists after its phrase ("Charger for iPhone 15 14 13 Samsung Xiaomi Huawei"): a brand or
 * model named right after a mention the item fits, with only list glue between (lexicon.ts isFitsListGlue), is another
 * device it fits, with the same phrase. Mentions from the given index on, in the order of the text.
 */
function listedDevices(brands: BrandMention[], from: number, text: string): void {
  let any = false;
  for (let i = from; i < brands.length && !any; i++) any = brands[i]?.accessory != null;
  if (!any) return;
  const mine = brands.slice(from).sort((a, b) => a.span.start - b.span.start);
  let last: BrandMention | null = null;
  for (const x of mine) {
    if (x.accessory === null && last?.accessory && x.span.start >= last.span.end) {
      if (isFitsListGlue(text.slice(last.span.end, x.span.start))) x.accessory = last.accessory;
    }
    if (last === null || x.span.end > last.span.end) last = x;
  }
}

/** The field's i-th kind of item lies inside one of the spans. */
export function itemWithin(f: FieldResult, i: number, spans: readonly { start: number; end: number }[]): boolean {
  const at = f.itemAt[i] as number;
  const end = f.itemEnd[i] as number;
  return spans.some((sp) => sp.start <= at && end <= sp.end);
}

/**
 * Two letters written without the punctuation between them that a name has ("HR" for H&R, "DG" for D&G, "KN" for
 * K&N): an abbreviation ("24HR", "HR monitor"), not the name; with the punctuation ("H&R") it is the name.
 */
export function bareInitials(text: string, name: string): boolean {
  const letters = name.replace(/[^\p{L}\p{N}]/gu, "");
  return letters.length <= 2 && letters.length < name.length && /^[\p{L}\p{N}]+$/u.test(text);
}

/**
 * A word of what fits a device inside a brand's or model's own name is that name: "ソフト" (game software) in
 * "マイクロソフト" (Microsoft). Fits and mentions from the given indexes on.
 */
function dropFitsInNames(out: FieldResult, fromBrand: number, fromFit: number): void {
  if (fromFit >= out.fits.length || fromBrand >= out.brands.length) return;
  const names = out.brands.slice(fromBrand).map((b) => b.span);
  for (let i = out.fits.length - 1; i >= fromFit; i--) {
    const f = out.fits[i] as EvidenceSpan;
    if (names.some((n) => n.start <= f.start && f.end <= n.end && n.end - n.start > f.end - f.start))
      out.fits.splice(i, 1);
  }
}

/**
 * A kind of item named inside a brand's own name is not the item's kind: "DC Shoes t-shirt" is no shoe, "U.S.
 * Polo Assn. trunks" no polo, "Tommy Jeans cap" no jeans. A model's name keeps its kind ("Saddle bag"). Items and
 * mentions from the given indexes on, and only when the text names a kind outside every brand name as well.
 */
function dropItemsInBrandNames(out: FieldResult, fromBrand: number, fromItem: number): void {
  if (fromItem >= out.itemAt.length || fromBrand >= out.brands.length) return;
  const names = out.brands.slice(fromBrand).filter((b) => b.model < 0);
  if (names.length === 0) return;
  const spans = names.map((b) => b.span);
  const inName = (i: number) => itemWithin(out, i, spans);
  // Only when the text names a kind of item outside them too: "Calvin Klein Jeans" alone may well be jeans.
  let outside = false;
  for (let i = fromItem; i < out.itemAt.length; i++) if (!inName(i)) outside = true;
  if (!outside) return;
  let dropped = false;
  for (let i = out.itemAt.length - 1; i >= fromItem; i--) {
    if (!inName(i)) continue;
    out.itemAt.splice(i, 1);
    out.itemType.splice(i, 1);
    out.itemEnd.splice(i, 1);
    dropped = true;
  }
  if (dropped) {
    out.types = out.types.filter((t) => out.itemType.includes(t));
    out.brandTypes = out.brandTypes.filter((t) => out.itemType.includes(t));
  }
}

/**
 * A disguised reading of text that a name also matches plainly is no reading: "CEAT" is the tyre maker, not SEAT
 * through its Cyrillic spelling Сеат; "AJ3" is Nike's shorthand, not "Aje" in leetspeak. Mentions from `from` on.
 */
function dropDisguisedReadings(brands: BrandMention[], from: number): void {
  let disguised = false;
  for (let i = from; i < brands.length; i++) if (brands[i]?.disguised) disguised = true;
  if (!disguised) return;
  const plain = brands.slice(from).filter((b) => !b.disguised);
  if (plain.length === 0) return;
  for (let i = brands.length - 1; i >= from; i--) {
    const b = brands[i] as BrandMention;
    if (b.disguised && plain.some((p) => p.span.start <= b.span.start && b.span.end <= p.span.end)) brands.splice(i, 1);
  }
}

/**
 * `a` comes before `b` and is close: at most `words` tokens between them, or
 * `cjk` characters when either side is CJK. With `plain`, punctuation between
 * them breaks the link ("no box, replica" is not a negated replica).
 */
function near(s: Scan, a: Hit, b: Hit, words = ACCESSORY_WORDS, cjk = ACCESSORY_CJK_CHARS, plain = false): boolean {
  if (a.fe > b.fs) return false;
  let between = 0;
  let inWord = false;
  let hasCjk = false;
  for (let k = a.fe; k < b.fs; k++) {
    const c = classAt(s, k);
    if (c === C_CJK) hasCjk = true;
    if (c === C_BOUND) {
      inWord = false;
    } else if (c === C_CJK) {
      inWord = false;
    } else if (c === 1 || c === 2) {
      if (!inWord) between++;
      inWord = true;
    } else if (plain && s.fb[k] !== 39 && s.fb[k] !== 0x2019) {
      return false;
    }
  }
  const cjkSide = a.t0 < 0 || b.t0 < 0 || hasCjk;
  if (cjkSide && b.fs - a.fe <= cjk && between <= 1) return true;
  return !hasCjk && between <= words - 1 + (plain ? 0 : 1);
}

/**
 * A one-character phrase (Japanese and Chinese 用, "for") written right after another CJK character that is not the
 * brand's or model's own is the end of a word, not the phrase: 未使用 (unused), 着用 (worn), 男女兼用 (unisex), 男性用
 * (for men) say nothing of what the item fits. Right after the name ("ロレックス用", "iPhone 15 Pro用") it is the phrase;
 * 専用 and 专用 ("exclusively for") are phrases of their own.
 */
function insideWord(s: Scan, phrase: Hit, name: Hit): boolean {
  if (phrase.fe - phrase.fs !== 1 || phrase.fs === 0) return false;
  const before = phrase.fs - 1;
  return classAt(s, before) === C_CJK && !(before >= name.fs && before < name.fe);
}

/** "10 pcs", "lot of 12", "50件": a number of at least BULK_MIN_QUANTITY next to a unit or "lot of". */
function findQuantity(
  m: CompiledMatcher,
  s: Scan,
  hits: Hit[],
  field: FieldName,
  text: string,
  from: number,
): EvidenceSpan | null {
  const units = hits.filter((h) => m.d.pKind[h.p] === K_QTY_UNIT);
  for (let t = 0; t < s.nt; t++) {
    if (s.tk[t] !== 2) continue;
    const value = tokenNumber(s, t);
    if (value < BULK_MIN_QUANTITY) continue;
    const end = s.te[t] as number;
    const unit = units.find((u) => u.fs >= end && u.fs - end <= 1);
    const prev = t >= 2 ? `${tokenText(s, t - 2)} ${tokenText(s, t - 1)}` : "";
    if (unit || /^(lot|lots|set|pack|bundle) of$/.test(prev)) {
      const startTok = unit ? t : t - 2;
      const stop = unit ? unit.end : (s.fm[end] as number) + from;
      return span(field, text, (s.fm[s.ts[startTok] as number] as number) + from, stop);
    }
  }
  return null;
}

function tokenText(s: Scan, t: number): string {
  let out = "";
  for (let k = s.ts[t] as number; k < (s.te[t] as number); k++) out += String.fromCharCode(s.fb[k] as number);
  return out;
}

function tokenNumber(s: Scan, t: number): number {
  const len = (s.te[t] as number) - (s.ts[t] as number);
  return len > 6 ? 0 : Number(tokenText(s, t));
}

export { SIDE_BRAND, SIDE_CONTEXT, SIDE_TERM };
