import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../src/engine/index.ts";
import { compileDefaultPack, pricedListing } from "../test-support/default-pack.ts";
import { dictionaryWords, TYPO_STOPWORDS_FILE, wordsReadAsTypos } from "./build-typo-stopwords.ts";

describe("dictionary words are never read as misspelt brands", () => {
  const m = compileDefaultPack();

  it("no English word of the dictionary reads as a misspelling of a default-pack name (rerun the script after adding names)", () => {
    const words = dictionaryWords();
    expect(words.length).toBeGreaterThan(200_000);
    expect(wordsReadAsTypos(words, m)).toEqual([]);
  });

  it("lists only dictionary words, sorted, once each", () => {
    const listed = (JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as { words: string[] }).words;
    const dictionary = new Set(dictionaryWords());
    expect(listed.filter((w) => !dictionary.has(w))).toEqual([]);
    expect(listed).toEqual([...new Set(listed)].sort());
  });

  it("hand-written titles: ordinary words stay words, a misspelling that is no word is still one", () => {
    const disguised = (title: string) =>
      score(pricedListing(title, "15", "USD"), m).reasons.some((r) => r.code === "brand-disguised");
    expect(disguised("Nature Made Vitamin D3 2000 IU 250 Softgels")).toBe(false);
    expect(disguised("Shoe Dog: A Memoir by the Creator of Nike")).toBe(false);
    expect(disguised("Burbery check scarf")).toBe(true);
  });
});
