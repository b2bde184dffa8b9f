/**
 * The fused scanner: one pass over a field's text that folds each character
 * (fold.ts), records where it came from, splits Latin-script words into
 * tokens with their hash, and notes CJK characters that can start a CJK
 * pattern. No intermediate strings: the description can be 20 KB and this is
 * the hot loop of `score`.
 */

import {
  ASCII_CLASS,
  ASCII_FOLD,
  C_BOUND,
  C_CJK,
  C_DIGIT,
  C_LETTER,
  C_MASK,
  C_SEP,
  classify,
  foldSlow,
  KANA_BASE,
} from "./fold.ts";
import { FNV_OFFSET } from "./hash-table.ts";

/** Gap after a token: how it is joined to the next one. */
export const GAP_NONE = 0; // letter/digit transition inside one run: "N1ke", "Jordan4"
export const GAP_SEP = 1; // separator symbols only: "Gu-cci", "PR//ADA"
export const GAP_MASK = 2; // at least one masking symbol: "N*KE", "J⭐R⭐AN"
export const GAP_SPACE = 3; // whitespace: ordinary word boundary
export const GAP_HARD = 4; // CJK text or end of field: tokens are not neighbours

export const TOK_LETTER = 1;
export const TOK_DIGIT = 2;

/** Reusable buffers (grown on demand) holding the result of the last scan. */
export interface Scan {
  /** Folded code units, their class, and the original offset each came from; fm[n] = text length. */
  fb: Uint16Array;
  fc: Uint8Array;
  fm: Int32Array;
  n: number;
  /** Tokens: folded start/end, hash, kind, gap after, mask characters in that gap. */
  ts: Int32Array;
  te: Int32Array;
  th: Int32Array;
  tk: Uint8Array;
  tg: Uint8Array;
  tm: Uint8Array;
  nt: number;
  /** Folded offsets of CJK characters flagged in the anchor bitmap. */
  cjk: Int32Array;
  ncjk: number;
  text: string;
}

export function newScan(capacity = 256): Scan {
  return {
    fb: new Uint16Array(capacity),
    fc: new Uint8Array(capacity),
    fm: new Int32Array(capacity + 1),
    n: 0,
    ts: new Int32Array(capacity),
    te: new Int32Array(capacity),
    th: new Int32Array(capacity),
    tk: new Uint8Array(capacity),
    tg: new Uint8Array(capacity),
    tm: new Uint8Array(capacity),
    nt: 0,
    cjk: new Int32Array(capacity),
    ncjk: 0,
    text: "",
  };
}

function grow(s: Scan, need: number): void {
  let cap = s.fb.length;
  while (cap < need) cap *= 2;
  if (cap === s.fb.length) return;
  const copy16 = (a: Uint16Array) => {
    const b = new Uint16Array(cap);
    b.set(a);
    return b;
  };
  const copy8 = (a: Uint8Array) => {
    const b = new Uint8Array(cap);
    b.set(a);
    return b;
  };
  const copy32 = (a: Int32Array, extra = 0) => {
    const b = new Int32Array(cap + extra);
    b.set(a);
    return b;
  };
  s.fb = copy16(s.fb);
  s.fc = copy8(s.fc);
  s.fm = copy32(s.fm, 1);
  s.ts = copy32(s.ts);
  s.te = copy32(s.te);
  s.th = copy32(s.th);
  s.tk = copy8(s.tk);
  s.tg = copy8(s.tg);
  s.tm = copy8(s.tm);
  s.cjk = copy32(s.cjk);
}

/**
 * Scans `text` into `s`. `anchors` flags CJK code units that begin some
 * pattern (bit set in `anchorBits`); only those positions are recorded.
 */
export function scanText(text: string, s: Scan, anchors: Uint8Array, anchorBits: number): void {
  const len = text.length;
  if (len + 8 > s.fb.length) grow(s, len + 8);
  s.text = text;
  let fb = s.fb;
  let n = 0;
  let nt = 0;
  let ncjk = 0;
  let h = FNV_OFFSET;
  let tokStart = -1;
  let tokKind = 0;
  let gap = GAP_HARD;
  let masks = 0;
  for (let i = 0; i < len; ) {
    const c = text.charCodeAt(i);
    const orig = i;
    let units: string | null = null;
    if (c < 128 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff)) {
      i++;
    } else {
      const cp = text.codePointAt(i) ?? c;
      i += cp > 0xffff ? 2 : 1;
      units = foldSlow(cp);
      if (n + units.length + 8 > fb.length) {
        grow(s, n + units.length + 8 + (len - i));
        fb = s.fb;
      }
    }
    const count = units === null ? 1 : units.length;
    for (let u = 0; u < count; u++) {
      let f: number;
      let cls: number;
      if (units === null) {
        if (c < 128) {
          f = ASCII_FOLD[c] as number;
          cls = ASCII_CLASS[c] as number;
        } else {
          f = c <= 0x30ff ? (KANA_BASE[c - 0x3040] as number) : c;
          cls = C_CJK;
        }
      } else {
        f = units.charCodeAt(u);
        cls = f < 128 ? (ASCII_CLASS[f] as number) : classify(f);
      }
      if (cls === C_LETTER || cls === C_DIGIT) {
        if (tokStart >= 0 && cls !== tokKind) {
          // letter/digit transition: close the run, the next token is glued with no gap
          s.ts[nt] = tokStart;
          s.te[nt] = n;
          s.th[nt] = h;
          s.tk[nt] = tokKind === C_LETTER ? 1 : 2;
          nt++;
          tokStart = -1;
          gap = GAP_NONE;
          masks = 0;
        }
        if (tokStart < 0) {
          if (nt > 0) {
            s.tg[nt - 1] = gap;
            s.tm[nt - 1] = Math.min(masks, 255);
          }
          tokStart = n;
          tokKind = cls;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ f, 0x01000193);
      } else {
        if (tokStart >= 0) {
          s.ts[nt] = tokStart;
          s.te[nt] = n;
          s.th[nt] = h;
          s.tk[nt] = tokKind === C_LETTER ? 1 : 2;
          nt++;
          tokStart = -1;
          gap = GAP_NONE;
          masks = 0;
        }
        if (cls === C_SEP) {
          if (gap < GAP_SEP) gap = GAP_SEP;
        } else if (cls === C_MASK) {
          if (gap < GAP_MASK) gap = GAP_MASK;
          masks++;
        } else if (cls === C_BOUND) {
          if (gap < GAP_SPACE) gap = GAP_SPACE;
        } else {
          gap = GAP_HARD;
          if (f < 65536 && ((anchors[f] as number) & anchorBits) !== 0) s.cjk[ncjk++] = n;
        }
      }
      fb[n] = f;
      s.fc[n] = cls;
      s.fm[n] = orig;
      n++;
    }
  }
  if (tokStart >= 0) {
    s.ts[nt] = tokStart;
    s.te[nt] = n;
    s.th[nt] = h;
    s.tk[nt] = tokKind === C_LETTER ? 1 : 2;
    nt++;
  }
  if (nt > 0) {
    s.tg[nt - 1] = GAP_HARD;
    s.tm[nt - 1] = 0;
  }
  s.fm[n] = len;
  s.n = n;
  s.nt = nt;
  s.ncjk = ncjk;
}

/** Original end offset of the folded unit at `k`: its source character is one UTF-16 unit, or two for a surrogate pair. */
export function origEnd(s: Scan, k: number): number {
  const start = s.fm[k] as number;
  const c = s.text.charCodeAt(start);
  return c >= 0xd800 && c <= 0xdbff ? start + 2 : start + 1;
}

/** The folded text of the last scan, for tests and the CLI. */
export function foldedString(s: Scan): string {
  let out = "";
  for (let k = 0; k < s.n; k++) out += String.fromCharCode(s.fb[k] as number);
  return out;
}
