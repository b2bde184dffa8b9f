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
  /** Folded code units and the original offset each came from; fm[n] = text length. */
  fb: Uint16Array;
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
  /** Scanner state spilled around the slow path. */
  st: State;
}

export function newScan(capacity = 256): Scan {
  return {
    fb: new Uint16Array(capacity),
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
    st: { n: 0, nt: 0, ncjk: 0, h: 0, tokStart: -1, tokKind: 0, gap: 0, masks: 0 },
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
  s.fm = copy32(s.fm, 1);
  s.ts = copy32(s.ts);
  s.te = copy32(s.te);
  s.th = copy32(s.th);
  s.tk = copy8(s.tk);
  s.tg = copy8(s.tg);
  s.tm = copy8(s.tm);
  s.cjk = copy32(s.cjk);
}

/** Scanner state between characters; kept in locals in the hot loop and spilled here only around the slow path. */
interface State {
  n: number;
  nt: number;
  ncjk: number;
  h: number;
  tokStart: number;
  tokKind: number;
  gap: number;
  masks: number;
}

/**
 * Feeds one folded unit to the tokenizer (slow path: non-ASCII, non-CJK
 * characters). Mirrors the inlined fast path in scanText exactly.
 */
function feed(s: Scan, st: State, f: number, cls: number, orig: number, anchors: Uint8Array, bits: number): void {
  if (cls === C_LETTER || cls === C_DIGIT) {
    if (st.tokStart >= 0 && cls !== st.tokKind) {
      closeToken(s, st.nt++, st.tokStart, st.n, st.h, st.tokKind);
      st.tokStart = -1;
      st.gap = GAP_NONE;
      st.masks = 0;
    }
    if (st.tokStart < 0) {
      if (st.nt > 0) {
        s.tg[st.nt - 1] = st.gap;
        s.tm[st.nt - 1] = Math.min(st.masks, 255);
      }
      st.tokStart = st.n;
      st.tokKind = cls;
      st.h = FNV_OFFSET;
    }
    st.h = Math.imul(st.h ^ f, 0x01000193);
  } else {
    if (st.tokStart >= 0) {
      closeToken(s, st.nt++, st.tokStart, st.n, st.h, st.tokKind);
      st.tokStart = -1;
      st.gap = GAP_NONE;
      st.masks = 0;
    }
    if (cls === C_SEP) {
      if (st.gap < GAP_SEP) st.gap = GAP_SEP;
    } else if (cls === C_MASK) {
      if (st.gap < GAP_MASK) st.gap = GAP_MASK;
      st.masks++;
    } else if (cls === C_BOUND) {
      if (st.gap < GAP_SPACE) st.gap = GAP_SPACE;
    } else {
      st.gap = GAP_HARD;
      if (f < 65536 && ((anchors[f] as number) & bits) !== 0) s.cjk[st.ncjk++] = st.n;
    }
  }
  s.fb[st.n] = f;
  s.fm[st.n] = orig;
  st.n++;
}

function closeToken(s: Scan, t: number, start: number, end: number, h: number, kind: number): void {
  s.ts[t] = start;
  s.te[t] = end;
  s.th[t] = h;
  s.tk[t] = kind === C_LETTER ? TOK_LETTER : TOK_DIGIT;
}

/**
 * Scans `text` into `s`. `anchors` flags CJK code units that begin some
 * pattern (bit set in `anchorBits`); only those positions are recorded.
 * ASCII takes the inlined fast path (two table reads, two stores per
 * character, constants as literals: module-level constants cost a context
 * load and a hole check per use); anything else goes through scanSlow,
 * which shares the state through `s.st`.
 */
export function scanText(text: string, s: Scan, anchors: Uint8Array, anchorBits: number): void {
  const len = text.length;
  if (len + 8 > s.fb.length) grow(s, len + 8);
  s.text = text;
  const st = s.st;
  st.ncjk = 0;
  let fb = s.fb;
  let fm = s.fm;
  let ts = s.ts;
  let te = s.te;
  let th = s.th;
  let tk = s.tk;
  let tg = s.tg;
  let tm = s.tm;
  let n = 0;
  let nt = 0;
  let h = FNV_OFFSET_LOCAL;
  let tokStart = -1;
  let tokKind = 0;
  let gap = 4; // GAP_HARD
  let masks = 0;
  const AC = ASCII_CLASS;
  const AF = ASCII_FOLD;
  let i = 0;
  for (;;) {
    // Inner loop: ASCII only, so the slow path below stays out of its registers.
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) break;
      const cls = AC[c] as number;
      const f = AF[c] as number;
      // Classes: 0 bound, 1 letter, 2 digit, 4 separator, 5 mask (fold.ts).
      if (cls === 1 || cls === 2) {
        if (tokStart < 0) {
          if (nt > 0) {
            tg[nt - 1] = gap;
            tm[nt - 1] = Math.min(masks, 255);
          }
          tokStart = n;
          tokKind = cls;
          h = FNV_OFFSET_LOCAL;
        } else if (cls !== tokKind) {
          ts[nt] = tokStart;
          te[nt] = n;
          th[nt] = h;
          tk[nt] = tokKind; // TOK_LETTER = C_LETTER, TOK_DIGIT = C_DIGIT
          tg[nt] = 0; // GAP_NONE
          tm[nt] = 0;
          nt++;
          tokStart = n;
          tokKind = cls;
          h = FNV_OFFSET_LOCAL;
        }
        h = Math.imul(h ^ f, 0x01000193);
      } else {
        if (tokStart >= 0) {
          ts[nt] = tokStart;
          te[nt] = n;
          th[nt] = h;
          tk[nt] = tokKind;
          nt++;
          tokStart = -1;
          gap = 0;
          masks = 0;
        }
        if (cls === 0) {
          if (gap < 3) gap = 3; // GAP_SPACE
        } else if (cls === 4) {
          if (gap < 1) gap = 1; // GAP_SEP
        } else {
          if (gap < 2) gap = 2; // GAP_MASK
          masks++;
        }
      }
      fb[n] = f;
      fm[n] = i;
      n++;
    }
    if (i >= len) break;
    st.n = n;
    st.nt = nt;
    st.h = h;
    st.tokStart = tokStart;
    st.tokKind = tokKind;
    st.gap = gap;
    st.masks = masks;
    i = scanSlow(text, i, text.charCodeAt(i), s, st, anchors, anchorBits) + 1;
    n = st.n;
    nt = st.nt;
    h = st.h;
    tokStart = st.tokStart;
    tokKind = st.tokKind;
    gap = st.gap;
    masks = st.masks;
    // The slow path may have grown the buffers.
    fb = s.fb;
    fm = s.fm;
    ts = s.ts;
    te = s.te;
    th = s.th;
    tk = s.tk;
    tg = s.tg;
    tm = s.tm;
  }
  if (tokStart >= 0) {
    closeToken(s, nt, tokStart, n, h, tokKind);
    nt++;
  }
  if (nt > 0) {
    s.tg[nt - 1] = GAP_HARD;
    s.tm[nt - 1] = 0;
  }
  s.fm[n] = len;
  s.n = n;
  s.nt = nt;
  s.ncjk = st.ncjk;
}

/**
 * The same scanner for compile time (tens of thousands of short pattern
 * strings, many non-ASCII). A deliberate copy of scanText: V8 keeps type
 * feedback per function, and sharing one function with compile made the
 * score-time loop measurably 1.5–2× slower on a 20 KB description after a
 * compile in the same isolate. scan.test.ts checks both give identical scans.
 */
export function scanTextCold(text: string, s: Scan, anchors: Uint8Array, anchorBits: number): void {
  const len = text.length;
  if (len + 8 > s.fb.length) grow(s, len + 8);
  s.text = text;
  const st = s.st;
  st.ncjk = 0;
  let fb = s.fb;
  let fm = s.fm;
  let ts = s.ts;
  let te = s.te;
  let th = s.th;
  let tk = s.tk;
  let tg = s.tg;
  let tm = s.tm;
  let n = 0;
  let nt = 0;
  let h = FNV_OFFSET_LOCAL;
  let tokStart = -1;
  let tokKind = 0;
  let gap = 4; // GAP_HARD
  let masks = 0;
  const AC = ASCII_CLASS;
  const AF = ASCII_FOLD;
  let i = 0;
  for (;;) {
    // Inner loop: ASCII only, so the slow path below stays out of its registers.
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) break;
      const cls = AC[c] as number;
      const f = AF[c] as number;
      // Classes: 0 bound, 1 letter, 2 digit, 4 separator, 5 mask (fold.ts).
      if (cls === 1 || cls === 2) {
        if (tokStart < 0) {
          if (nt > 0) {
            tg[nt - 1] = gap;
            tm[nt - 1] = Math.min(masks, 255);
          }
          tokStart = n;
          tokKind = cls;
          h = FNV_OFFSET_LOCAL;
        } else if (cls !== tokKind) {
          ts[nt] = tokStart;
          te[nt] = n;
          th[nt] = h;
          tk[nt] = tokKind; // TOK_LETTER = C_LETTER, TOK_DIGIT = C_DIGIT
          tg[nt] = 0; // GAP_NONE
          tm[nt] = 0;
          nt++;
          tokStart = n;
          tokKind = cls;
          h = FNV_OFFSET_LOCAL;
        }
        h = Math.imul(h ^ f, 0x01000193);
      } else {
        if (tokStart >= 0) {
          ts[nt] = tokStart;
          te[nt] = n;
          th[nt] = h;
          tk[nt] = tokKind;
          nt++;
          tokStart = -1;
          gap = 0;
          masks = 0;
        }
        if (cls === 0) {
          if (gap < 3) gap = 3; // GAP_SPACE
        } else if (cls === 4) {
          if (gap < 1) gap = 1; // GAP_SEP
        } else {
          if (gap < 2) gap = 2; // GAP_MASK
          masks++;
        }
      }
      fb[n] = f;
      fm[n] = i;
      n++;
    }
    if (i >= len) break;
    st.n = n;
    st.nt = nt;
    st.h = h;
    st.tokStart = tokStart;
    st.tokKind = tokKind;
    st.gap = gap;
    st.masks = masks;
    i = scanSlow(text, i, text.charCodeAt(i), s, st, anchors, anchorBits) + 1;
    n = st.n;
    nt = st.nt;
    h = st.h;
    tokStart = st.tokStart;
    tokKind = st.tokKind;
    gap = st.gap;
    masks = st.masks;
    // The slow path may have grown the buffers.
    fb = s.fb;
    fm = s.fm;
    ts = s.ts;
    te = s.te;
    th = s.th;
    tk = s.tk;
    tg = s.tg;
    tm = s.tm;
  }
  if (tokStart >= 0) {
    closeToken(s, nt, tokStart, n, h, tokKind);
    nt++;
  }
  if (nt > 0) {
    s.tg[nt - 1] = GAP_HARD;
    s.tm[nt - 1] = 0;
  }
  s.fm[n] = len;
  s.n = n;
  s.nt = nt;
  s.ncjk = st.ncjk;
}

const FNV_OFFSET_LOCAL = FNV_OFFSET;

/** One non-ASCII character at `i` (code unit `c`): folds it and feeds the units. Returns the index of its last code unit. */
function scanSlow(
  text: string,
  i: number,
  c: number,
  s: Scan,
  st: State,
  anchors: Uint8Array,
  anchorBits: number,
): number {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff)) {
    feed(s, st, c <= 0x30ff ? (KANA_BASE[c - 0x3040] as number) : c, C_CJK, i, anchors, anchorBits);
    return i;
  }
  const cp = text.codePointAt(i) ?? c;
  const units = foldSlow(cp);
  if (st.n + units.length + 8 > s.fb.length) grow(s, st.n + units.length + 8 + (text.length - i));
  for (let u = 0; u < units.length; u++) {
    const f = units.charCodeAt(u);
    feed(s, st, f, f < 128 ? (ASCII_CLASS[f] as number) : classify(f), i, anchors, anchorBits);
  }
  return cp > 0xffff ? i + 1 : i;
}

/** Class of the folded unit at k (computed on demand: storing it would cost a write per character). */
export function classAt(s: Scan, k: number): number {
  const f = s.fb[k] as number;
  return f < 128 ? (ASCII_CLASS[f] as number) : classify(f);
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

/** Windows found by findWindows: [start, end) pairs of original offsets (grown on demand). */
export let WINDOWS = new Int32Array(64);

/** Pre-pass codes of ASCII units: bit 0 letter or digit (a token character), bit 1 digit (bit 2: non-ASCII, not in the table). */
const PRE_CODE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const k = ASCII_CLASS[c] as number;
  PRE_CODE[c] = k === 1 ? 1 : k === 2 ? 3 : 0;
}

/** The pre-pass filter: 2^17 bits of preKey, then 2^16 bits of the token hash's low 16 bits. */
export const PRE_HASH_BASE = 1 << 17;
export const PRE_BITS_WORDS = (PRE_HASH_BASE + (1 << 16)) >>> 5;

/** Key of a token in the pre-pass filter: folded first and last unit and length (17 bits). */
export function preKey(first: number, last: number, len: number): number {
  return ((first & 63) << 11) | ((last & 63) << 5) | Math.min(len, 31);
}

/** Pre-pass state shared with its candidate handler (module scratch: the engine is single-threaded). */
const PRE = { nw: 0, covered: 0, lastWe: -1, lastWordEnd: -1 };

/**
 * Pre-pass scratch (grown on demand): the text as bytes (ASCII units exact,
 * anything else 128), read 4 at a time through a 32-bit view, and per 32
 * units a mask of token units (letters, digits), of digits and of non-ASCII.
 */
let PRE_BYTES = new Uint8Array(4096);
let PRE_WORDS = new Uint32Array(PRE_BYTES.buffer);
let MASK_TOK = new Int32Array(130);
let MASK_DIG = new Int32Array(130);
let MASK_OTHER = new Int32Array(130);
const ENCODER = new TextEncoder();
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The description's pre-pass: finds candidates without storing or folding
 * anything. A candidate is an ASCII token (letter or digit run, split as
 * scanText splits it) whose key (preKey) and then hash have their bits in
 * `bits` (it may start a pattern), a number right after the token "of"
 * ("lot of 12"), or a non-ASCII unit (it needs folding; CJK patterns start
 * there). Around each candidate a window reaching `margin` words (runs
 * between ASCII whitespace) before and after it is kept; overlapping windows
 * merge. Windows start right after ASCII whitespace (or at 0) and end at ASCII
 * whitespace (or the end), so no token, word or pattern is cut.
 *
 * The text is first classified into bit masks, 32 units per mask: all-ASCII
 * text (the usual description) is copied natively to bytes
 * (TextEncoder.encodeInto) and classified 4 bytes per 32-bit word (SWAR range
 * tests), other text per unit with charCodeAt. Token boundaries then come
 * from bit operations, not a branch per character. Returns the number of
 * windows (in WINDOWS), or -1 once they cover more than half the text (the
 * caller then scans it whole).
 */
export function findWindows(text: string, bits: Uint32Array, margin: number): number {
  const len = text.length;
  const nc = (len + 31) >>> 5;
  PRE.nw = 0;
  PRE.covered = 0;
  PRE.lastWe = -1;
  PRE.lastWordEnd = -1;
  if (PRE_BYTES.length < len + 64) {
    PRE_BYTES = new Uint8Array(((len + 64) * 2 + 7) & ~7);
    PRE_WORDS = new Uint32Array(PRE_BYTES.buffer);
  }
  if (MASK_TOK.length < nc + 2) {
    MASK_TOK = new Int32Array(nc * 2 + 2);
    MASK_DIG = new Int32Array(nc * 2 + 2);
    MASK_OTHER = new Int32Array(nc * 2 + 2);
  }
  const bytes = PRE_BYTES;
  const mTok = MASK_TOK;
  const mDig = MASK_DIG;
  const mOther = MASK_OTHER;
  let other = false;
  // Fits in `len` bytes only if every unit is ASCII (anything else takes 2 or more).
  if (LITTLE_ENDIAN && ENCODER.encodeInto(text, bytes.subarray(0, len)).read === len) {
    bytes.fill(0, len, len + 64);
    const words = PRE_WORDS;
    for (let ci = 0; ci < nc; ci++) {
      let tok = 0;
      let dig = 0;
      const w0 = ci << 3;
      for (let q = 0; q < 8; q++) {
        const w = words[w0 + q] as number;
        const x = w | 0x20202020;
        // Per byte (all < 0x80, so no carries between bytes): high bit set when in 'a'..'z' (after | 0x20) or '0'..'9'.
        const letter = ((x + 0x1f1f1f1f) & ~(x + 0x05050505) & 0x80808080) >>> 7;
        const digit = ((w + 0x50505050) & ~(w + 0x46464646) & 0x80808080) >>> 7;
        // Bits 0, 8, 16, 24 gathered into bits 28..31, then placed at 4q.
        tok |= (Math.imul(letter | digit, 0x10204080) >>> 28) << (4 * q);
        dig |= (Math.imul(digit, 0x10204080) >>> 28) << (4 * q);
      }
      mTok[ci] = tok;
      mDig[ci] = dig;
    }
  } else {
    const CODE = PRE_CODE;
    for (let ci = 0; ci < nc; ci++) {
      const base = ci << 5;
      const n = Math.min(len - base, 32);
      let tok = 0;
      let dig = 0;
      let oth = 0;
      for (let j = 0; j < n; j++) {
        const c = text.charCodeAt(base + j);
        bytes[base + j] = Math.min(c, 128);
        const v = c < 128 ? (CODE[c] as number) : 4;
        tok |= (v & 1) << j;
        dig |= ((v >>> 1) & 1) << j;
        oth |= (v >>> 2) << j;
      }
      mTok[ci] = tok;
      mDig[ci] = dig;
      mOther[ci] = oth;
    }
    bytes.fill(0, len, len + 64);
    other = true;
  }
  mTok[nc] = 0;
  mDig[nc] = 0;
  const AF = ASCII_FOLD;
  let carryTok = 0;
  let carryDig = 0;
  let curStart = 0;
  let afterOf = false;
  for (let ci = 0; ci < nc; ci++) {
    const base = ci << 5;
    const tok = mTok[ci] as number;
    const dig = mDig[ci] as number;
    let oth = other ? (mOther[ci] as number) : 0;
    // Token continues from unit j-1 to j: both token units of the same kind.
    const cont = tok & ((tok << 1) | carryTok) & ~(dig ^ ((dig << 1) | carryDig));
    let starts = tok & ~cont;
    // The token at unit 31 continues into the next chunk when its first unit is a token unit of the same kind.
    const nTok = mTok[ci + 1] as number;
    const nDig = mDig[ci + 1] as number;
    const contNext = (tok >>> 31) & nTok & ~((dig >>> 31) ^ nDig) & 1;
    let ends = tok & ~((cont >>> 1) | (contNext << 31));
    carryTok = tok >>> 31;
    carryDig = dig >>> 31;
    while (ends !== 0) {
      const low = ends & -ends;
      const j = 31 - Math.clz32(low);
      if (starts !== 0) {
        const sl = starts & -starts;
        const sj = 31 - Math.clz32(sl);
        if (sj <= j) {
          curStart = base + sj;
          starts ^= sl;
        }
      }
      ends ^= low;
      // Non-ASCII units before this token first, so candidates arrive in text order.
      while (oth !== 0 && base + 31 - Math.clz32(oth & -oth) < curStart) {
        const p = base + 31 - Math.clz32(oth & -oth);
        oth &= oth - 1;
        if (addCandidate(text, p, p + 1, margin) < 0) return -1;
      }
      const end = base + j + 1;
      const first = AF[bytes[curStart] as number] as number;
      const last = AF[bytes[end - 1] as number] as number;
      const key = preKey(first, last, end - curStart);
      let cand = afterOf && first < 58; // a number after "of"
      if (((bits[key >>> 5] as number) & (1 << (key & 31))) !== 0) {
        // Second stage, for the few tokens that pass the first: the token's hash (as scanText computes it).
        let h = FNV_OFFSET_LOCAL;
        for (let k = curStart; k < end; k++) h = Math.imul(h ^ (AF[bytes[k] as number] as number), 0x01000193);
        const b = PRE_HASH_BASE + (h & 0xffff);
        if (((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0) cand = true;
      }
      afterOf = end - curStart === 2 && first === 111 && last === 102;
      if (cand && addCandidate(text, curStart, end, margin) < 0) return -1;
    }
    while (oth !== 0) {
      const p = base + 31 - Math.clz32(oth & -oth);
      oth &= oth - 1;
      if (addCandidate(text, p, p + 1, margin) < 0) return -1;
    }
    if (starts !== 0) curStart = base + (31 - Math.clz32(starts & -starts));
  }
  return PRE.nw;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 127;
}

/** Adds (or merges) the window around a candidate at [cs, ce); -1 when windows now cover more than half the text. */
function addCandidate(text: string, cs: number, ce: number, margin: number): number {
  const len = text.length;
  // Same word as the last candidate: its window already reaches far enough.
  if (cs < PRE.lastWordEnd) return 0;
  let ws = cs;
  if (cs >= PRE.lastWe) {
    // `margin` words back from the start of the candidate's word.
    while (ws > 0 && !isSpace(text.charCodeAt(ws - 1))) ws--;
    for (let w = 0; w < margin && ws > 0; w++) {
      while (ws > 0 && isSpace(text.charCodeAt(ws - 1))) ws--;
      while (ws > 0 && !isSpace(text.charCodeAt(ws - 1))) ws--;
    }
  }
  let we = ce;
  while (we < len && !isSpace(text.charCodeAt(we))) we++;
  PRE.lastWordEnd = we;
  for (let w = 0; w < margin && we < len; w++) {
    while (we < len && isSpace(text.charCodeAt(we))) we++;
    while (we < len && !isSpace(text.charCodeAt(we))) we++;
  }
  let win = WINDOWS;
  const nw = PRE.nw;
  if (nw > 0 && ws <= PRE.lastWe) {
    // Overlaps the previous window: extend it.
    PRE.covered += we - PRE.lastWe;
    win[2 * nw - 1] = we;
  } else {
    if (2 * nw + 2 > win.length) {
      const grown = new Int32Array(win.length * 2);
      grown.set(win);
      win = grown;
      WINDOWS = win;
    }
    win[2 * nw] = ws;
    win[2 * nw + 1] = we;
    PRE.nw = nw + 1;
    PRE.covered += we - ws;
  }
  PRE.lastWe = we;
  return PRE.covered * 2 > len ? -1 : 0;
}
