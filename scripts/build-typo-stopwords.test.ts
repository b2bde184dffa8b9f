import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../src/engine/index.ts";
import { SPLIT_PART_MIN, TYPO_WORD_MIN } from "../src/engine/obfuscation.ts";
import type { BrandRule } from "../src/shared/pack.ts";
import { compileDefaultPack, defaultPack, pricedListing } from "../test-support/default-pack.ts";
import {
  dictionaryWords,
  engineWords,
  gluedNameWords,
  oneEditApart,
  splitNamePhrases,
  TYPO_STOPWORDS_FILE,
  wordsReadAsTwoWordTypos,
  wordsReadAsTypos,
} from "./build-typo-stopwords.ts";

describe("dictionary words are never read as misspelt brands", () => {
  const m = compileDefaultPack();
  const dictionary = dictionaryWords(TYPO_WORD_MIN);

  it("no English word reads as a misspelling of a default-pack name, alone or in place of a word of a two-word name (rerun the script after adding names)", () => {
    expect(dictionary.length).toBeGreaterThan(200_000);
    expect(wordsReadAsTypos(dictionaryWords(), m)).toEqual([]);
    const listed = new Set((JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as { words: string[] }).words);
    expect(wordsReadAsTwoWordTypos(dictionary, m, defaultPack(), listed)).toEqual([]);
    // Over 200,000 words through the engine: 6 s alone, over the suite's 60 s when two suites share the two cores.
  }, 240_000);

  it("no word of the engine's own lists, in any language, reads as a misspelling (rerun the script after adding words)", () => {
    const own = engineWords(TYPO_WORD_MIN);
    expect(own).toContain("lacrada"); // Portuguese for sealed, once read as a disguised Labrada
    expect(own).not.toContain("why");
    expect(wordsReadAsTypos(own, m)).toEqual([]);
  });

  it("no model name or alias of the default pack is one ordinary word (model names must be distinctive)", () => {
    const known = new Set(dictionaryWords(3));
    const single = defaultPack().brands.flatMap((b) =>
      b.models.flatMap((x) =>
        [x.name, ...x.aliases].filter((n) => known.has(n.toLowerCase())).map((n) => `${b.id}: ${n}`),
      ),
    );
    expect(single).toEqual([]);
  });

  it("a multi-word name glued into an ordinary word is not read in that word; initials and elided names are", () => {
    const listed = new Set((JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as { words: string[] }).words);
    const glued = gluedNameWords(defaultPack(), new Set(dictionaryWords(3)));
    expect(glued).toContain("acetate");
    expect(glued).not.toContain("levis");
    expect(glued).not.toContain("mac");
    expect(glued.filter((w) => !listed.has(w))).toEqual([]);
    const brands = (title: string) => score(pricedListing(title, "150", "USD"), m).reasons.map((r) => r.params.brand);
    // Hand-written titles: "acetate" (a frame material) is no Ace & Tate, "fleece lining" no Li-Ning.
    expect(brands("Ray-Ban acetate sunglasses")).not.toContain("Ace & Tate");
    expect(brands("Men's jacket with fleece lining")).not.toContain("Li-Ning");
    expect(brands("Ace & Tate acetate frames")).toContain("Ace & Tate");
    expect(brands("Levis 501 jeans")).toContain("Levi's");
    expect(brands("Offwhite hoodie")).toContain("Off-White");
    expect(brands("Li Ning basketball shoes")).toContain("Li-Ning");
  });

  it("reads a glued name as the compiler folds it: accents and marks dropped, as in a title", () => {
    // Hand-written pack: a name whose glued, unaccented form is a dictionary word.
    const pack = {
      ...defaultPack(),
      brands: [{ ...(defaultPack().brands[0] as BrandRule), name: "Crè Ation", aliases: [] }],
    };
    expect(gluedNameWords(pack, new Set(["creation"]))).toEqual(["creation"]);
  });

  it("lists only dictionary words and the engine's own words, or two such words, sorted, once each", () => {
    const listed = (JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as { words: string[] }).words;
    const known = new Set([...dictionary, ...engineWords(TYPO_WORD_MIN)]);
    const short = new Set([...dictionaryWords(SPLIT_PART_MIN), ...engineWords(SPLIT_PART_MIN)]);
    const isListable = (w: string) => known.has(w) || w.split(" ").every((x) => short.has(x));
    expect(listed.filter((w) => !isListable(w))).toEqual([]);
    expect(listed.filter((w) => w.split(" ").length > 2)).toEqual([]);
    expect(listed).toEqual([...new Set(listed)].sort());
  });

  it("no two words that make a one-word name of the default pack read as that name disguised (rerun the script after adding names)", () => {
    const listed = new Set((JSON.parse(readFileSync(TYPO_STOPWORDS_FILE, "utf8")) as { words: string[] }).words);
    const words = new Set([...dictionaryWords(SPLIT_PART_MIN), ...engineWords(SPLIT_PART_MIN)]);
    expect(splitNamePhrases(defaultPack(), words, m)).toEqual([]);
    expect(listed.has("sea gate")).toBe(true);
  });

  it("one edit apart: a letter changed, added, dropped, or two neighbours swapped", () => {
    expect(oneEditApart("custom", "custos")).toBe(true);
    expect(oneEditApart("watches", "watch")).toBe(false);
    expect(oneEditApart("watchs", "watch")).toBe(true);
    expect(oneEditApart("wacth", "watch")).toBe(true);
    expect(oneEditApart("watch", "watch")).toBe(false);
  });

  it("hand-written titles: ordinary words stay words, a misspelling that is no word is still one", () => {
    const disguised = (title: string) =>
      score(pricedListing(title, "15", "USD"), m).reasons.some((r) => r.code === "brand-disguised");
    expect(disguised("Nature Made Vitamin D3 2000 IU 250 Softgels")).toBe(false);
    expect(disguised("Shoe Dog: A Memoir by the Creator of Nike")).toBe(false);
    expect(disguised("Custom watch engraving gift")).toBe(false);
    expect(disguised("Vintage bell watch pendant")).toBe(false);
    expect(disguised("Burbery check scarf")).toBe(true);
    expect(disguised("Tommy Hilfigger shirt")).toBe(true);
    expect(disguised("Ralph Lauran polo")).toBe(true);
  });
});
