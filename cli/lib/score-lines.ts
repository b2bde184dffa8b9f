/**
 * What `npm run score` does to each input line, shared by the worker threads
 * and tests: a listing record in, one JSON line out ({"id", "verdict"}, or
 * {"id", "line", "error"} for a line that cannot be scored; the run goes on).
 */
import { readFileSync } from "node:fs";
import { type CompiledMatcher, score } from "../../src/engine/index.ts";
import { marketplaceFromUrl } from "../../src/engine/marketplace.ts";
import { emptyListing, emptySeller, type Listing, MARKETPLACES, type MarketplaceId } from "../../src/shared/listing.ts";
import type { RulePack } from "../../src/shared/pack.ts";
import { validatePack } from "../../src/shared/pack-validate.ts";

/** The pack in `text` (read from `file`, which the warnings name), validated as the extension validates it. */
export function readPack(file: string, text: string): { pack: RulePack; warnings: string[] } {
  const { pack, warnings } = validatePack(JSON.parse(text));
  return { pack, warnings: warnings.map((w) => `pack ${file}: ${w}`) };
}

export function loadPack(file: string): RulePack {
  const { pack, warnings } = readPack(file, readFileSync(file, "utf8"));
  for (const w of warnings) console.error(w);
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
    : url
      ? marketplaceFromUrl(url)
      : "generic";
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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An error record for line `line` (1-based); `id` is the record's id when it was readable, else the line number. */
export function errorRecord(line: number, error: string, id: unknown = line): string {
  return JSON.stringify({ id, line, error });
}

/** One input line as one output line (`error` when it is an error record); null for a blank line (no output). */
export function scoreLine(
  text: string,
  line: number,
  matcher: CompiledMatcher,
  now?: string,
): { json: string; error: boolean } | null {
  if (!text.trim()) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { json: errorRecord(line, `not JSON: ${message(error)}`), error: true };
  }
  const id = raw && typeof raw === "object" && "id" in raw ? (raw as { id: unknown }).id : line;
  try {
    return { json: JSON.stringify({ id, verdict: score(toListing(raw), matcher, now) }), error: false };
  } catch (error) {
    return { json: errorRecord(line, message(error), id), error: true };
  }
}

export interface BatchResult {
  /** Output lines, each ending in "\n", in input order. */
  out: string;
  records: number;
  errors: number;
}

/** Lines `firstLine`, `firstLine + 1`, ... scored in order, at time `now` (ISO 8601; default: the compile time). */
export function scoreBatch(
  lines: readonly string[],
  firstLine: number,
  matcher: CompiledMatcher,
  now?: string,
): BatchResult {
  let out = "";
  let records = 0;
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    const o = scoreLine(lines[i] ?? "", firstLine + i, matcher, now);
    if (o === null) continue;
    records++;
    if (o.error) errors++;
    out += `${o.json}\n`;
  }
  return { out, records, errors };
}
