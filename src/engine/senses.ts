/**
 * Context instead of words: whether a counterfeit term is used in its
 * ordinary sense ("AAA batteries", "1:1 scale model", 复刻 on a brand's own
 * retro release, "imitation leather"), and whether a brand is named as what
 * an item imitates ("inspired by Chanel No 5") rather than as its brand.
 * The rules are language data (data/term-senses.json; the dupe phrases of
 * data/dupe-phrases.json are matched by the matcher as context patterns),
 * applied to the original field text around a hit; they run only for the
 * few hits a listing has.
 */
import type { EvidenceSpan } from "../shared/verdict.ts";
import SENSES from "./data/term-senses.json";
import { DUPE_ADJOINED, foldPhrase } from "./lexicon.ts";

interface Sense {
  after: string[];
  /** Words that, after a count right after the term, make it ordinary: "AAA 12 Pack", "AA 24-count". */
  afterCount: string[];
  before: string[];
  with: string[];
  unlessWith: string[];
  /** When any "only" condition is given, the term counts only where one holds ("[LJR]", "PK batch", "GX版"). */
  onlyAfter: string[];
  onlyBefore: string[];
  onlyBracketed: boolean;
  /** Words any of which, anywhere in the field, let the term count ("LJR" in a title naming sneakers). */
  onlyWith: string[];
}

const BY_TERM = new Map<string, Sense>();
for (const s of SENSES.senses as Partial<Sense & { terms: string[] }>[]) {
  const sense: Sense = {
    after: s.after ?? [],
    afterCount: s.afterCount ?? [],
    before: s.before ?? [],
    with: s.with ?? [],
    unlessWith: s.unlessWith ?? [],
    onlyAfter: s.onlyAfter ?? [],
    onlyBefore: s.onlyBefore ?? [],
    onlyBracketed: s.onlyBracketed ?? false,
    onlyWith: s.onlyWith ?? [],
  };
  for (const t of s.terms ?? []) BY_TERM.set(t.toLowerCase(), sense);
}

const LETTER = /[\p{L}\p{N}]/u;
/** Scripts written without spaces between words: a word there needs no boundary. */
export const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;

/** `rest` starts with `word` as a whole word (a CJK word needs no boundary). */
function startsWithWord(rest: string, word: string): boolean {
  if (!rest.startsWith(word)) return false;
  const next = rest.charAt(word.length);
  return next === "" || SPACELESS.test(word.charAt(word.length - 1)) || !LETTER.test(next);
}

function endsWithWord(head: string, word: string): boolean {
  if (!head.endsWith(word)) return false;
  const prev = head.charAt(head.length - word.length - 1);
  return prev === "" || SPACELESS.test(word.charAt(0)) || !LETTER.test(prev);
}

/** A count and its separators: "12 ", "24-", "4x ". */
const COUNT = /^\d+\s*x?[\s-]*/u;

/** Separators a sense word may be written after: "AAA-batteries", "1:1 - scale". */
const GAP = /^[\s\-–—_/:,.()[\]]*/u;
const GAP_END = /[\s\-–—_/:,.()[\]]*$/u;

/** A version number written after a factory code ("PK 4.0", "LJR v2"): skipped when reading the word before. */
const VERSION_END = /[\s\-_]*v?\d+(?:\.\d+)?$/u;
const OPENERS = "([{【（〔「『〈《";
const CLOSERS = ")]}】）〕」』〉》";
/** How far a bracket may be from the term it encloses ("[PK 4.0 batch]", "【LJR纯原】"). */
const BRACKET_REACH = 24;

/** Whether text[start, end) stands inside a short pair of brackets: "[LJR batch]", "(GX)", "【PK版】". */
function bracketed(lower: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - BRACKET_REACH); i--) {
    const ch = lower.charAt(i);
    if (CLOSERS.includes(ch)) return false;
    if (OPENERS.includes(ch)) {
      open = OPENERS.indexOf(ch);
      break;
    }
  }
  if (open < 0) return false;
  for (let i = end; i < Math.min(lower.length, end + BRACKET_REACH); i++) {
    const ch = lower.charAt(i);
    if (OPENERS.includes(ch)) return false;
    if (CLOSERS.includes(ch)) return true;
  }
  return false;
}

/** Whether a term whose sense has "only" conditions meets one of them at text[start, end). */
function inOwnSense(sense: Sense, lower: string, start: number, end: number): boolean {
  if (sense.onlyBracketed && bracketed(lower, start, end)) return true;
  if (sense.onlyWith.some((w) => holds(lower, w))) return true;
  const rest = lower.slice(end, end + 40).replace(GAP, "");
  if (sense.onlyAfter.some((w) => startsWithWord(rest, w))) return true;
  const head = lower.slice(Math.max(0, start - 40), start).replace(GAP_END, "");
  const unversioned = head.replace(VERSION_END, "").replace(GAP_END, "");
  return sense.onlyBefore.some((w) => endsWithWord(head, w) || endsWithWord(unversioned, w));
}

/**
 * Whether the counterfeit term `term` (as the pack writes it), found at
 * text[start, end), is used in an ordinary sense there. A term with its own
 * modifier ("AAA quality", "1:1 copy") is a longer term of the pack and
 * never reaches here as the bare one. A term ambiguous in ordinary text
 * ("batch", a factory code such as "PK") may instead say where alone it is
 * counterfeit wording (its "only" conditions): anywhere else it is ordinary.
 */
export function ordinarySense(term: string, text: string, start: number, end: number): boolean {
  // By the pack's term, else by the text it matched ("AAA+" folds like "AAA" and matches it).
  const sense = BY_TERM.get(term.toLowerCase()) ?? BY_TERM.get(text.slice(start, end).toLowerCase());
  if (!sense) return false;
  // Diacritics removed letter by letter, so offsets still hold: "batérie" reads as "baterie".
  const lower = plain(text);
  const only =
    sense.onlyBracketed || sense.onlyAfter.length > 0 || sense.onlyBefore.length > 0 || sense.onlyWith.length > 0;
  if (only && !inOwnSense(sense, lower, start, end)) return true;
  if (sense.unlessWith.some((w) => holds(lower, w))) return false;
  const rest = lower.slice(end, end + 40).replace(GAP, "");
  if (sense.after.some((w) => startsWithWord(rest, w))) return true;
  const count = COUNT.exec(rest);
  if (count && sense.afterCount.some((w) => startsWithWord(rest.slice(count[0].length), w))) return true;
  const head = lower.slice(Math.max(0, start - 40), start).replace(GAP_END, "");
  if (sense.before.some((w) => endsWithWord(head, w))) return true;
  return sense.with.some((w) => holds(lower, w));
}

/**
 * `lower` holds `word` anywhere (a plural or compound holds its word: "coins", "fossils"), except that a number is
 * not part of a longer one: "1:1" is not in the scale "1:18".
 */
function holds(lower: string, word: string): boolean {
  const lead = DIGIT.test(word.charAt(0));
  const tail = DIGIT.test(word.charAt(word.length - 1));
  for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
    if (lead && DIGIT.test(lower.charAt(i - 1))) continue;
    if (tail && DIGIT.test(lower.charAt(i + word.length))) continue;
    return true;
  }
  return false;
}
const DIGIT = /\p{N}/u;

/** Lower case without combining marks, one output character per input character (offsets unchanged). */
function plain(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) {
    const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

const GRADE_FIELDS = new Set(SENSES.gradeFields.names.map((n) => plain(n)));
/** Grade names in scripts written without spaces (品质, 등급...): found inside the name, not as a word. */
const GRADE_INSIDE = [...GRADE_FIELDS].filter((g) => /[^\p{ASCII}]/u.test(g));

/**
 * A term found in a specification's value is counterfeit wording when the value says more than the term
 * ("AAA quality copy"), or when the specification names the grade of the item ("Quality: AAA"); the whole value
 * of any other specification is that specification's value ("Battery type: AAA", "Scale: 1:1").
 */
export function specificationSense(name: string, value: string, start: number, end: number): boolean {
  if (value.slice(0, start).trim() !== "" || value.slice(end).trim() !== "") return true;
  const folded = plain(name);
  if ((folded.match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => GRADE_FIELDS.has(w))) return true;
  const compact = folded.replace(/[^\p{L}\p{N}]/gu, "");
  return GRADE_INSIDE.some((g) => compact.includes(g));
}

const WORD_CHAR = /[\p{L}\p{N}'’]/u;

/** The code unit at `i` is part of a word as the dupe phrases count words: a letter, a digit or an apostrophe. */
export function wordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128
    ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39
    : WORD_CHAR.test(text[i] as string);
}

/**
 * Words (runs of letters, digits and apostrophes) in text[from, to), counted up to `limit` + 1: how far a dupe
 * phrase is from the brand. One pass over the stretch without building a list of its words (a title's "style" is
 * asked of every brand named before it).
 */
function wordsIn(text: string, from: number, to: number, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const word = wordCharAt(text, i);
    if (word && !inWord && ++n > limit) return n;
    inWord = word;
  }
  return n;
}

/**
 * The dupe phrase that makes the brand named at [start, end) of `text` a
 * reference ("inspired by Chanel", "Chanel No 5 dupe"), among the phrases the
 * matcher found before and after it: at most one word between a phrase and the
 * brand after it, two between the brand and a phrase after it (a model name).
 */
export function dupeOf(
  text: string,
  start: number,
  end: number,
  before: readonly EvidenceSpan[],
  after: readonly EvidenceSpan[],
): EvidenceSpan | null {
  for (const p of before) {
    if (p.end > start) continue;
    const most = isAdjoined(p) ? 0 : 1;
    if (wordsIn(text, p.end, start, most) <= most) return p;
  }
  for (const p of after) {
    if (p.start < end) continue;
    const tight = isAdjoined(p);
    const most = tight ? 0 : 2;
    if (wordsIn(text, end, p.start, most) <= most && !(tight && STYLE_NUMBER.test(text.slice(p.end)))) return p;
  }
  return null;
}

const ADJOINED = new Set(DUPE_ADJOINED.map(foldPhrase));

const ADJOINED_SEEN = new Map<string, boolean>();

/** A phrase of data/dupe-phrases.json that counts only written right against the brand ("Chanel-style"). */
export function isAdjoined(p: EvidenceSpan): boolean {
  let known = ADJOINED_SEEN.get(p.text);
  if (known === undefined) {
    known = ADJOINED.has(foldPhrase(p.text));
    // The phrases as titles write them are few ("style", "Style", "STYLE"); a bound keeps a hostile page's from growing it.
    if (ADJOINED_SEEN.size < 1024) ADJOINED_SEEN.set(p.text, known);
  }
  return known;
}

/**
 * What follows "style" when it introduces the maker's own style number, not a resemblance: "Nike Style: DD1391-100",
 * "Gucci style #123456", "Adidas style no. GY1234", "Nike Style DD1391".
 */
const STYLE_NUMBER = /^\s*(?:[:#]|(?:no|nr|num|number|code|id)\b|[\p{L}]*\p{N})/iu;
