/**
 * Dictionary words are never typo-squats: a title saying "vitamin" or "creator" is not a disguised Vitamix or
 * Crestor. The engine reads a word one edit from a long brand name as a misspelling of it (obfuscation.ts tryTypo)
 * unless the word is a stopword (lexicon.ts TYPO_STOPWORDS and src/engine/data/typo-stopwords.json). This script
 * runs every English word of 7 to 24 letters of the word-list package (MIT; a spell-checking list of about 275,000
 * words) through the engine with the default pack, and adds each one read as a misspelling to that file (a brand's
 * name in the plural, "goodyears", included: a plural is no disguise):
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
import { compileDefaultPack, pricedListing } from "../test-support/default-pack.ts";

export const TYPO_STOPWORDS_FILE = fileURLToPath(new URL("../src/engine/data/typo-stopwords.json", import.meta.url));

interface StopwordFile {
  about: string;
  source: string;
  words: string[];
}

/** The dictionary's words the typo reading looks at: lower-case letters only, 7 to 24 of them. */
export function dictionaryWords(): string[] {
  const re = new RegExp(`^[a-z]{${TYPO_MIN_LENGTH},24}$`);
  return readFileSync(wordListPath, "utf8")
    .split("\n")
    .filter((w) => re.test(w));
}

/** The words of `words` the engine reads, alone as a title, as a disguised brand or model (a misspelling). */
export function wordsReadAsTypos(words: readonly string[], m = compileDefaultPack()): string[] {
  const out: string[] = [];
  for (const w of words) {
    const v = score(pricedListing(w, "10", "USD"), m);
    if (v.reasons.some((r) => r.code === "brand-disguised" && r.evidence?.text.toLowerCase() === w)) out.push(w);
  }
  return out;
}

function main(): void {
  const file = JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as StopwordFile;
  const found = wordsReadAsTypos(dictionaryWords());
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

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
