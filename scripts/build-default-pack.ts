/**
 * Builds public/packs/default.json from the spreadsheets in packs/default/
 * with the brand owners' own tool (`pack build`, cli/pack/sources.ts):
 *   npx tsx scripts/build-default-pack.ts          writes the file
 *   npx tsx scripts/build-default-pack.ts --check  exits 1 when the committed file differs from a fresh build
 * The build must have no warnings: a skipped brand or an unknown column stops it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildFrom } from "../cli/pack/commands.ts";

export const DEFAULT_PACK_SOURCES = fileURLToPath(new URL("../packs/default", import.meta.url));
export const DEFAULT_PACK_FILE = fileURLToPath(new URL("../public/packs/default.json", import.meta.url));

/** The default pack's bytes, built fresh from packs/default/. */
export function buildDefaultPack() {
  return buildFrom(DEFAULT_PACK_SOURCES, {});
}

function main(): void {
  const { pack, json, warnings } = buildDefaultPack();
  if (warnings.length > 0) {
    console.error(warnings.join("\n"));
    process.exit(1);
  }
  if (process.argv.includes("--check")) {
    if (readFileSync(DEFAULT_PACK_FILE, "utf8") !== json) {
      console.error("public/packs/default.json is out of date: run npx tsx scripts/build-default-pack.ts");
      process.exit(1);
    }
    return;
  }
  writeFileSync(DEFAULT_PACK_FILE, json);
  const perSheet = new Map<string, number>();
  for (const b of pack.brands) perSheet.set(b.categories[0] ?? "", (perSheet.get(b.categories[0] ?? "") ?? 0) + 1);
  console.log(
    `wrote ${DEFAULT_PACK_FILE}: ${pack.brands.length} brands, ${pack.vocabulary.length} terms, ` +
      `${pack.accessoryPhrases.length} accessory phrases, ${Object.keys(pack.exchangeRates?.rates ?? {}).length} currencies, ${json.length} bytes`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
