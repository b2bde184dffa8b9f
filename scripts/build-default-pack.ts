/**
 * Builds public/packs/default.json from the spreadsheets in packs/default/
 * with the brand owners' own tool (`pack build`, cli/pack/sources.ts):
 *   npx tsx scripts/build-default-pack.ts          writes the file
 *   npx tsx scripts/build-default-pack.ts --check  exits 1 when the committed file differs from a fresh build, or
 *                                                  its content has no version of its own
 * The build must have no warnings: a skipped brand or an unknown column stops it.
 *
 * Versions: an installed extension replaces its stored default pack only with a higher version (the case records
 * name the pack's id and version), so each content the pack has had gets a version of its own, recorded in
 * packs/default-versions.json by the SHA-256 of the built pack with its version left out. A build whose content is
 * new takes the next version and writes it into packs/default/pack.json; a content built before keeps its version.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writtenForm } from "../cli/pack/build.ts";
import { buildFrom } from "../cli/pack/commands.ts";
import type { RulePack } from "../src/shared/pack.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";

export const DEFAULT_PACK_SOURCES = fileURLToPath(new URL("../packs/default", import.meta.url));
export const DEFAULT_PACK_FILE = fileURLToPath(new URL("../public/packs/default.json", import.meta.url));

/**
 * Firefox's add-on linter (`web-ext lint`, as addons.mozilla.org runs it) refuses to parse a text file of 5 MB or
 * more in an extension, so the bundled pack is written without indentation and must stay under this size.
 */
export const DEFAULT_PACK_MAX_BYTES = 5_000_000;

export const DEFAULT_PACK_VERSIONS = fileURLToPath(new URL("../packs/default-versions.json", import.meta.url));
const PACK_META = fileURLToPath(new URL("../packs/default/pack.json", import.meta.url));

/** The pack's content digest: SHA-256 of its compact JSON with the version set to 0. */
export function contentDigest(pack: RulePack): string {
  return createHash("sha256")
    .update(JSON.stringify({ ...pack, version: 0 }))
    .digest("hex");
}

interface Versions {
  why: string;
  versions: Record<string, string>;
}

export function readVersions(): Versions {
  return JSON.parse(readFileSync(DEFAULT_PACK_VERSIONS, "utf8")) as Versions;
}

/** The version recorded for a content digest, or null. */
export function versionOf(versions: Versions, digest: string): number | null {
  const hit = Object.entries(versions.versions).find(([, d]) => d === digest);
  return hit ? Number(hit[0]) : null;
}

/** The default pack, built fresh from packs/default/; `json` is its compact text, as the extension carries it. */
export function buildDefaultPack() {
  const built = buildFrom(DEFAULT_PACK_SOURCES, {});
  return { ...built, json: `${JSON.stringify(writtenForm(built.pack))}\n` };
}

/** Gives the built content its version: the recorded one, or the next one, recorded and written into pack.json. */
function assignVersion(pack: RulePack): number {
  const versions = readVersions();
  const digest = contentDigest(pack);
  let version = versionOf(versions, digest);
  if (version === null) {
    version = Math.max(1, ...Object.keys(versions.versions).map(Number)) + 1;
    versions.versions[String(version)] = digest;
    writeFileSync(DEFAULT_PACK_VERSIONS, `${JSON.stringify(versions, null, 2)}\n`);
  }
  if (version !== pack.version) {
    const meta = readFileSync(PACK_META, "utf8");
    writeFileSync(PACK_META, meta.replace(/"version":\s*\d+/, `"version": ${version}`));
  }
  return version;
}

function main(): void {
  const first = buildDefaultPack();
  if (first.warnings.length > 0) {
    console.error(first.warnings.join("\n"));
    process.exit(1);
  }
  if (process.argv.includes("--check")) {
    const recorded = versionOf(readVersions(), contentDigest(first.pack));
    if (recorded !== first.pack.version || readFileSync(DEFAULT_PACK_FILE, "utf8") !== first.json) {
      console.error("public/packs/default.json is out of date: run npx tsx scripts/build-default-pack.ts");
      process.exit(1);
    }
    return;
  }
  // The version replaces the one the build read from pack.json, in its place: the same bytes as a build after it.
  const pack = { ...first.pack, version: assignVersion(first.pack) };
  const json = `${JSON.stringify(writtenForm(pack))}\n`;
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

if (isCommand(import.meta.url)) main();
