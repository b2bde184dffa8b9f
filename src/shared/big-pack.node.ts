/**
 * A generated pack of `brands` brands with 20 literal patterns each (name, 9
 * aliases, 5 models with one alias each): 50,000 brands make the 1,000,000
 * patterns of the pack limit. Deterministic (fixed seed). Node and tests only.
 */
import type { BrandRule, RulePack } from "./pack.ts";
import { rng } from "./prng.node.ts";
import { testBrand, testPack } from "./test-packs.node.ts";

const SYLLABLES =
  "ka lo mi nu ve ra to zen dor bel fin gar hol jin kor lum mar nor pel quin ros sol tar ul vin wex".split(" ");

export const PATTERNS_PER_BRAND = 20;

export function bigPack(id: string, brands: number, seed = 7): RulePack {
  const r = rng(seed);
  const word = (n: number) => Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join("");
  const list: BrandRule[] = [];
  for (let i = 0; i < brands; i++) {
    list.push(
      testBrand(`g${i}`, `${word(3)}${i}x`, {
        aliases: Array.from({ length: 9 }, (_, k) => `${word(3)}${i}a${k}`),
        models: Array.from({ length: 5 }, (_, k) => ({
          name: `${word(2)}${i}m${k}`,
          aliases: [`${word(2)}${i}n${k}`],
          referencePrice: null,
        })),
      }),
    );
  }
  return testPack(id, { brands: list, vocabulary: [] });
}
