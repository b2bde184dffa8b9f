/**
 * Dictionary words are never typo-squats: a title saying "vitamin" or "creator" is not a disguised Vitamix or
 * Crestor. The engine reads a word one edit from a long brand name as a misspelling of it (obfuscation.ts tryTypo)
 * unless the word is a stopword (lexicon.ts TYPO_STOPWORDS and src/engine/data/typo-stopwords.json). This script
 * runs every English word of 7 to 24 letters of the word-list package (MIT; a spell-checking list of about 275,000
 * words) through the engine with the default pack, and adds each one read as a misspelling to that file (a brand's
 * name in the plural, "goodyears", included: a plural is no disguise); and, for each two-word name ("Custos watch"),
 * every word of 3 letters or more one edit from one of its words written in its place ("custom watch"); and every word
 * a multi-word name makes with its words glued together ("acetate" for Ace & Tate, which would otherwise be read as it):
 *   npx tsx scripts/build-typo-stopwords.ts          adds the words and writes the file
 *   npx tsx scripts/build-typo-stopwords.ts --check  exits 1 when a dictionary word still reads as a misspelling
 * Only words near the default pack's names are listed (shipping the whole dictionary would weigh megabytes); `pack
 * build` writes the words near a brand owner's names into the pack it builds (RulePack.typoStopwords), with the same
 * functions (cli/pack/typo-stopwords.ts). The engine's own words of every language are checked the same way (the
 * words of item-context.json, such as conditions, and the kinds of item of product-types.json: "lacrada", Portuguese
 * for sealed, is no disguised Labrada). Run it after the default pack gains names or those files gain words.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  dictionaryWords,
  gluedNameWords,
  readAlone,
  splitNamePhrases,
  splitWords,
  wordsReadAsTwoWordTypos,
  wordsReadAsTypos,
} from "../cli/pack/typo-stopwords.ts";
import ITEM_CONTEXT from "../src/engine/data/item-context.json";
import { SPLIT_PART_MIN, TYPO_WORD_MIN } from "../src/engine/obfuscation.ts";
import PRODUCT_TYPES from "../src/shared/product-types.json";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { compileDefaultPack, defaultPack } from "../test-support/default-pack.ts";

export {
  dictionaryWords,
  gluedNameWords,
  oneEditApart,
  readAlone,
  splitNamePhrases,
  wordsReadAsTwoWordTypos,
  wordsReadAsTypos,
} from "../cli/pack/typo-stopwords.ts";

export const TYPO_STOPWORDS_FILE = fileURLToPath(new URL("../src/engine/data/typo-stopwords.json", import.meta.url));

interface StopwordFile {
  about: string;
  source: string;
  words: string[];
}

/**
 * The engine's own words, in every language it reads: each word of item-context.json's lists ("why" texts aside) and
 * of the kinds of item in product-types.json, lower-cased, of letters only and at least `min` of them.
 */
export function engineWords(min: number): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string): void => {
    if (key === "why" || key === "about") return;
    if (typeof v === "string") {
      for (const w of v.toLowerCase().split(/[\s/,.()'’-]+/u))
        if (/^\p{L}+$/u.test(w) && [...w].length >= min) out.add(w);
    } else if (Array.isArray(v)) for (const x of v) walk(x, "");
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(ITEM_CONTEXT, "");
  walk(PRODUCT_TYPES.types, "");
  return [...out].sort();
}

function main(): void {
  const file = JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as StopwordFile;
  const dictionary = dictionaryWords(TYPO_WORD_MIN);
  const known = new Set(dictionary);
  const pack = defaultPack();
  const m = compileDefaultPack(pack);
  const found = [
    ...wordsReadAsTypos(dictionary.filter(readAlone), m),
    ...wordsReadAsTypos(
      engineWords(TYPO_WORD_MIN).filter((w) => readAlone(w) && !known.has(w)),
      m,
    ),
    ...wordsReadAsTwoWordTypos(dictionary, m, pack, new Set(file.words)),
    ...gluedNameWords(pack, known).filter((w) => !file.words.includes(w)),
    ...splitNamePhrases(pack, new Set([...splitWords(), ...engineWords(SPLIT_PART_MIN)]), m).filter(
      (w) => !file.words.includes(w),
    ),
  ];
  if (process.argv.includes("--check")) {
    if (found.length > 0) {
      console.error(
        `${found.length} dictionary words read as misspellings or glued names: ${found.slice(0, 20).join(", ")}`,
      );
      process.exit(1);
    }
    console.log("no dictionary word reads as a misspelling or a glued name");
    return;
  }
  const words = [...new Set([...file.words, ...found])].sort();
  writeFileSync(TYPO_STOPWORDS_FILE, `${JSON.stringify({ ...file, words }, null, 2)}\n`);
  console.log(`${found.length} words added; ${words.length} listed`);
}

if (isCommand(import.meta.url)) main();
