/**
 * The real default pack (public/packs/default.json, built from packs/default/) as the extension installs it:
 * validated, and compiled at a fixed date so price dates do not age between runs. For tests that check what the
 * shipped rules do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../src/engine/compile.ts";
import { emptyListing, type Listing } from "../src/shared/listing.ts";
import type { RulePack } from "../src/shared/pack.ts";
import { validatePack } from "../src/shared/pack-validate.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export function defaultPack(): RulePack {
  return validatePack(JSON.parse(readFileSync(join(ROOT, "public/packs/default.json"), "utf8"))).pack;
}

export function compileDefaultPack(pack: RulePack = defaultPack()): ReturnType<typeof compile> {
  return compile([pack], { now: "2026-01-01" });
}

/** A listing on a shop no adapter covers, with only its title and price. */
export function pricedListing(title: string, amount: string, currency: string): Listing {
  return { ...emptyListing("https://shop.example/p/1", "generic"), title, price: { amount, currency } };
}
