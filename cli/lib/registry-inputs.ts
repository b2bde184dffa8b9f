/** The project's real inputs to the registry check: manifest.json, the adapters, the portal tables. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADAPTERS } from "../../src/content/sites/registry.ts";
import { MARKETPLACES } from "../../src/shared/listing.ts";
import { REGISTRY } from "../../src/shared/marketplaces.ts";
import { NOTICE_WRITERS } from "../../src/shared/notices/index.ts";
import { PORTAL_OF, PORTALS } from "../../src/shared/report-portals.ts";
import type { CheckInput } from "./registry-check.ts";

export const ROOT = join(import.meta.dirname, "../..");

export function manifestMatches(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as {
    content_scripts?: { matches?: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
}

export function projectInputs(): CheckInput {
  return {
    registry: REGISTRY,
    manifestMatches: manifestMatches(),
    adapters: ADAPTERS,
    portals: PORTALS,
    portalOf: PORTAL_OF,
    marketplaceIds: MARKETPLACES,
    writers: NOTICE_WRITERS,
  };
}
