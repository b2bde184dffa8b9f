/**
 * Deterministic bench data (fixed seed): 10,000 generated brands with aliases
 * and models, the default pack's vocabulary, and a realistic listing with a
 * 150-character title. Shared by bench/run.ts and profiling scripts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { testPack } from "../src/engine/test-pack.ts";
import { emptyListing, emptySeller, type Listing } from "../src/shared/listing.ts";
import type { BrandRule, RulePack } from "../src/shared/pack.ts";

export const BRANDS = 10_000;
const DEFAULT_PACK = join(import.meta.dirname, "..", "public", "packs", "default.json");

const SYLLABLES =
  "ka lo mi nu ve ra to zen dor bel fin gar hol jin kor lum mar nor pel quin ros sol tar ul vin wex yor zar bri cla dre fro gri plo stra vel mon ari eli osa une".split(
    " ",
  );
const WORDS =
  "the and with for this that from your our item quality shipping fast new style comfortable size colour fabric soft design gift perfect daily wear casual return policy please note measure hand wash cotton blend durable stitching package includes available photos real product description warranty customer service store".split(
    " ",
  );

function word(r: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return s;
}

export function generatedBrands(r: () => number): BrandRule[] {
  const out: BrandRule[] = [];
  const seen = new Set<string>();
  while (out.length < BRANDS) {
    const name = `${word(r, 2 + Math.floor(r() * 2))}${r() < 0.3 ? ` ${word(r, 2)}` : ""}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const price = { amount: String(20 + Math.floor(r() * 500)), currency: "USD", date: "2025-01-01", source: "bench" };
    out.push({
      id: `b${out.length}`,
      name: name[0]?.toUpperCase() + name.slice(1),
      aliases: [word(r, 3)],
      commonWord: false,
      tier: r() < 0.2 ? "luxury" : "premium",
      categories: [],
      models: [
        { name: `${word(r, 2)} ${Math.floor(r() * 99)}`, aliases: [], referencePrice: price },
        { name: word(r, 3), aliases: [], referencePrice: price },
      ],
      referencePrice: price,
      authorisedSellers: [],
      officialStores: [],
      domains: [`${name.replace(/ /g, "")}.com`],
      report: null,
    });
  }
  return out;
}

export function basePack(): RulePack {
  if (existsSync(DEFAULT_PACK)) return JSON.parse(readFileSync(DEFAULT_PACK, "utf8")) as RulePack;
  return testPack();
}

export function prose(r: () => number, chars: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < chars) {
    const w = WORDS[Math.floor(r() * WORDS.length)] ?? "item";
    parts.push(w);
    len += w.length + 1;
  }
  return parts.join(" ").slice(0, chars);
}

export function makeListing(r: () => number, brands: BrandRule[], descChars: number): Listing {
  const b = brands[4321] as BrandRule;
  let title = `${b.name} ${b.models[0]?.name} men's running shoes breathable lightweight sneakers new season`;
  title = `${title} ${prose(r, 150 - title.length - 1)}`.slice(0, 150);
  return {
    ...emptyListing("https://www.ebay.com/itm/1234567890", "ebay"),
    title,
    price: { amount: "39.99", currency: "USD" },
    description: prose(r, descChars),
    seller: { ...emptySeller(), name: "best_deals_store", feedbackCount: 1200, positivePercent: 98.5 },
    specifics: [
      { name: "Brand", value: b.name },
      { name: "Colour", value: "Black" },
    ],
  };
}
