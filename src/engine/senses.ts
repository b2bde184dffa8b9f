/**
 * Context instead of words: whether a counterfeit term is used in its
 * ordinary sense ("AAA batteries", "1:1 scale model", 复刻 on a brand's own
 * retro release, "imitation leather"), and whether a brand is named as what
 * an item imitates ("inspired by Chanel No 5") rather than as its brand.
 * The rules are language data (data/term-senses.json, data/dupe-phrases.json),
 * applied to the original field text around a hit; they run only for the
 * few hits a listing has.
 */
import type { EvidenceSpan } from "../shared/verdict.ts";
import DUPE from "./data/dupe-phrases.json";
import SENSES from "./data/term-senses.json";

interface Sense {
  after: string[];
  before: string[];
  with: string[];
  unlessWith: string[];
}

const BY_TERM = new Map<string, Sense>();
for (const s of SENSES.senses as Partial<Sense & { terms: string[] }>[]) {
  const sense: Sense = {
    after: s.after ?? [],
    before: s.before ?? [],
    with: s.with ?? [],
    unlessWith: s.unlessWith ?? [],
  };
  for (const t of s.terms ?? []) BY_TERM.set(t.toLowerCase(), sense);
}

const LETTER = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** `rest` starts with `word` as a whole word (a CJK word needs no boundary). */
function startsWithWord(rest: string, word: string): boolean {
  if (!rest.startsWith(word)) return false;
  const next = rest.charAt(word.length);
  return next === "" || CJK.test(word.charAt(word.length - 1)) || !LETTER.test(next);
}

function endsWithWord(head: string, word: string): boolean {
  if (!head.endsWith(word)) return false;
  const prev = head.charAt(head.length - word.length - 1);
  return prev === "" || CJK.test(word.charAt(0)) || !LETTER.test(prev);
}

/** Separators a sense word may be written after: "AAA-batteries", "1:1 - scale". */
const GAP = /^[\s\-–—_/:,.()[\]]*/u;
const GAP_END = /[\s\-–—_/:,.()[\]]*$/u;

/**
 * Whether the counterfeit term `term` (as the pack writes it), found at
 * text[start, end), is used in an ordinary sense there. A term with its own
 * modifier ("AAA quality", "1:1 copy") is a longer term of the pack and
 * never reaches here as the bare one.
 */
export function ordinarySense(term: string, text: string, start: number, end: number): boolean {
  // By the pack's term, else by the text it matched ("AAA+" folds like "AAA" and matches it).
  const sense = BY_TERM.get(term.toLowerCase()) ?? BY_TERM.get(text.slice(start, end).toLowerCase());
  if (!sense) return false;
  const lower = text.toLowerCase();
  if (sense.unlessWith.some((w) => lower.includes(w))) return false;
  const rest = lower.slice(end, end + 40).replace(GAP, "");
  if (sense.after.some((w) => startsWithWord(rest, w))) return true;
  const head = lower.slice(Math.max(0, start - 40), start).replace(GAP_END, "");
  if (sense.before.some((w) => endsWithWord(head, w))) return true;
  return sense.with.some((w) => lower.includes(w));
}

const DUPE_BEFORE = DUPE.before.map((p) => p.toLowerCase());
const DUPE_AFTER = DUPE.after.map((p) => p.toLowerCase());
/** Any dupe phrase anywhere: most titles have none, and then no mention needs looking at. */
const DUPE_ANY = new RegExp(
  [...DUPE_BEFORE, ...DUPE_AFTER].map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"),
  "iu",
);

export function mayNameDupe(title: string): boolean {
  return title.length > 0 && DUPE_ANY.test(title);
}
/** At most one word between a dupe phrase and the brand ("inspired by the Chanel", "Sauvage Dior dupe"). */
const ONE_WORD_BEFORE = /(?:^|[^\p{L}\p{N}])[\p{L}\p{N}'’]+[\s]+$/u;

/** The rest of the text after one and after two words: the phrase may follow at either distance. */
function shorterGaps(rest: string): string[] {
  const one = /^\s+[\p{L}\p{N}'’]+\s+/u.exec(rest);
  return one ? [rest.slice(one[0].length)] : [];
}

/**
 * The dupe phrase that makes the brand named at text[start, end) a reference
 * ("inspired by Chanel", "Baccarat Rouge dupe"), or null.
 */
export function dupePhrase(field: EvidenceSpan["field"], text: string, start: number, end: number): EvidenceSpan | null {
  const lower = text.toLowerCase();
  const head = lower.slice(Math.max(0, start - 60), start);
  const offset = Math.max(0, start - 60);
  for (const candidate of [head.trimEnd(), head.replace(ONE_WORD_BEFORE, "").trimEnd()]) {
    for (const p of DUPE_BEFORE) {
      if (endsWithWord(candidate, p)) {
        const s = offset + candidate.length - p.length;
        return { field, text: text.slice(s, s + p.length), start: s, end: s + p.length };
      }
    }
  }
  const rest = lower.slice(end, end + 60);
  // At most two words between the brand and the phrase after it ("Chanel No 5 dupe", "Dior Sauvage dupe").
  const m = /^[\s]+(?:[\p{L}\p{N}'’]+[\s]+){0,2}/u.exec(rest);
  const trimmed = rest.replace(GAP, "");
  for (const cand of [trimmed, m ? rest.slice(m[0].length) : null, ...shorterGaps(rest)]) {
    if (cand === null) continue;
    for (const p of DUPE_AFTER) {
      if (startsWithWord(cand, p)) {
        const s = end + (rest.length - cand.length);
        return { field, text: text.slice(s, s + p.length), start: s, end: s + p.length };
      }
    }
  }
  return null;
}
