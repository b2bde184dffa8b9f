/**
 * Undoing evasions in title-like fields. Sellers hide brand names so that
 * marketplace filters miss them; each trick leaves a trace we can fold back:
 * - separators inside a word: "N.I.K.E", "Gu-cci", "PR//ADA", "Arc'+teryx"
 * - leetspeak digits inside a word: "N1ke", "R0lex", "Gucc1"
 * - spaced letters: "N i k e"
 * - masking symbols standing for letters: "N*KE", "A⭐R J⭐R⭐AN", "Ca*har*t"
 * - typo-squats of long names: "New Balannce"
 * Look-alike letters (Cyrillic, Greek, full-width) are already folded by
 * fold.ts; whether a hit was disguised is decided later by comparing the
 * original text with the name (isDisguised).
 */

import DICTIONARY_STOPWORDS from "./data/typo-stopwords.json";
import { leetLetter, SMALL_KANA } from "./fold.ts";
import { bucketOf, hashCodes, TYPO_BASE, TYPO_MIN_LENGTH, TYPO_POW, typoMix } from "./hash-table.ts";
import {
  type CompiledMatcher,
  K_BRAND,
  K_MODEL,
  modelsByBrand,
  patternSource,
  SIDE_BRAND,
  TYPO_BITS_MASK,
  typoBit2,
} from "./layout.ts";
import { TYPO_STOPWORDS } from "./lexicon.ts";
import { type Hit, HOW_SPLIT } from "./matcher.ts";
import { GAP_MASK, GAP_SPACE, origEnd, type Scan, TOK_DIGIT, TOK_LETTER } from "./scan.ts";

const WILD = -1;
/** Windows span at most this many space-separated groups ("A⭐R J⭐R⭐AN" is two). */
const MAX_GROUPS = 3;
const MAX_WINDOW = 40;
/** Words never read as misspellings: the hand-kept list and the dictionary's words near the default pack's names. */
export const ENGINE_TYPO_STOPWORDS: ReadonlySet<string> = new Set([...TYPO_STOPWORDS, ...DICTIONARY_STOPWORDS.words]);

/**
 * A word (folded letters) that is no misspelling: one of the engine's stopwords, or of the packs' own
 * (RulePack.typoStopwords, which `pack build` writes for a brand owner's names from a dictionary).
 */
function isStopword(m: CompiledMatcher, word: string): boolean {
  if (ENGINE_TYPO_STOPWORDS.has(word)) return true;
  m.typoStop ??= new Set(m.d.typoStop.all());
  return m.typoStop.has(word);
}

export function findObfuscated(m: CompiledMatcher, s: Scan, hits: Hit[]): void {
  // Tokens inside a brand-side hit found so far (the typo search skips them); marked once, no closure per call.
  if (COVERED.length < s.nt) COVERED = new Uint8Array(s.nt * 2);
  const covered = COVERED;
  covered.fill(0, 0, s.nt);
  for (const h of hits) {
    if (m.d.pSide[h.p] !== SIDE_BRAND || h.t0 < 0) continue;
    for (let t = h.t0; t < h.t1; t++) covered[t] = 1;
  }
  for (let t = 0; t < s.nt; t++) {
    if (t > 0 && (s.tg[t - 1] as number) < GAP_SPACE) continue; // not the start of a group
    const end = groupEnd(s, t);
    if (end - t >= 2) {
      tryGroupWindows(m, s, t, end, hits);
      // The disguised word second in a name, after a plain word: "Stone Is1and", "Tom F0rd".
      if (plainWordBefore(s, t)) tryWindow(m, s, t - 1, end, hits);
    } else if (isSpacedLetterRunStart(s, t)) trySpacedLetters(m, s, t, hits);
  }
  for (let t = 0; t < s.nt; t++) {
    if (covered[t] === 1 || s.tk[t] !== TOK_LETTER) continue;
    tryLForI(m, s, t, hits);
    tryTypo(m, s, t, t + 1, hits);
    const n = t + 1;
    if (
      n < s.nt &&
      s.tg[t] === GAP_SPACE &&
      s.tk[n] === TOK_LETTER &&
      covered[n] !== 1 &&
      spacesBetween(s, t, n) &&
      wholeWords(s, t, n)
    ) {
      trySplit(m, s, t, n, hits);
      tryTypo(m, s, t, n + 1, hits);
    }
  }
  findModelTypos(m, s, hits);
}

/**
 * Tokens t and u are whole words: no hyphen or other joiner ties t to the token before it or u to the one after
 * ("charge t-shirt" is no "charget", "Charvet" misspelt).
 */
function wholeWords(s: Scan, t: number, u: number): boolean {
  return (t === 0 || (s.tg[t - 1] as number) >= GAP_SPACE) && (u === s.nt - 1 || (s.tg[u] as number) >= GAP_SPACE);
}

/**
 * Only white space between tokens t and u in the original text: a two-word misspelling is one name split by a
 * space ("New Balannce"), never words across brackets or punctuation ("F17 Pro (Matte Black" is not "Promate").
 */
function spacesBetween(s: Scan, t: number, u: number): boolean {
  const from = origEnd(s, (s.te[t] as number) - 1);
  const to = s.fm[s.ts[u] as number] as number;
  for (let i = from; i < to; i++) if (!/\s/.test(s.text.charAt(i))) return false;
  return true;
}

/** Fewest letters of a one-word name read written as two words, and of each of its two parts. */
export const SPLIT_MIN = 5;
export const SPLIT_PART_MIN = 2;
/**
 * One part of a split name is this short at most: a disguise breaks the name off a few letters from an end ("Rol ex",
 * "Gu cci", "Chan el"), where two longer parts are words of some language ("Mont Blanc", a mountain, is no Montblanc).
 */
const SPLIT_SHORT = 3;
/** Scratch: the letters of two words read as one. */
const SPLIT_CODES: number[] = [];

/**
 * A one-word name of Latin letters split in two by a space where it is not two words ("Rol ex", "Gu cci", "Pra da"):
 * a disguise, as a symbol inside the name is. Not where the name's own spelling has a capital ("Air Pods" for AirPods, "Go Pro"),
 * nor where both parts are words and the two-word phrase is listed as such (typo-stopwords: "can on" is no Canon,
 * "sea gate" no Seagate): those are ordinary writing, and a model so written is named only beside its brand
 * (findModelTypos).
 */
function trySplit(m: CompiledMatcher, s: Scan, t: number, n: number, hits: Hit[]): void {
  const a = (s.te[t] as number) - (s.ts[t] as number);
  const b = (s.te[n] as number) - (s.ts[n] as number);
  if (a < SPLIT_PART_MIN || b < SPLIT_PART_MIN || a + b < SPLIT_MIN || a + b > 24) return;
  if (a > SPLIT_SHORT && b > SPLIT_SHORT) return;
  const codes = SPLIT_CODES;
  codes.length = 0;
  if (!latinLetters(s, t, codes) || !latinLetters(s, n, codes)) return;
  for (const p of exactPatterns(m, codes)) {
    if (m.d.pNTok[p] !== 1) continue;
    if (capitalAt(patternSource(m, p), a)) continue;
    if (isStopword(m, splitPhrase(codes, a, a + b))) return;
    addHit(m, s, p, t, n + 1, HOW_SPLIT, hits);
  }
}

/** Appends token j's folded letters to `out`; false when one is not a Latin letter a-z. */
function latinLetters(s: Scan, j: number, out: number[]): boolean {
  for (let k = s.ts[j] as number; k < (s.te[j] as number); k++) {
    const c = s.fb[k] as number;
    if (c < 97 || c > 122) return false;
    out.push(c);
  }
  return true;
}

/** The two words a name's letters codes[0, n) make split at `a`, as the typo stopwords list them ("can on"). */
function splitPhrase(codes: ArrayLike<number>, a: number, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += (i === a ? " " : "") + String.fromCharCode(codes[i] as number);
  return out;
}

/** The name's letter at index `i` (counting letters only) is a capital after a small letter: "AirPods" at 3. */
function capitalAt(name: string, i: number): boolean {
  const letters = [...name].filter((c) => /\p{L}/u.test(c));
  const c = letters[i];
  const before = letters[i - 1];
  return c !== undefined && before !== undefined && c !== c.toLowerCase() && before === before.toLowerCase();
}

/** Scratch: tokens covered by a brand-side hit when findObfuscated starts. */
let COVERED = new Uint8Array(64);

/** Scratch for findModelTypos: each window's compact length (a typed array per call costs more than the search). */
let WIN_LEN = new Int32Array(256);

/** Shortest model name (compact letters) a misspelling may target: shorter ones are ordinary words one edit away. */
const MODEL_TYPO_MIN = 6;

/**
 * Misspelt model names of a brand the same text names plainly ("Adidas
 * uperstar", "Nike Air Forse 1"): a model typo next to its own brand is
 * deliberate evasion of marketplace filters far more often than a slip, and
 * restricting the search to that brand's models keeps real words from being
 * read as models (a lone "uperstar" is nothing). Windows of the model's token
 * count over uncovered tokens, compared by edit distance (1, or 2 from 10
 * letters), never for dictionary words (TYPO_STOPWORDS).
 */
function findModelTypos(m: CompiledMatcher, s: Scan, hits: Hit[]): void {
  const d = m.d;
  let named: Hit[] | null = null;
  for (const h of hits) {
    if (d.pKind[h.p] !== K_BRAND || h.how !== 0) continue;
    const b = d.pOwner[h.p] as number;
    if (named?.some((x) => d.pOwner[x.p] === b)) continue;
    if (hits.some((x) => d.pKind[x.p] === K_MODEL && d.pOwner[x.p] === b)) continue; // a model of it is named already
    if (!named) named = [h];
    else named.push(h);
  }
  if (!named) return;
  // Windows of 1..4 tokens: whether usable (all letters, joined by spaces or masks, no hit inside: decided at
  // first use, as hits grow) and their compact length, then their compact codes only when a model is close.
  const nt = s.nt;
  if (WIN_LEN.length < 5 * nt) WIN_LEN = new Int32Array(10 * nt);
  const winLen = WIN_LEN.fill(-2, 0, 5 * nt); // -2: not seen yet, -1: unusable, else compact length
  const winCodes: (number[] | undefined)[] = [];
  for (const hb of named) {
    const comps = d.chars;
    const targets = typoTargets(m, hb.p);
    // Two passes: the model's own words anywhere in the text name it plainly ("adidas Sepatu Bola Predator Pro",
    // "Burberry Long Trench Coat"); only when none does, a misspelling is looked for.
    for (let pass = 0; pass < 2; pass++) {
      let found = false;
      for (let i = 0; i < targets.length; i += 4) {
        const p = targets[i] as number;
        const cOff = targets[i + 1] as number;
        const cLen = targets[i + 2] as number;
        const nTok = targets[i + 3] as number;
        const limit = pass === 0 ? 0 : cLen >= 10 ? 2 : 1;
        const c0 = comps[cOff] as number;
        const cl = comps[cOff + cLen - 1] as number;
        let core: Uint16Array | null = null;
        // A one-word model is also named written as two words beside its brand ("Apple Air Pods" for AirPods,
        // "Louis Vuitton Never Full"): its exact letters, split by a space once.
        const widest = pass === 0 && nTok === 1 ? 2 : nTok;
        let named = false;
        for (let k = nTok; k <= widest && !named; k++) {
          for (let t = 0; t + k <= s.nt; t++) {
            if (k !== nTok && s.tg[t] !== GAP_SPACE) continue;
            const slot = k * nt + t;
            let wl = winLen[slot] as number;
            if (wl === -2) {
              wl = windowLength(s, t, k, hits);
              winLen[slot] = wl;
            }
            if (wl < 0) continue;
            if (Math.abs(wl - cLen) > limit) continue;
            // One edit cannot change both the first and the last letter: most windows stop here, before any distance.
            if (s.fb[s.ts[t] as number] !== c0 && s.fb[(s.te[t + k - 1] as number) - 1] !== cl) continue;
            let window = winCodes[slot];
            if (window === undefined) {
              window = compactWindow(s, t, t + k);
              winCodes[slot] = window;
            }
            core ??= comps.subarray(cOff, cOff + cLen);
            // Singular and plural are the same name ("Samba" for the generated "Sambas"), not a typo.
            const same = sameCodes(core, window) || pluralOf(core, window) || pluralOf(window, core);
            if (pass === 1 && (same || (k === 1 && isStopword(m, String.fromCharCode(...window))))) continue;
            const lastWord = k > 1 ? (s.te[t + k - 1] as number) - (s.ts[t + k - 1] as number) : 0;
            if (pass === 1 && otherEnding(core, window, lastWord)) continue;
            if (same || (pass === 1 && damerau(window, core, limit) <= limit && !spellingVariant(core, window))) {
              const fs = s.ts[t] as number;
              const fe = s.te[t + k - 1] as number;
              hits.push({
                p,
                start: s.fm[fs] as number,
                end: origEnd(s, fe - 1),
                t0: t,
                t1: t + k,
                fs,
                fe,
                how: pass === 0 ? 4 : 3,
              });
              named = true;
              break;
            }
          }
        }
        if (named) found = true;
      }
      if (found) break;
    }
  }
}

/**
 * The window spells the model's name the other side of the Atlantic: s for z ("Moisturising Cream" for CeraVe's
 * "Moisturizing Cream", "Organiser") or our for or ("Colour", "Flavour"), in the singular or the plural. A
 * spelling, not a misspelling.
 */
function spellingVariant(core: ArrayLike<number>, window: readonly number[]): boolean {
  const spelt = (codes: ArrayLike<number>): string =>
    String.fromCharCode(...Array.from(codes, (c) => (c === 122 ? 115 : c)))
      .replace(/our/g, "or")
      .replace(/s$/, "");
  return spelt(core) === spelt(window);
}

/**
 * The window is the model's name without its last letters ("Capucines" for "Capucines MM"), or with another short
 * ending ("Capucines BB"), or with another last word in place of the model's ("Classic II" beside "Classic Mini"): a
 * shorter name of the line, another size or another model of it, not a misspelling, which changes letters inside a
 * word ("Chuck Tailor", "Yeezy Foam Rnr"). Only endings of two letters or more: "Speedmastr" still misspells
 * "Speedmaster". `lastWord`: the letters of the window's last word when it has several, else 0.
 */
function otherEnding(core: ArrayLike<number>, window: readonly number[], lastWord: number): boolean {
  let k = 0;
  while (k < core.length && k < window.length && core[k] === window[k]) k++;
  const coreRest = core.length - k;
  const windowRest = window.length - k;
  if (coreRest < 2) return false;
  if (lastWord > 0 && windowRest === lastWord && k >= 4) return true;
  return windowRest === 0 || (k >= 4 && windowRest >= 2 && coreRest <= 3 && windowRest <= 3);
}

/**
 * The models a misspelling next to brand name pattern `brandPat` may target, four numbers each: the model's pattern,
 * the offset and length of its own letters in the character pool (without the brand name it may start with:
 * "adidas Superstar" → "superstar") and its token count. Models with a number in their name (versions and sizes are
 * never typos: "Galaxy S21" is not a misspelt "Galaxy S22"), too short or too long to target, or of more than four
 * words are left out. Built once per brand name, when first asked.
 */
function typoTargets(m: CompiledMatcher, brandPat: number): Int32Array {
  const known = m.typoTargets.get(brandPat);
  if (known) return known;
  const d = m.d;
  const idx = modelsByBrand(m);
  const b = d.pOwner[brandPat] as number;
  const bOff = d.pCompAt[brandPat] as number;
  const bLen = d.pCompLen[brandPat] as number;
  const bTok = d.pNTok[brandPat] as number;
  const out: number[] = [];
  for (let i = idx.modelStart[b] as number; i < (idx.modelStart[b + 1] as number); i++) {
    const p = idx.modelPats[i] as number;
    let nTok = d.pNTok[p] as number;
    if (hasDigitToken(m, p, nTok)) continue;
    let cOff = d.pCompAt[p] as number;
    let cLen = d.pCompLen[p] as number;
    if (nTok > bTok && rangeStartsWith(d.chars, cOff, cLen, bOff, bLen)) {
      cOff += bLen;
      cLen -= bLen;
      nTok -= bTok;
    }
    if (cLen < MODEL_TYPO_MIN || cLen > 24 || nTok > 4) continue;
    out.push(p, cOff, cLen, nTok);
  }
  const targets = Int32Array.from(out);
  m.typoTargets.set(brandPat, targets);
  return targets;
}

/**
 * Compact length of the window of n letter tokens from t (its letters, plus a
 * wildcard per masking symbol between tokens), or -1 when it cannot be a
 * model: a token that is not letters, a gap wider than a space, or a hit
 * inside.
 */
function windowLength(s: Scan, t: number, n: number, hits: Hit[]): number {
  let len = 0;
  for (let j = t; j < t + n; j++) {
    if (s.tk[j] !== TOK_LETTER || (j < t + n - 1 && (s.tg[j] as number) > GAP_SPACE)) return -1;
    len += (s.te[j] as number) - (s.ts[j] as number);
    if (j < t + n - 1 && s.tg[j] === GAP_MASK) len += s.tm[j] as number;
  }
  for (const h of hits) if (h.t0 >= 0 && h.t0 < t + n && t < h.t1) return -1;
  return len;
}

/** `b` is `a` plus a final s. */
function pluralOf(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (b.length !== a.length + 1 || b[a.length] !== 115) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** codes[a, a + aLen) starts with codes[b, b + bLen). */
function rangeStartsWith(codes: Uint16Array, a: number, aLen: number, b: number, bLen: number): boolean {
  if (bLen > aLen) return false;
  for (let i = 0; i < bLen; i++) if (codes[a + i] !== codes[b + i]) return false;
  return true;
}

function hasDigitToken(m: CompiledMatcher, p: number, nTok: number): boolean {
  const d = m.d;
  const t0 = d.pTok0[p] as number;
  for (let j = 0; j < nTok; j++) {
    const c = d.chars[d.tokAt[t0 + j] as number] as number;
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The group starting at token t follows a word of letters alone, a space between them. */
function plainWordBefore(s: Scan, t: number): boolean {
  if (t === 0 || s.tg[t - 1] !== GAP_SPACE || s.tk[t - 1] !== TOK_LETTER) return false;
  return t < 2 || (s.tg[t - 2] as number) >= GAP_SPACE;
}

/** End (exclusive) of the glued group starting at t: tokens joined without whitespace. */
function groupEnd(s: Scan, t: number): number {
  let u = t;
  while (u < s.nt - 1 && (s.tg[u] as number) <= GAP_MASK) u++;
  return u + 1;
}

function isSpacedLetterRunStart(s: Scan, t: number): boolean {
  for (let j = t; j < t + 3; j++) {
    if (j >= s.nt || s.tk[j] !== TOK_LETTER || (s.te[j] as number) - (s.ts[j] as number) !== 1) return false;
    if (j < t + 2 && (s.tg[j] as number) > GAP_SPACE) return false;
  }
  return true;
}

/** Compact form of tokens [t, u): letters, leet digits read as letters, masks as wildcards. */
function compactWindow(s: Scan, t: number, u: number): number[] {
  const out: number[] = [];
  for (let j = t; j < u; j++) {
    for (let k = s.ts[j] as number; k < (s.te[j] as number); k++) {
      const c = s.fb[k] as number;
      out.push(s.tk[j] === TOK_LETTER ? c : leetLetter(c));
    }
    if (j < u - 1 && s.tg[j] === GAP_MASK) for (let x = 0; x < (s.tm[j] as number); x++) out.push(WILD);
  }
  return out;
}

function tryGroupWindows(m: CompiledMatcher, s: Scan, t: number, end: number, hits: Hit[]): void {
  let u = end;
  for (let g = 0; g < MAX_GROUPS && u <= s.nt; g++) {
    tryWindow(m, s, t, u, hits);
    if (u >= s.nt || s.tg[u - 1] !== GAP_SPACE) break;
    u = groupEnd(s, u);
  }
}

function trySpacedLetters(m: CompiledMatcher, s: Scan, t: number, hits: Hit[]): void {
  let u = t;
  while (u < s.nt && s.tk[u] === TOK_LETTER && (s.te[u] as number) - (s.ts[u] as number) === 1) {
    u++;
    if ((s.tg[u - 1] as number) > GAP_SPACE) break;
  }
  tryWindow(m, s, t, u, hits);
}

/** The letter a 1 may stand for besides the i leetLetter reads ("Chane1", "Ro1ex", "Stone Is1and"). */
const ONE_AS_L = 108;
/** A window with more 1s than this is a code, not a disguised name: its other readings are not tried. */
const MAX_ONES = 3;

function tryWindow(m: CompiledMatcher, s: Scan, t: number, u: number, hits: Hit[]): void {
  const codes = compactWindow(s, t, u);
  if (codes.length > MAX_WINDOW || !mostlyLetters(s, t, u)) return;
  lookUpWindow(m, s, t, u, codes, hits);
  const ones = onesRead(s, t, u);
  if (ones.length <= MAX_ONES) lookUpReadings(m, s, t, u, codes, ones, ONE_AS_L, hits);
}

/**
 * Looks up each other reading of `codes`: every non-empty subset of the positions `at` read as `letter` ("Chane1"
 * with its 1 as an l, "Nlke" with its l as an i).
 */
function lookUpReadings(
  m: CompiledMatcher,
  s: Scan,
  t: number,
  u: number,
  codes: readonly number[],
  at: readonly number[],
  letter: number,
  hits: Hit[],
): void {
  for (let set = 1; set < 1 << at.length; set++) {
    const other = codes.slice();
    for (let i = 0; i < at.length; i++) if (set & (1 << i)) other[at[i] as number] = letter;
    lookUpWindow(m, s, t, u, other, hits);
  }
}

const L = 108;
const I = 105;

/** Vowels (and l itself): an l beside one is a letter of an ordinary word ("algo", "Dall"), not a stand-in for an i. */
const NOT_CONSONANT = new Set([97, 101, 105, 111, 117, 121, L]);

/** The l at k has no vowel on either side inside its word: "Nlke" (n-l-k), "GUCCl", where a word needs a vowel. */
function amidConsonants(s: Scan, k: number, from: number, to: number): boolean {
  return (
    (k === from || !NOT_CONSONANT.has(s.fb[k - 1] as number)) &&
    (k === to - 1 || !NOT_CONSONANT.has(s.fb[k + 1] as number))
  );
}

/**
 * A lower-case l standing for a capital I, which looks the same in most fonts ("Nlke", "GUCCl"): a word of letters
 * with one or two l's where a vowel must be (no vowel beside them) is also read with them as i's, unless it is a
 * dictionary word that reads as a name that way (the typo stopwords list such words).
 */
function tryLForI(m: CompiledMatcher, s: Scan, t: number, hits: Hit[]): void {
  const from = s.ts[t] as number;
  const to = s.te[t] as number;
  if (to - from < 3 || to - from > 12) return;
  const ls: number[] = [];
  for (let k = from; k < to; k++) {
    if (s.fb[k] !== L || !amidConsonants(s, k, from, to)) continue;
    if (ls.length === 2) return; // three or more: a word of its own, not a disguise
    ls.push(k - from);
  }
  if (ls.length === 0) return;
  const before = hits.length;
  lookUpReadings(m, s, t, t + 1, compactWindow(s, t, t + 1), ls, I, hits);
  if (hits.length === before) return;
  // Brand names only (a model's name read this way is too short a clue), and no dictionary word.
  if (isStopword(m, String.fromCharCode(...s.fb.subarray(from, to)))) hits.length = before;
  else for (let h = hits.length - 1; h >= before; h--) if (m.d.pKind[(hits[h] as Hit).p] !== K_BRAND) hits.splice(h, 1);
}

/** Letters outnumber digits in tokens [t, u): a word with digits in it, not a number read as letters ("13.3" is no "Lee"). */
function mostlyLetters(s: Scan, t: number, u: number): boolean {
  let balance = 0;
  for (let j = t; j < u; j++) {
    const n = (s.te[j] as number) - (s.ts[j] as number);
    balance += s.tk[j] === TOK_LETTER ? n : s.tk[j] === TOK_DIGIT ? -n : 0;
  }
  return balance > 0;
}

const NO_ONES: readonly number[] = [];

/** Positions in compactWindow(s, t, u) of the digit 1 read as a letter inside a word. */
function onesRead(s: Scan, t: number, u: number): readonly number[] {
  let out: number[] | null = null; // allocated at the first 1: most windows have none
  let n = 0;
  for (let j = t; j < u; j++) {
    for (let k = s.ts[j] as number; k < (s.te[j] as number); k++, n++) {
      if (s.tk[j] === TOK_LETTER || s.fb[k] !== 49) continue;
      out ??= [];
      out.push(n);
    }
    if (j < u - 1 && s.tg[j] === GAP_MASK) n += s.tm[j] as number;
  }
  return out ?? NO_ONES;
}

const NONE: readonly number[] = [];

/** The brand-side patterns whose compact form is exactly `codes` (letters, no wildcards). */
function exactPatterns(m: CompiledMatcher, codes: readonly number[]): readonly number[] {
  const comp = m.tables.comp;
  const h = hashCodes(codes);
  const b = bucketOf(h, comp.shift);
  let out: number[] | null = null; // allocated at the first match: most windows have none
  for (let e = comp.start[b] as number; e < (comp.start[b + 1] as number); e++) {
    if (comp.keys[e] !== h) continue;
    const p = comp.vals[e] as number;
    if (!sameCodes(compOf(m, p), codes)) continue;
    out ??= [];
    out.push(p);
  }
  return out ?? NONE;
}

/** Brand names whose compact form is `codes` (wildcards standing for masked letters). */
function lookUpWindow(m: CompiledMatcher, s: Scan, t: number, u: number, codes: number[], hits: Hit[]): void {
  const letters = codes.filter((c) => c !== WILD).length;
  if (letters < 3) return;
  if (letters === codes.length) {
    for (const p of exactPatterns(m, codes)) addHit(m, s, p, t, u, 1, hits);
    return;
  }
  const first = codes[0] as number;
  const last = codes[codes.length - 1] as number;
  if (first === WILD || last === WILD) return;
  const table = m.tables.bucket;
  const key = (first << 16) | last;
  const b = bucketOf(key, table.shift);
  for (let e = table.start[b] as number; e < (table.start[b + 1] as number); e++) {
    if (table.keys[e] !== key) continue;
    const p = table.vals[e] as number;
    const comp = compOf(m, p);
    if (comp.length < letters || comp.length > codes.length || letters < 0.6 * comp.length) continue;
    if (wildMatch(codes, 0, comp, 0)) addHit(m, s, p, t, u, 2, hits);
  }
}

function compOf(m: CompiledMatcher, p: number): Uint16Array {
  const at = m.d.pCompAt[p] as number;
  return m.d.chars.subarray(at, at + (m.d.pCompLen[p] as number));
}

function sameCodes(a: Uint16Array, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Each wildcard stands for zero or one letter (a mask replaces a letter or is inserted). */
function wildMatch(codes: number[], i: number, name: Uint16Array, j: number): boolean {
  if (i === codes.length) return j === name.length;
  const c = codes[i] as number;
  if (c === WILD) return wildMatch(codes, i + 1, name, j) || (j < name.length && wildMatch(codes, i + 1, name, j + 1));
  return j < name.length && name[j] === c && wildMatch(codes, i + 1, name, j + 1);
}

/** Scratch for typo windows: codes of the window and FNV states of its prefixes (windows are at most 24 letters). */
const TYPO_CODES = new Int32Array(32);
const TYPO_PREFIX = new Int32Array(33);
const TYPO_SUFFIX = new Int32Array(33);
/** Candidates already confirmed or refuted for the current window (a pattern is reached through several deletions). */
const TYPO_FOUND = new Int32Array(64);

/**
 * Typo-squat of a long brand name in letter tokens [t, u) (one word, or two
 * joined by a space): every 1-deletion of the window is looked up in the
 * symmetric-delete table, candidates confirmed by edit distance. No
 * allocation on the common path (the window is too short, or no candidate).
 */
function tryTypo(m: CompiledMatcher, s: Scan, t: number, u: number, hits: Hit[]): void {
  let len = 0;
  for (let j = t; j < u; j++) len += (s.te[j] as number) - (s.ts[j] as number);
  if (len < TYPO_MIN_LENGTH || len > 24) return;
  // Letter tokens joined by spaces: the compact form is their letters, no leet digits, no masks.
  const codes = TYPO_CODES;
  let n = 0;
  for (let j = t; j < u; j++) {
    for (let k = s.ts[j] as number; k < (s.te[j] as number); k++) codes[n++] = s.fb[k] as number;
  }
  // Polynomial prefix and suffix sums: the key of the window without unit i is pre[i]·B^(n-1-i) + suf[i+1].
  const pre = TYPO_PREFIX;
  const suf = TYPO_SUFFIX;
  const pow = TYPO_POW;
  pre[0] = 0;
  for (let i = 0; i < n; i++) pre[i + 1] = (Math.imul(pre[i] as number, TYPO_BASE) + (codes[i] as number)) | 0;
  suf[n] = 0;
  for (let i = n - 1; i >= 0; i--)
    suf[i] = (Math.imul(codes[i] as number, pow[n - 1 - i] as number) + (suf[i + 1] as number)) | 0;
  const d = m.d;
  const found = TYPO_FOUND;
  let nFound = 0;
  let checked = false;
  const bits = m.typoBits;
  const typo = m.tables.typo;
  const start = typo.start;
  const keys = typo.keys;
  for (let skip = -1; skip < n; skip++) {
    const h =
      skip < 0
        ? typoMix(pre[n] as number, n)
        : typoMix((Math.imul(pre[skip] as number, pow[n - 1 - skip] as number) + (suf[skip + 1] as number)) | 0, n - 1);
    const bit = h & TYPO_BITS_MASK;
    if (((bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) continue;
    const bit2 = typoBit2(h);
    if (((bits[bit2 >>> 5] as number) & (1 << (bit2 & 31))) === 0) continue;
    const bucket = bucketOf(h, typo.shift);
    for (let e = start[bucket] as number; e < (start[bucket + 1] as number); e++) {
      if (keys[e] !== h) continue;
      // Dictionary words are never typos, nor words written with a letter a keyboard without accents lacks:
      // checked once, at the first candidate.
      if (!checked) {
        if (u - t === 1 && isStopword(m, String.fromCharCode(...codes.subarray(0, n)))) return;
        // Two words a one-word name splits into, listed as such ("lu minor" is no Luminox): trySplit's phrases.
        const a = (s.te[t] as number) - (s.ts[t] as number);
        if (u - t === 2 && isStopword(m, splitPhrase(codes, a, n))) return;
        if (accented(s.text, s.fm[s.ts[t] as number] as number, s.fm[s.te[u - 1] as number] as number)) return;
        checked = true;
      }
      const p = typo.vals[e] as number;
      let seen = false;
      for (let f = 0; f < nFound; f++) if (found[f] === p) seen = true;
      if (seen) continue;
      if (nFound < found.length) found[nFound++] = p;
      const c0 = d.pCompAt[p] as number;
      const clen = d.pCompLen[p] as number;
      if (d.chars[c0] !== codes[0]) continue;
      const window = Array.from(codes.subarray(0, n));
      const comp = compOf(m, p);
      if (sameCodes(comp, window)) continue;
      const limit = clen >= 10 ? 2 : 1;
      if (u - t === 2 && editedWordIsWord(m, s, t, window, comp)) continue;
      if (damerau(window, comp, limit) <= limit) addHit(m, s, p, t, u, 3, hits);
    }
  }
}

/**
 * Whether text[from, to) holds a Latin letter with a diacritic (À-ɏ: é, ö, ł, ç, ı …). A name written with such a
 * letter folds to the name itself and is found as written; one letter off and accented, the window is a word of a
 * language that writes it ("Motoröl", German motor oil, one letter from Motorola), not a misspelt name.
 */
function accented(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return true;
  }
  return false;
}

/** Fewest letters of a dictionary word scripts/build-typo-stopwords.ts tries in place of a word of a two-word name. */
export const TYPO_WORD_MIN = 3;

/**
 * In the window of tokens t and t + 1, a word that differs from the name is an ordinary word, a stopword ("bell
 * watch" is a bell, not Ball Watch; "fairy phone" no Fairphone; "custom watch" no Custos watch). "New Balnce", "Off
 * Whte" misspell a word into no word.
 * A word that matches its end of the name exactly is not the one changed; both matching, the change is where they
 * meet ("Black Ink" is no Blackpink, "diamonds supply" no Diamond Supply), which no one misspelling a name does: a
 * seller hiding the name changes a letter inside a word.
 */
function editedWordIsWord(
  m: CompiledMatcher,
  s: Scan,
  t: number,
  window: readonly number[],
  comp: ArrayLike<number>,
): boolean {
  const first = (s.te[t] as number) - (s.ts[t] as number);
  const second = window.length - first;
  let headSame = first <= comp.length;
  for (let i = 0; i < first && headSame; i++) headSame = window[i] === comp[i];
  let tailSame = second <= comp.length;
  for (let i = 1; i <= second && tailSame; i++) tailSame = window[window.length - i] === comp[comp.length - i];
  if (headSame && tailSame) return true;
  // The change in a word of one or two letters: a one-word name read in two words ("de sport" for Dysport), or a
  // name's short word changed ("Carte SD", French for an SD card, for "Carté HD"). No one hides a name by changing a
  // letter of so short a piece: such words are articles (de, la, du, le) and other acronyms (SD, HD, TV).
  const tiny = (letters: number) => letters <= 2;
  const ordinary = (from: number, to: number) =>
    tiny(to - from) || isStopword(m, String.fromCharCode(...window.slice(from, to)));
  return (!headSame && ordinary(0, first)) || (!tailSame && ordinary(first, window.length));
}

/** Optimal-string-alignment distance, stopping early above `limit`. Three rows of scratch, no allocation. */
export function damerau(a: ArrayLike<number>, b: ArrayLike<number>, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const w = m + 1;
  if (DL_ROWS.length < 3 * w) DL_ROWS = new Int32Array(6 * w);
  const rows = DL_ROWS;
  // Rows i-2, i-1 and i at offsets p2, p1, c, rotated after each row.
  let p2 = 0;
  let p1 = w;
  let c = 2 * w;
  for (let j = 0; j <= m; j++) {
    rows[p2 + j] = 0;
    rows[p1 + j] = j;
  }
  for (let i = 1; i <= n; i++) {
    rows[c] = i;
    let rowMin = i;
    const ai = a[i - 1] as number;
    for (let j = 1; j <= m; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (rows[p1 + j] as number) + 1,
        (rows[c + j - 1] as number) + 1,
        (rows[p1 + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (rows[p2 + j - 2] as number) + 1);
      rows[c + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = p2;
    p2 = p1;
    p1 = c;
    c = t;
  }
  return rows[p1 + m] as number;
}

let DL_ROWS = new Int32Array(96);

function addHit(m: CompiledMatcher, s: Scan, p: number, t: number, u: number, how: number, hits: Hit[]): void {
  const fs = s.ts[t] as number;
  const fe = s.te[u - 1] as number;
  const owner = m.d.pOwner[p];
  // A plain hit of the same brand already covers the start of this text: nothing was hidden. One that starts later
  // ("Rouge 540" in "B4ccarat Rouge 540") leaves the letters before it to be read.
  if (hits.some((h) => m.d.pSide[h.p] === SIDE_BRAND && m.d.pOwner[h.p] === owner && h.fs <= fs && fs < h.fe)) return;
  hits.push({ p, start: s.fm[fs] as number, end: origEnd(s, fe - 1), t0: t, t1: u, fs, fe, how });
}

/**
 * Whether the original text of a hit differs from the name in a way that
 * hides it: different letters (look-alikes, leetspeak) or symbols inside the
 * name. Case, diacritics, hyphen-for-space and writing a multi-word name as
 * one word ("Offwhite") are ordinary spelling, not disguise.
 */
export function isDisguised(original: string, name: string): boolean {
  // Same text, or the same ASCII letters up to case: nothing hidden (what plainTokens would conclude, without its regexes).
  if (original === name || sameAsciiIgnoringCase(original, name)) return false;
  const a = plainTokens(original);
  const b = plainTokens(name);
  if (a.join(" ") === b.join(" ")) return false;
  // Letters written one by one, apart ("N i k e", "L-E-G-O", "G u c c i"), where the name is not itself so written
  // ("M·A·C"): no name is spelled that way but to slip past a filter, unlike a code's spaces and hyphens below.
  if (lettersApart(original) && !lettersApart(name)) return true;
  // A model code or name written with or without its spaces and hyphens ("F91W" for "F-91W", "BR03" for "BR 03",
  // "No.3" for "No. 3"), or a letter in its usual ASCII spelling ("Norrona" for "Norrøna"): the plain form.
  if (plainTokens(original, false).join("") === plainTokens(name, false).join("")) return false;
  if (a.length === 1 && a[0] === b.join("")) return false;
  // The name's letters and digits written without its punctuation, in one word or several ("MAC" for "M·A·C",
  // "No 3 Hair Perfector" for "No.3 Hair Perfector"): the plain form. Letters spaced one by one ("G u c c i") are not.
  const plainWord = (t: string) =>
    /^[\p{L}\p{M}\p{N}]+$/u.test(t) && (a.length === 1 || t.length > 1 || /\p{N}/u.test(t));
  if (a.every(plainWord) && a.join("") === lettersOf(b.join(""))) return false;
  // The brand's own spelling in another script (اديداس for the alias أديداس, Найки for Найк) differs only in
  // optional marks or spelling, not in a disguise: disguise is mixing scripts or matching another script's name.
  // Symbols between its letters ("제/니/스", "아-크-네") are a disguise in any script.
  if (/[^\p{L}\p{M}\s]/u.test(original)) return true;
  if (fullForSmallKana(original, name)) return true;
  const script = scriptOf(original);
  return script === null || script === "Latin" || script !== scriptOf(name);
}

/** Longest kana name (in letters) that another word differs from by a voicing mark alone: "サラ" (Sara) is not "ザラ". */
const SHORT_KANA = 3;

/**
 * The text is another kana word than a short kana name, differing from it only in voicing marks: "サラ" for "ザラ"
 * (Zara), "ハック" for "バッグ". Kana fold without their marks (fold.ts KANA_BASE), so such a word matches the name.
 * Half-width kana with separate marks ("ｻﾞﾗ") compose first and are the name.
 */
export function otherKanaWord(text: string, name: string): boolean {
  // Most names are not short kana: asked first, before any normalizing.
  if (name.length > SHORT_KANA || !ALL_KANA.test(name)) return false;
  const a = text.normalize("NFKC");
  const b = name.normalize("NFKC");
  if (a === b || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    const x = a.charAt(i);
    const y = b.charAt(i);
    if (x !== y && x.normalize("NFD").charAt(0) === y.normalize("NFD").charAt(0)) return true;
  }
  return false;
}
const ALL_KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/** Three or more single letters and nothing else, each apart from the next by spaces, hyphens or dots: "L-E-G-O". */
function lettersApart(text: string): boolean {
  const parts = text.split(/[\s\-\u2010-\u2015.·]+/u).filter((p) => p !== "");
  return parts.length >= 3 && parts.every((p) => /^\p{L}\p{M}*$/u.test(p));
}

/** The text writes full-size a kana the name writes small ("ロレツクス" for "ロレックス"): a disguise, never a spelling. */
function fullForSmallKana(original: string, name: string): boolean {
  if (original.length !== name.length) return false;
  let swapped = false;
  for (let i = 0; i < name.length; i++) {
    const a = original.charCodeAt(i);
    const b = name.charCodeAt(i);
    if (a === b) continue;
    if (SMALL_KANA.get(b) !== a) return false;
    swapped = true;
  }
  return swapped;
}

const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Han", "Hangul", "Thai", "Devanagari"] as const;
const SCRIPT_RES = SCRIPTS.map((n) => new RegExp(`\\p{Script=${n}}`, "u"));
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The one script of a text's letters (kana count as Han: Japanese mixes
 * them), "other" for a script not listed, or null when letters of several
 * scripts are mixed.
 */
export function scriptOf(text: string): string | null {
  let found: string | null = null;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    let s = "other";
    if (KANA.test(ch)) s = "Han";
    else {
      const i = SCRIPT_RES.findIndex((re) => re.test(ch));
      if (i >= 0) s = SCRIPTS[i] as string;
    }
    if (found !== null && found !== s) return null;
    found = s;
  }
  return found;
}

function sameAsciiIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 128 || y >= 128) return false;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

function lettersOf(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}]/gu, "");
}

/** Letters without a decomposition that have a usual ASCII spelling. */
const ASCII_SPELLING: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d", þ: "th", ı: "i" };

/** The words of a name or its written form; an ampersand is a word of its own, spaced or not ("Dolce&Gabbana"). */
function plainTokens(text: string, trimEdges = true): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u200b-\u200f\u2060\ufeff'’\u064b-\u065f\u0670\u0640]/g, "")
    .toLowerCase()
    .replace(/[øæœßłđþı]/g, (c) => ASCII_SPELLING[c] ?? c)
    .replace(/&/g, " & ")
    .split(/[\s\-‐‑–—_]+/)
    .map((x, i, all) => {
      if (!trimEdges) return x;
      const t = x.replace(EDGE_PUNCTUATION, "");
      return i === all.length - 1 ? t.replace(/[+%]+$/u, "") : t;
    })
    .filter((x) => x.length > 0);
}

/**
 * Brackets, quotes and sentence punctuation at a word's edges, and a "+" or "%" closing the name ("Gimme Brow+",
 * "Zinc 1%"; "Air+ Jordan" keeps its "+"):
 * "AirPods Pro (2nd generation)" written in a title is the name, whether the match took in the closing bracket or
 * not. Symbols inside a word stay ("N*KE", "Gu.cci").
 */
const EDGE_PUNCTUATION = /^[()[\]{}"“”„«»‹›,.;:!?]+|[()[\]{}"“”„«»‹›,.;:!?]+$/gu;

export { K_BRAND };
