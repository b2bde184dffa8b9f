/**
 * Builds public/packs/default.json from scripts/default-pack/*.ts.
 * Run: npx tsx scripts/build-default-pack.ts  (add --check to verify the
 * committed file is up to date without writing it).
 * The output is validated with the runtime validator and must have no warnings.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrandRule, ModelRule, ReferencePrice, RulePack } from "../src/shared/pack.ts";
import { validatePack } from "../src/shared/pack-validate.ts";
import { accessoryPhrases } from "./default-pack/accessory-phrases.ts";
import { carParts } from "./default-pack/car-parts.ts";
import { cosmetics } from "./default-pack/cosmetics.ts";
import { electronics } from "./default-pack/electronics.ts";
import { exchangeRates } from "./default-pack/exchange-rates.ts";
import { fashion } from "./default-pack/fashion.ts";
import { jewellery } from "./default-pack/jewellery.ts";
import { medicines } from "./default-pack/medicines.ts";
import { memory } from "./default-pack/memory.ts";
import type { BrandFile, BrandSpec, ModelSpec, PriceDefaults } from "./default-pack/spec.ts";
import { sportswear } from "./default-pack/sportswear.ts";
import { toys } from "./default-pack/toys.ts";
import { vocabulary } from "./default-pack/vocabulary.ts";
import { watches } from "./default-pack/watches.ts";

export const BRAND_FILES: BrandFile[] = [
  fashion,
  watches,
  jewellery,
  sportswear,
  cosmetics,
  electronics,
  memory,
  toys,
  carParts,
  medicines,
];

const REGION: Record<string, string> = { USD: "US", EUR: "EU", GBP: "UK", JPY: "Japan", CNY: "China" };

const DESCRIPTION =
  "The default rule pack embedded in Copycatch: brands counterfeiters target most, counterfeit vocabulary in many " +
  "languages, accessory phrases and approximate exchange rates. Reference prices are published list prices recalled " +
  "by the pack authors (no live lookup was possible when the pack was written); each carries the store and " +
  "year-month it refers to and must be re-verified by pack maintainers. Exchange rates are recalled approximations. " +
  "Official store names follow each marketplace's naming convention and were not checked against live stores.";

function priceSource(b: BrandSpec, def: PriceDefaults): string {
  if (b.src !== undefined) return b.src;
  const cur = b.cur ?? def.cur;
  const domain = b.d?.[0] ?? `${b.id} official store`;
  return `${domain} ${REGION[cur] ?? cur} list price, recalled; re-verify`;
}

function price(amount: string | null | undefined, b: BrandSpec, def: PriceDefaults): ReferencePrice | null {
  if (amount === null || amount === undefined) return null;
  return { amount, currency: b.cur ?? def.cur, date: b.date ?? def.date, source: priceSource(b, def) };
}

function model([name, amount, aliases]: ModelSpec, b: BrandSpec, def: PriceDefaults): ModelRule {
  return { name, aliases: aliases ?? [], referencePrice: price(amount, b, def) };
}

function brand(b: BrandSpec, file: BrandFile): BrandRule {
  const categories = b.cat.includes(file.category) ? b.cat : [file.category, ...b.cat];
  return {
    id: b.id,
    name: b.name,
    aliases: b.a ?? [],
    commonWord: b.cw ?? false,
    tier: b.tier,
    categories,
    models: (b.m ?? []).map((m) => model(m, b, file.defaults)),
    referencePrice: price(b.p, b, file.defaults),
    authorisedSellers: [],
    officialStores: (b.st ?? []).map(([marketplace, name, id]) => ({ marketplace, name, id: id ?? null })),
    domains: b.d ?? [],
    report: b.r ?? null,
  };
}

export function buildDefaultPack(): RulePack {
  return {
    format: 1,
    id: "copycatch.default",
    name: "Copycatch default brands",
    description: DESCRIPTION,
    version: 1,
    publisher: "Copycatch",
    issued: "2026-11-28",
    expires: "2027-11-28",
    brands: BRAND_FILES.flatMap((f) => f.brands.map((b) => brand(b, f))),
    vocabulary: vocabulary.map(([term, lang, kind, weight, source]) => ({ term, lang, kind, weight, source })),
    accessoryPhrases: accessoryPhrases.map(([phrase, lang, position]) => ({ phrase, lang, position })),
    exchangeRates,
  };
}

function main(): void {
  const out = fileURLToPath(new URL("../public/packs/default.json", import.meta.url));
  const pack = buildDefaultPack();
  const { warnings } = validatePack(pack);
  if (warnings.length > 0) {
    console.error(warnings.join("\n"));
    process.exit(1);
  }
  const json = `${JSON.stringify({ $schema: "../../schema/rule-pack.schema.json", ...pack }, null, 1)}\n`;
  if (process.argv.includes("--check")) {
    const current = readFileSync(out, "utf8");
    if (current !== json) {
      console.error("public/packs/default.json is out of date: run npx tsx scripts/build-default-pack.ts");
      process.exit(1);
    }
    return;
  }
  writeFileSync(out, json);
  const n = (k: string) => BRAND_FILES.find((f) => f.category === k)?.brands.length;
  console.log(
    `wrote ${out}: ${pack.brands.length} brands (${BRAND_FILES.map((f) => `${f.category} ${n(f.category)}`).join(", ")}), ` +
      `${pack.vocabulary.length} terms, ${pack.accessoryPhrases.length} accessory phrases, ` +
      `${Object.keys(pack.exchangeRates?.rates ?? {}).length} currencies, ${json.length} bytes`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
