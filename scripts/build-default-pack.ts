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

/**
 * Firefox's add-on linter (`web-ext lint`, as addons.mozilla.org runs it) refuses to parse a text file of 5 MB or
 * more in an extension, so the bundled pack is written without indentation and must stay under this size.
 */
export const DEFAULT_PACK_MAX_BYTES = 5_000_000;

/** The default pack, built fresh from packs/default/; `json` is its compact text, as the extension carries it. */
export function buildDefaultPack() {
  const built = buildFrom(DEFAULT_PACK_SOURCES, {});
  return { ...built, json: `${JSON.stringify(built.pack)}\n` };
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
  if (Buffer.byteLength(json) >= DEFAULT_PACK_MAX_BYTES) {
    console.error(
      `the default pack is ${Buffer.byteLength(json)} bytes, over ${DEFAULT_PACK_MAX_BYTES}: web-ext lint refuses it`,
    );
    process.exit(1);
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
