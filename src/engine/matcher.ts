/**
 * The multi-pattern matcher: probes the compiled token tables once per token
 * (Latin scripts, word-aware) and the CJK anchor table once per flagged CJK
 * character (substring), then, in title-like fields, looks for obfuscated
 * and typo-squatted names (obfuscation.ts).
 */
import { C_CJK, C_DIGIT, C_LETTER, isCjk } from "./fold.ts";
import { bucketOf } from "./hash-table.ts";
import { type CompiledMatcher, K_NOT_BRAND, type MatcherData, SIDE_BRAND, SIDE_CONTEXT, SIDE_TERM } from "./layout.ts";
import { findObfuscated } from "./obfuscation.ts";
import { classAt, GAP_HARD, newScan, origEnd, type Scan, scanText, TOK_DIGIT } from "./scan.ts";

/** How a hit was found: plainly, or through an evasion the obfuscation pass undid. */
export const HOW_EXACT = 0;
export const HOW_COMPACT = 1; // separators, leetspeak, spaced letters: "N.I.K.E", "N1ke", "N i k e"
export const HOW_WILDCARD = 2; // masking symbols: "N*KE", "A⭐R J⭐R⭐AN"
export const HOW_TYPO = 3; // bounded edit distance: "New Balannce"
export const HOW_APART = 4; // a model's own words away from its brand name: "adidas football boots Predator"
export const HOW_SPLIT = 5; // a one-word name split by a space where it is not two words: "Rol ex", "Gu cci"

export interface Hit {
  /** Pattern index. */
  p: number;
  /** Offsets into the original field text. */
  start: number;
  end: number;
  /** Token range [t0, t1) or -1 for CJK hits; folded range [fs, fe). */
  t0: number;
  t1: number;
  fs: number;
  fe: number;
  how: number;
}

export interface MatchOptions {
  /** SIDE_BRAND and/or SIDE_TERM. */
  sides: number;
  /** Look for obfuscated and typo-squatted names (title-like fields only: it costs more per token). */
  evasion: boolean;
}

export function scratchOf(m: CompiledMatcher): Scan {
  if (!m.scratch) m.scratch = newScan(1024);
  return m.scratch;
}

export function matchText(m: CompiledMatcher, text: string, opts: MatchOptions): Hit[] {
  const s = scratchOf(m);
  scanText(text, s, m.d.anchors, opts.sides);
  const hits: Hit[] = [];
  matchTokens(m, s, opts.sides, hits);
  matchCjk(m, s, opts.sides, hits);
  if (opts.evasion && (opts.sides & SIDE_BRAND) !== 0) findObfuscated(m, s, hits);
  return resolveOverlaps(m.d, hits);
}

function matchTokens(m: CompiledMatcher, s: Scan, sides: number, hits: Hit[]): void {
  const d = m.d;
  const brand = (sides & SIDE_BRAND) !== 0 && d.brandKeys.length > 0 ? m.tables.brand : null;
  const term = (sides & (SIDE_TERM | SIDE_CONTEXT)) !== 0 && d.termKeys.length > 0 ? m.tables.term : null;
  const th = s.th;
  for (let t = 0; t < s.nt; t++) {
    const h = th[t] as number;
    if (brand) {
      const b = bucketOf(h, brand.shift);
      const end = brand.start[b + 1] as number;
      for (let e = brand.start[b] as number; e < end; e++) {
        if (brand.keys[e] === h) tryLatin(d, s, brand.vals[e] as number, t, hits);
      }
    }
    if (term) {
      const b = bucketOf(h, term.shift);
      const end = term.start[b + 1] as number;
      for (let e = term.start[b] as number; e < end; e++) {
        if (term.keys[e] !== h) continue;
        const p = term.vals[e] as number;
        if (((d.pSide[p] as number) & sides) !== 0) tryLatin(d, s, p, t, hits);
      }
    }
  }
}

/** Verifies a Latin pattern at token t: every token equal (hash, then characters, so hash collisions never match). */
function tryLatin(d: MatcherData, s: Scan, p: number, t: number, hits: Hit[]): void {
  const n = d.pNTok[p] as number;
  if (t + n > s.nt) return;
  const tok0 = d.pTok0[p] as number;
  for (let j = 0; j < n; j++) {
    if (j > 0 && s.tg[t + j - 1] === GAP_HARD) return;
    if (s.th[t + j] !== d.tokHash[tok0 + j]) return;
    const a = d.tokAt[tok0 + j] as number;
    const len = d.tokLen[tok0 + j] as number;
    const fs = s.ts[t + j] as number;
    if ((s.te[t + j] as number) - fs !== len) return;
    for (let k = 0; k < len; k++) if (s.fb[fs + k] !== d.chars[a + k]) return;
  }
  const fs = s.ts[t] as number;
  const fe = s.te[t + n - 1] as number;
  if (n > 1 && s.tk[t] === TOK_DIGIT && !sameText(d, s, p, fs, fe)) return;
  hits.push({ p, start: s.fm[fs] as number, end: origEnd(s, fe - 1), t0: t, t1: t + n, fs, fe, how: 0 });
}

/** Patterns starting with digits ("1:1") must match their separators exactly: "1.1" and "1-1" are sizes and versions. */
function sameText(d: MatcherData, s: Scan, p: number, fs: number, fe: number): boolean {
  const off = d.pTextAt[p] as number;
  if ((d.pTextLen[p] as number) !== fe - fs) return false;
  for (let k = 0; k < fe - fs; k++) if (s.fb[fs + k] !== d.chars[off + k]) return false;
  return true;
}

function isWordChar(cls: number): boolean {
  return cls === C_LETTER || cls === C_DIGIT;
}

/** A katakana letter or the long-vowel mark; not the middle dot (・) or double hyphen (゠) that separate words. */
function isKatakana(c: number): boolean {
  return c > 0x30a0 && c <= 0x30ff && c !== 0x30fb;
}

function allKatakana(chars: ArrayLike<number>, off: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (!isKatakana(chars[off + j] as number)) return false;
  return true;
}

/**
 * Katakana writes loanwords without spaces between them, and a name of two or three katakana is a syllable group
 * found inside many of them ("アグ", UGG, read as the アク of "アクアリッチ"; "リー", Lee, the end of "ウォータリー";
 * "シック", Schick, inside "クラシック"; "フィラ", FILA, opening "フィラメント"): such a name (of a brand or model) counts
 * only as a katakana word of its own, with no katakana right before or after it ("アグ ブーツ", "【アグ】",
 * "ナイキのスニーカー"); a longer one is also found glued to the next word ("エルメススカーフ"). Words of kinds of
 * item and of counterfeit wording are parts of compounds ("ショルダーバッグ", "スーパーコピー") and keep being found
 * inside them.
 */
const KATAKANA_NAME_ALONE = 3;

function insideKatakanaWord(s: Scan, start: number, end: number): boolean {
  return (start > 0 && isKatakana(s.fb[start - 1] as number)) || (end < s.n && isKatakana(s.fb[end] as number));
}

function matchCjk(m: CompiledMatcher, s: Scan, sides: number, hits: Hit[]): void {
  const d = m.d;
  for (let i = 0; i < s.ncjk; i++) {
    const k = s.cjk[i] as number;
    const cjk = m.tables.cjk;
    const c = s.fb[k] as number;
    const b = bucketOf(c, cjk.shift);
    for (let e = cjk.start[b] as number; e < (cjk.start[b + 1] as number); e++) {
      if (cjk.keys[e] !== c) continue;
      const p = cjk.vals[e] as number;
      if (((d.pSide[p] as number) & sides) === 0) continue;
      const off = d.pTextAt[p] as number;
      const len = d.pTextLen[p] as number;
      const start = k - (d.pAnchor[p] as number);
      if (start < 0 || start + len > s.n) continue;
      let ok = true;
      for (let j = 0; j < len && ok; j++) ok = s.fb[start + j] === d.chars[off + j];
      if (!ok) continue;
      // A Latin part at either end must still be a whole word: "D家" is not the end of "AD家".
      const first = d.chars[off] as number;
      const last = d.chars[off + len - 1] as number;
      if (start > 0 && !isCjk(first) && isWordChar(classAt(s, start - 1))) continue;
      if (start + len < s.n && !isCjk(last) && isWordChar(classAt(s, start + len))) continue;
      if (
        len <= KATAKANA_NAME_ALONE &&
        d.pSide[p] === SIDE_BRAND &&
        allKatakana(d.chars, off, len) &&
        insideKatakanaWord(s, start, start + len)
      )
        continue;
      hits.push({
        p,
        start: s.fm[start] as number,
        end: origEnd(s, start + len - 1),
        t0: -1,
        t1: -1,
        fs: start,
        fe: start + len,
        how: 0,
      });
    }
  }
}

/**
 * Keeps the longest hit where hits of the same side overlap ("Air Jordan 1"
 * over "Jordan"); hits of equal extent all stay (a name two brands share).
 * Another's name holding a brand's ("Steve McQueen", K_NOT_BRAND) hides the
 * brand's hit inside it and is then dropped itself.
 */
function resolveOverlaps(d: MatcherData, hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits.length === 1 && d.pKind[(hits[0] as Hit).p] === K_NOT_BRAND ? [] : hits;
  const out: Hit[] = [];
  // Per side, sorted by start then longest first: a hit is dominated when an earlier one reaches at least as far.
  for (const side of [SIDE_BRAND, SIDE_TERM, SIDE_CONTEXT]) {
    const list: Hit[] = [];
    for (const h of hits) if (d.pSide[h.p] === side) list.push(h);
    sortHits(list, true);
    let maxFe = -1;
    let maxFs = -1;
    let prev: Hit | null = null;
    for (const h of list) {
      const dominated = maxFe > h.fe || (maxFe === h.fe && maxFs < h.fs);
      const duplicate = prev !== null && prev.p === h.p && prev.fs === h.fs && prev.fe === h.fe;
      prev = h;
      // Another's name hides the brand's hit inside it, and is no hit itself.
      if (!dominated && !duplicate && d.pKind[h.p] !== K_NOT_BRAND) out.push(h);
      if (h.fe > maxFe) {
        maxFe = h.fe;
        maxFs = h.fs;
      }
    }
  }
  return sortHits(out, false);
}

/** Whether hit a goes after hit b: by start, then (longestFirst) the longer first, then by pattern. */
function after(a: Hit, b: Hit, longestFirst: boolean): boolean {
  if (a.fs !== b.fs) return a.fs > b.fs;
  if (longestFirst && a.fe !== b.fe) return a.fe < b.fe;
  return a.p > b.p;
}

/**
 * Sorts hits in place by start (then longest first, or not), then pattern: an insertion sort, stable, since a
 * listing's hits are few and arrive nearly in order (Array.prototype.sort with a comparator costs more here).
 */
function sortHits(list: Hit[], longestFirst: boolean): Hit[] {
  for (let i = 1; i < list.length; i++) {
    const h = list[i] as Hit;
    let j = i - 1;
    while (j >= 0 && after(list[j] as Hit, h, longestFirst)) {
      list[j + 1] = list[j] as Hit;
      j--;
    }
    list[j + 1] = h;
  }
  return list;
}

export { C_CJK, SIDE_TERM };
