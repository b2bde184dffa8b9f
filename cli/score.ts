/**
 * `npm run -s score -- FILE.jsonl [--pack PACK.json]...`: one listing record
 * per line in (missing fields filled from emptyListing, marketplace inferred
 * from the URL when absent), one {"id", "verdict"} per line out, in order.
 * A bad line prints {"id", "error"} and the run goes on. Default pack:
 * public/packs/default.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, score } from "../src/engine/index.ts";
import { marketplaceFromUrl } from "../src/engine/marketplace.ts";
import { errorMessage } from "../src/shared/error-message.ts";
import { emptyListing, emptySeller, type Listing, MARKETPLACES, type MarketplaceId } from "../src/shared/listing.ts";
import type { RulePack } from "../src/shared/pack.ts";
import { validatePack } from "../src/shared/pack-validate.ts";

const DEFAULT_PACK = join(import.meta.dirname, "..", "public", "packs", "default.json");

export function loadPack(file: string): RulePack {
  const { pack, warnings } = validatePack(JSON.parse(readFileSync(file, "utf8")));
  for (const w of warnings) console.error(`pack ${file}: ${w}`);
  return pack;
}

/** A record with missing fields becomes a full listing; unknown keys are ignored. */
export function toListing(raw: unknown): Listing {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error("not a JSON object");
  const r = raw as Record<string, unknown>;
  const url = typeof r.url === "string" ? r.url : "";
  const hint = r.marketplace;
  const marketplace: MarketplaceId = MARKETPLACES.includes(hint as MarketplaceId)
    ? (hint as MarketplaceId)
    : marketplaceFromUrl(url);
  const base = emptyListing(url, marketplace);
  const out: Listing = { ...base };
  for (const key of Object.keys(base) as (keyof Listing)[]) {
    if (key === "url" || key === "marketplace") continue;
    const v = r[key];
    if (v !== undefined && v !== null) (out as unknown as Record<string, unknown>)[key] = v;
  }
  if (r.seller && typeof r.seller === "object") out.seller = { ...emptySeller(), ...(r.seller as object) };
  if (out.title !== null && typeof out.title !== "string") throw new Error("title: not a string");
  if (!Array.isArray(out.specifics)) throw new Error("specifics: not an array");
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const packs: string[] = [];
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--pack") packs.push(args[++i] ?? "");
    else file = args[i] ?? null;
  }
  if (!file) {
    console.error("usage: npm run -s score -- FILE.jsonl [--pack PACK.json]");
    process.exit(2);
  }
  const matcher = compile((packs.length ? packs : [DEFAULT_PACK]).map(loadPack), { now: new Date().toISOString() });
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let id: unknown = i + 1;
    try {
      const raw = JSON.parse(line) as unknown;
      if (raw && typeof raw === "object" && "id" in raw) id = (raw as { id: unknown }).id;
      out.push(JSON.stringify({ id, verdict: score(toListing(raw), matcher) }));
    } catch (error) {
      out.push(JSON.stringify({ id, error: errorMessage(error) }));
    }
  });
  process.stdout.write(out.length ? `${out.join("\n")}\n` : "");
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) main();
