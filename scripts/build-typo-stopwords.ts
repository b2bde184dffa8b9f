/**
 * Dictionary words are never typo-squats: a title saying "vitamin" or "creator" is not a disguised Vitamix or
 * Crestor. The engine reads a word one edit from a long brand name as a misspelling of it (obfuscation.ts tryTypo)
 * unless the word is a stopword (lexicon.ts TYPO_STOPWORDS and src/engine/data/typo-stopwords.json). This script
 * runs every English word of 7 to 24 letters of the word-list package (MIT; a spell-checking list of about 275,000
 * words) through the engine with the default pack, and adds each one read as a misspelling to that file (a brand's
 * name in the plural, "goodyears", included: a plural is no disguise); and, for each two-word name ("Custos watch"),
 * every word of 3 letters or more one edit from one of its words written in its place ("custom watch"):
 *   npx tsx scripts/build-typo-stopwords.ts          adds the words and writes the file
 *   npx tsx scripts/build-typo-stopwords.ts --check  exits 1 when a dictionary word still reads as a misspelling
 * Only words near the default pack's names are listed (shipping the whole dictionary would weigh megabytes); a
 * brand owner's own pack is covered by the hand-kept stopwords only. Run it after the default pack gains names.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wordListPath from "word-list";
import { TYPO_MIN_LENGTH } from "../src/engine/hash-table.ts";
import { score } from "../src/engine/index.ts";
import { TYPO_WORD_MIN } from "../src/engine/obfuscation.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { compileDefaultPack, defaultPack, pricedListing } from "../test-support/default-pack.ts";

export const TYPO_STOPWORDS_FILE = fileURLToPath(new URL("../src/engine/data/typo-stopwords.json", import.meta.url));

interface StopwordFile {
  about: string;
  source: string;
  words: string[];
}

/** The dictionary's words the typo reading looks at: lower-case letters only, `min` (7) to 24 of them. */
export function dictionaryWords(min = TYPO_MIN_LENGTH): string[] {
  const re = new RegExp(`^[a-z]{${min},24}$`);
  return readFileSync(wordListPath, "utf8")
    .split("\n")
    .filter((w) => re.test(w));
}

/** The engine reads the whole title as a disguised brand or model: a misspelling. */
function readAsMisspelling(m: ReturnType<typeof compileDefaultPack>, title: string): boolean {
  return score(pricedListing(title, "10", "USD"), m).reasons.some(
    (r) => r.code === "brand-disguised" && r.evidence?.text.toLowerCase() === title,
  );
}

/** The words of `words` the engine reads, alone as a title, as a disguised brand or model (a misspelling). */
export function wordsReadAsTypos(words: readonly string[], m = compileDefaultPack()): string[] {
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

/**
 * Two-word misspellings: for each two-word name of the default pack ("Custos watch", "Ball Watch"), the dictionary
 * words one edit from one of its words, written in its place ("custom watch"), that the engine reads as the name.
 */
export function wordsReadAsTwoWordTypos(
  words: readonly string[],
  m = compileDefaultPack(),
  pack = defaultPack(),
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
  const pairs = new Set<string>();
  for (const b of pack.brands) {
    for (const n of [b.name, ...b.aliases, ...b.models.flatMap((x) => [x.name, ...x.aliases])]) {
      const parts = n.toLowerCase().split(/\s+/);
      if (parts.length === 2 && parts.every((p) => /^[a-z]+$/.test(p)) && parts.join("").length >= TYPO_MIN_LENGTH)
        pairs.add(parts.join(" "));
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

function main(): void {
  const file = JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as StopwordFile;
  const dictionary = dictionaryWords(TYPO_WORD_MIN);
  const found = [
    ...wordsReadAsTypos(dictionary.filter((w) => w.length >= TYPO_MIN_LENGTH)),
    ...wordsReadAsTwoWordTypos(dictionary, undefined, undefined, new Set(file.words)),
  ];
  if (process.argv.includes("--check")) {
    if (found.length > 0) {
      console.error(`${found.length} dictionary words read as misspellings: ${found.slice(0, 20).join(", ")}`);
      process.exit(1);
    }
    console.log("no dictionary word reads as a misspelling");
    return;
  }
  const words = [...new Set([...file.words, ...found])].sort();
  writeFileSync(TYPO_STOPWORDS_FILE, `${JSON.stringify({ ...file, words }, null, 2)}\n`);
  console.log(`${found.length} words added; ${words.length} listed`);
}

if (isCommand(import.meta.url)) main();
