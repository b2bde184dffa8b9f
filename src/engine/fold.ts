/**
 * Per-character folding: the one place that decides what a character becomes
 * before matching. Patterns (at compile time) and listing text (at score time)
 * go through the same function, so anything folded here matches consistently.
 *
 * Steps for each code point: drop invisible characters (zero-width, bidi,
 * variation selectors, combining marks), NFKC-style compatibility folding
 * (full-width, mathematical, circled letters), case folding, diacritics
 * removal, then look-alike letters (UTS #39 confusables, data/confusables.json)
 * folded to the Latin letters they imitate. Leetspeak is NOT folded here:
 * digits are ordinary characters ("Jordan 4" must keep its 4); the
 * obfuscation pass folds digits inside words separately (see obfuscation.ts).
 */
import { fold as CONFUSABLE_FOLD } from "./data/confusables.json";

/** Character classes after folding. */
export const C_BOUND = 0; // whitespace, control: ends a token, not glue
export const C_LETTER = 1; // letters of alphabetic scripts (word-aware matching)
export const C_DIGIT = 2;
export const C_CJK = 3; // Han, kana, Thai, Lao, Myanmar, Khmer: substring matching, no word boundaries
export const C_SEP = 4; // symbols used as separators inside words: N.I.K.E, Gu-cci, PR//ADA
export const C_MASK = 5; // symbols used as masks for a letter: N*KE, A⭐R J⭐R⭐AN

/**
 * Look-alike letters folded to the Latin letters they imitate: Unicode's confusables (UTS #39), the subset that
 * makes sense for brand names, compiled into data/confusables.json by scripts/build-confusables.ts (which says what
 * is kept and why). Code point → its Latin letters (one, or two for ligatures: æ → ae).
 */
const CONFUSABLES: ReadonlyMap<number, string> = buildConfusables(CONFUSABLE_FOLD);

function buildConfusables(fold: Record<string, string>): Map<number, string> {
  const map = new Map<number, string>();
  for (const [latin, lookAlikes] of Object.entries(fold)) {
    for (const ch of lookAlikes) map.set(ch.codePointAt(0) as number, latin);
  }
  return map;
}

/** Symbols that separate letters without replacing one ("N.I.K.E", "Gu-cci", "PR//ADA", "Arc'+teryx"). */
const SEPARATORS = new Set("-./\\+'’‘`_,:;~·•…–—‐‑=".split("").map((c) => c.charCodeAt(0)));

/** ASCII fast path: folded code and class per code unit, built once from the rules above. */
export const ASCII_FOLD = new Uint16Array(128);
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) {
    ASCII_FOLD[c] = c + 32;
    ASCII_CLASS[c] = C_LETTER;
  } else if (c >= 97 && c <= 122) {
    ASCII_FOLD[c] = c;
    ASCII_CLASS[c] = C_LETTER;
  } else if (c >= 48 && c <= 57) {
    ASCII_FOLD[c] = c;
    ASCII_CLASS[c] = C_DIGIT;
  } else if (c <= 32 || c === 127) {
    ASCII_FOLD[c] = 32;
    ASCII_CLASS[c] = C_BOUND;
  } else {
    ASCII_FOLD[c] = c;
    ASCII_CLASS[c] = SEPARATORS.has(c) ? C_SEP : C_MASK;
  }
}

/**
 * Kana without voicing marks (パ → ハ, ガ → カ): half-width kana arrive as a
 * base letter plus a separate mark that per-character folding cannot compose,
 * so both forms are reduced to the base letter, in patterns and text alike.
 * Small kana fold to their full-size letters (ッ → ツ, ャ → ヤ): "ロレツクス",
 * "シヤネル" write a name's small kana full-size to slip past marketplace
 * filters, and no two words differ by that alone (obfuscation.ts isDisguised
 * tells the disguise from the name).
 */
export const KANA_BASE = new Uint16Array(0x30ff - 0x3040 + 1);
for (let c = 0x3040; c <= 0x30ff; c++) {
  KANA_BASE[c - 0x3040] = String.fromCharCode(c).normalize("NFD").charCodeAt(0);
}
/** Small kana and the full-size letter each stands for. */
export const SMALL_KANA: ReadonlyMap<number, number> = new Map(
  [
    "ぁあ",
    "ぃい",
    "ぅう",
    "ぇえ",
    "ぉお",
    "っつ",
    "ゃや",
    "ゅゆ",
    "ょよ",
    "ゎわ",
    "ゕか",
    "ゖけ",
    "ァア",
    "ィイ",
    "ゥウ",
    "ェエ",
    "ォオ",
    "ッツ",
    "ャヤ",
    "ュユ",
    "ョヨ",
    "ヮワ",
    "ヵカ",
    "ヶケ",
  ].map((p) => [p.charCodeAt(0), p.charCodeAt(1)]),
);
for (const [small, full] of SMALL_KANA) KANA_BASE[small - 0x3040] = full;

/** Zero-width, bidi controls, BOM, soft hyphen, variation selectors, combining marks: removed, they never break a word. */
export function isIgnorable(cp: number): boolean {
  return (
    cp === 0xad ||
    (cp >= 0x300 && cp <= 0x36f) ||
    cp === 0x34f ||
    cp === 0x3099 ||
    cp === 0x309a ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x180e ||
    cp === 0x3164 ||
    isRtlMark(cp)
  );
}

/**
 * Arabic vowel and hamza marks, the tatweel that stretches a word, Hebrew
 * points and cantillation: optional in writing, so the same word arrives with
 * or without them ("أديداس" and "اديداس" are both adidas). Removed like the
 * Latin diacritics. The Arabic letter mark (U+061C) is a bidi control.
 */
function isRtlMark(cp: number): boolean {
  return (
    (cp >= 0x591 && cp <= 0x5bd) ||
    cp === 0x5bf ||
    cp === 0x5c1 ||
    cp === 0x5c2 ||
    cp === 0x5c4 ||
    cp === 0x5c5 ||
    cp === 0x5c7 ||
    (cp >= 0x610 && cp <= 0x61a) ||
    cp === 0x61c ||
    cp === 0x640 ||
    (cp >= 0x64b && cp <= 0x65f) ||
    cp === 0x670 ||
    (cp >= 0x6d6 && cp <= 0x6dc) ||
    (cp >= 0x6df && cp <= 0x6e4) ||
    cp === 0x6e7 ||
    cp === 0x6e8 ||
    (cp >= 0x6ea && cp <= 0x6ed)
  );
}

/**
 * Han ideographs, Japanese kana, and the scripts of South-East Asia written without spaces between words (Thai, Lao,
 * Myanmar, Khmer: "กระเป๋ากุชชี่" is bag and Gucci in one run): matched as substrings.
 */
export function isCjk(cp: number): boolean {
  return (
    isSpacelessAlphabet(cp) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    cp === 0x3005
  );
}

/** Thai, Lao, Myanmar and Khmer: alphabets written without spaces between words. */
export function isSpacelessAlphabet(cp: number): boolean {
  return (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1000 && cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x17ff);
}

/** Class of an already folded code unit / code point. */
export function classify(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp] ?? C_BOUND;
  if (isCjk(cp)) return C_CJK;
  // Fast ranges: Latin-1/Extended, Greek, Cyrillic, Hangul syllables are letters.
  if ((cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x370 && cp <= 0x52f && cp !== 0x37e)) {
    return C_LETTER;
  }
  if (cp >= 0xac00 && cp <= 0xd7af) return C_LETTER;
  if (cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029) return C_BOUND;
  const ch = String.fromCodePoint(cp);
  // Vowel signs of Indic, Thai and other scripts are part of their word (नाइकी, ไนกี้), not symbols between words.
  if (/[\p{L}\p{M}]/u.test(ch)) return C_LETTER;
  if (/\p{Nd}/u.test(ch)) return C_DIGIT;
  if (SEPARATORS.has(cp)) return C_SEP;
  if (/\p{Z}|\p{Cc}/u.test(ch)) return C_BOUND;
  return C_MASK;
}

/**
 * Fold one non-ASCII code point to zero or more folded code points.
 * Returns "" for ignorable characters. Slow path: callers handle ASCII and
 * CJK inline first, so this runs only for the rare other characters.
 */
export function foldSlow(cp: number): string {
  if (isIgnorable(cp)) return "";
  // Plain lowercase Cyrillic that imitates nothing (п, л, и): keep as is, no NFKD needed.
  if (cp >= 0x430 && cp <= 0x44f && !CONFUSABLES.has(cp)) return String.fromCharCode(cp);
  const direct = CONFUSABLES.get(cp);
  if (direct !== undefined) return direct;
  // Regional indicator letters (🇳🇮🇰🇪) spell Latin letters, and so do negative circled and squared ones (🅝🅘🅚🅔,
  // 🅽🅸🅺🅴), which have no compatibility decomposition.
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(97 + cp - 0x1f1e6);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(97 + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(97 + cp - 0x1f170);
  // Full-width ASCII: NFKC would do it, this is just faster.
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const a = cp - 0xfee0;
    return String.fromCharCode(ASCII_FOLD[a] ?? a);
  }
  const decomposed = String.fromCodePoint(cp).normalize("NFKD").toLowerCase();
  let out = "";
  for (const ch of decomposed) {
    const c = ch.codePointAt(0) ?? 0;
    if (isIgnorable(c)) continue;
    if (c < 128) {
      out += String.fromCharCode(ASCII_FOLD[c] ?? c);
      continue;
    }
    out += CONFUSABLES.get(c) ?? ch;
  }
  // Kana from compatibility forms (half-width ｶ) reduce to their base letter like full-width ones.
  let kana = "";
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    kana += c >= 0x3040 && c <= 0x30ff ? String.fromCharCode(KANA_BASE[c - 0x3040] as number) : out[i];
  }
  return kana;
}

/** Leetspeak digits and symbols read as the letter they imitate, used only inside words (N1ke, R0lex, Gucc1). */
export function leetLetter(code: number): number {
  switch (code) {
    case 48:
      return 111; // 0 → o
    case 49:
      return 105; // 1 → i
    case 51:
      return 101; // 3 → e
    case 52:
      return 97; // 4 → a
    case 53:
      return 115; // 5 → s
    case 55:
      return 116; // 7 → t
    default:
      return code;
  }
}
