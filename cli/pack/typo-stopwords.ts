/**
 * Dictionary words are never typo-squats: a title saying "vitamin" or "creator" is not a disguised Vitamix or Crestor.
 * The engine reads a word one edit from a long name as a misspelling of it (obfuscation.ts tryTypo) unless the word is
 * a stopword: the engine's own (lexicon.ts TYPO_STOPWORDS, data/typo-stopwords.json for the default pack's names) or
 * a pack's (RulePack.typoStopwords). These functions find the words a pack's names would misread: every English word
 * of the word-list package (MIT; a spell-checking list of about 275,000 words) that the engine, with the pack, reads
 * alone as a disguised brand or model; and, for each two-word name ("Custos watch"), every word of 3 letters or more
 * one edit from one of its words, written in its place ("custom watch"); and every word a multi-word name makes with its
 * words glued together ("acetate" for Ace & Tate). `pack build` writes them into the pack it
 * builds; scripts/build-typo-stopwords.ts keeps the engine's list for the default pack.
 */
import { readFileSync } from "node:fs";
import wordListPath from "word-list";
import { gluedForm } from "../../src/engine/compile.ts";
import { compile } from "../../src/engine/compiler.ts";
import { TYPO_MIN_LENGTH } from "../../src/engine/hash-table.ts";
import { type CompiledMatcher, score } from "../../src/engine/index.ts";
import { ENGINE_TYPO_STOPWORDS, SPLIT_MIN, SPLIT_PART_MIN, TYPO_WORD_MIN } from "../../src/engine/obfuscation.ts";
import { emptyListing } from "../../src/shared/listing.ts";
import type { RulePack } from "../../src/shared/pack.ts";

/** The dictionary's words the typo reading looks at: lower-case letters only, `min` (7) to 24 of them. */
export function dictionaryWords(min = TYPO_MIN_LENGTH): string[] {
  const re = new RegExp(`^[a-z]{${min},24}$`);
  WORDS ??= readFileSync(wordListPath, "utf8").split("\n");
  return WORDS.filter((w) => re.test(w));
}

/** The word list, read once. */
let WORDS: string[] | null = null;

/** The engine reads the whole title as a disguised brand or model: a misspelling. */
function readAsMisspelling(m: CompiledMatcher, title: string): boolean {
  const listing = {
    ...emptyListing("https://shop.example/p/1", "generic"),
    title,
    price: { amount: "10", currency: "USD" },
  };
  return score(listing, m).reasons.some(
    (r) => r.code === "brand-disguised" && r.evidence?.text.toLowerCase() === title,
  );
}

/**
 * A word the engine may misread alone: long enough for the typo search, or holding an l, which it also reads as a
 * capital I's look-alike ("flat" as Fiat written "FlAT").
 */
export function readAlone(word: string): boolean {
  return word.length >= TYPO_MIN_LENGTH || word.includes("l");
}

/** The words of `words` the engine, with matcher `m`, reads alone as a title as a disguised brand or model. */
export function wordsReadAsTypos(words: readonly string[], m: CompiledMatcher): string[] {
  return words.filter((w) => readAsMisspelling(m, w));
}

/**
 * One edit apart: a letter changed, added or dropped, or two neighbours swapped. The engine's damerau (obfuscation.ts)
 * with limit 1 says the same; this linear form, on strings, keeps the dictionary pass at about 6 s instead of 12.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The names and aliases of the pack's lines sold as brands (Jordan, Yeezy). */
function lineNamesOf(pack: RulePack): string[] {
  return pack.brands.flatMap((b) => (b.lines ?? []).flatMap((l) => [l.name, ...l.aliases]));
}

/** Every name of the pack: brands' names and aliases, models' names and aliases. */
function namesOf(pack: RulePack): string[] {
  return pack.brands.flatMap((b) => [b.name, ...b.aliases, ...b.models.flatMap((x) => [x.name, ...x.aliases])]);
}

/**
 * Two-word misspellings: for each two-word name of `pack` ("Custos watch", "Ball Watch"), and each one-word name made
 * of two dictionary words ("Blackpink": "black pink"), the dictionary words one edit from one of its words, written in
 * its place ("custom watch", "black punk"), that the engine reads as the name. `listed`: words already stopwords.
 */
export function wordsReadAsTwoWordTypos(
  words: readonly string[],
  m: CompiledMatcher,
  pack: RulePack,
  listed: ReadonlySet<string> = new Set(),
): string[] {
  // Words by first letter and length: a word one edit from another has its first letter and a length one apart.
  const byStart = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < TYPO_WORD_MIN) continue;
    const key = `${w[0]}${w.length}`;
    const list = byStart.get(key);
    if (list) list.push(w);
    else byStart.set(key, [w]);
  }
  const known = new Set(words);
  const pairs = new Set<string>();
  for (const n of namesOf(pack)) {
    const parts = n.toLowerCase().split(/\s+/);
    if (parts.length === 2 && parts.every((p) => /^[a-z]+$/.test(p)) && parts.join("").length >= TYPO_MIN_LENGTH)
      pairs.add(parts.join(" "));
    // A one-word name made of two words ("Blackpink", "PopSockets") is read written as those two words too.
    const [one] = parts;
    if (parts.length === 1 && one && /^[a-z]+$/.test(one) && one.length >= TYPO_MIN_LENGTH) {
      for (let i = TYPO_WORD_MIN; i <= one.length - TYPO_WORD_MIN; i++) {
        const a = one.slice(0, i);
        const b = one.slice(i);
        if (known.has(a) && known.has(b)) pairs.add(`${a} ${b}`);
      }
    }
  }
  const out = new Set<string>();
  for (const pair of pairs) {
    const [a, b] = pair.split(" ") as [string, string];
    for (const [word, other, before] of [
      [a, b, true],
      [b, a, false],
    ] as const) {
      const near = [-1, 0, 1].flatMap((d) => byStart.get(`${word[0]}${word.length + d}`) ?? []);
      for (const w of near) {
        // A listed word still read so is not what was changed: the other word is off too ("hank kjobenhavn" for Han
        // Kjøbenhavn, its ø written o), a misspelling the list cannot and should not stop.
        if (out.has(w) || listed.has(w) || !oneEditApart(w, word)) continue;
        if (readAsMisspelling(m, before ? `${w} ${other}` : `${other} ${w}`)) out.add(w);
      }
    }
  }
  return [...out].sort();
}

/**
 * The dictionary words a multi-word name of `pack` makes with its words glued together ("acetate" for Ace & Tate,
 * "lining" for Li-Ning): as stopwords they keep the engine from reading that word as the name (compile.ts
 * gluedIsOrdinary). Names joined by an apostrophe ("levis", "tods": writers drop it) and initials ("mac" for M·A·C)
 * are left out.
 */
export function gluedNameWords(pack: RulePack, dictionary: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const name of [...namesOf(pack), ...lineNamesOf(pack)]) {
    const glued = gluedForm(name);
    if (glued !== null && dictionary.has(glued)) out.add(glued);
  }
  return [...out].sort();
}

/**
 * Two-word phrases the engine, with matcher `m`, reads as a one-word name of `pack` split by a space to disguise it
 * (obfuscation.ts trySplit): each way a name splits into two words of `words` ("can on" for Canon, "sea gate" for
 * Seagate). Listed as stopwords, such a phrase is the two words, not the name.
 */
export function splitNamePhrases(pack: RulePack, words: ReadonlySet<string>, m: CompiledMatcher): string[] {
  const out = new Set<string>();
  for (const name of [...namesOf(pack), ...lineNamesOf(pack)]) {
    const w = name.toLowerCase();
    if (w.length < SPLIT_MIN || !/^[a-z]+$/.test(w)) continue;
    for (let i = SPLIT_PART_MIN; i <= w.length - SPLIT_PART_MIN; i++) {
      const phrase = `${w.slice(0, i)} ${w.slice(i)}`;
      if (out.has(phrase) || !words.has(w.slice(0, i)) || !words.has(w.slice(i))) continue;
      if (readAsMisspelling(m, phrase)) out.add(phrase);
    }
  }
  return [...out].sort();
}

/** The dictionary's words of two letters or more, for splitNamePhrases. */
export function splitWords(): Set<string> {
  return new Set(dictionaryWords(SPLIT_PART_MIN));
}

/**
 * The dictionary words a pack's own names would misread, for RulePack.typoStopwords: read alone, or in place of a word
 * of a two-word name. Only words whose length is within two of the letters of a name or a run of its words are tried
 * alone (a misspelling is at most two edits from what it misspells), so a brand owner's pack of a few names takes about a second.
 */
export function packTypoStopwords(
  pack: RulePack,
  dictionary: readonly string[] = dictionaryWords(TYPO_WORD_MIN),
): string[] {
  const m = compile([{ ...pack, typoStopwords: [] }]);
  const lengths = new Set<number>();
  for (const n of namesOf(pack)) {
    // The name and each run of its words: a model is also misspelt without its brand's words ("uperstar").
    const words = n
      .toLowerCase()
      .split(/\s+/u)
      .map((w) => [...w].filter((c) => /\p{L}/u.test(c)).length);
    for (let i = 0; i < words.length; i++) {
      let letters = 0;
      for (let j = i; j < words.length; j++) {
        letters += words[j] ?? 0;
        for (let d = -2; d <= 2; d++) lengths.add(letters + d);
      }
    }
  }
  const alone = dictionary.filter((w) => readAlone(w) && lengths.has(w.length));
  const found = [
    ...wordsReadAsTypos(alone, m),
    ...wordsReadAsTwoWordTypos(dictionary, m, pack, ENGINE_TYPO_STOPWORDS),
    ...gluedNameWords(pack, new Set(dictionary)).filter((w) => !ENGINE_TYPO_STOPWORDS.has(w)),
    ...splitNamePhrases(pack, splitWords(), m).filter((w) => !ENGINE_TYPO_STOPWORDS.has(w)),
  ];
  return [...new Set(found)].sort();
}
