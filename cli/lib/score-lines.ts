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

/**
 * A batch's bytes (whole lines, cli/score.ts batches) as its lines, without their line feeds or a CR before one.
 * Each line is decoded on its own: a line of ASCII stays a one-byte string, which parses and scores faster than a
 * slice of one string decoded whole, two-byte as soon as any line holds a character beyond Latin-1.
 */
export function linesOf(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const all: string[] = [];
  let s = 0;
  for (let nl = b.indexOf(10); ; nl = b.indexOf(10, s)) {
    const e = nl < 0 ? b.length : nl;
    if (nl < 0 && s === e) break;
    all.push(b.toString("utf8", s, e > s && b[e - 1] === 13 ? e - 1 : e));
    if (nl < 0) break;
    s = nl + 1;
  }
  return all;
}

/**
 * Output lines as UTF-8, each followed by a line feed: written one by one into a growing buffer of its own (never
 * Node's shared pool, so a worker can hand it over without a copy). Much faster than encoding the lines joined.
 */
export function toBytes(lines: readonly string[]): Uint8Array {
  let b = Buffer.allocUnsafeSlow(lines.reduce((n, l) => n + l.length + 1, 0));
  let at = 0;
  for (const l of lines) {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (b.length - at < 3 * l.length + 1) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * b.length, at + 3 * l.length + 1));
      b.copy(grown, 0, 0, at);
      b = grown;
    }
    at += b.write(l, at);
    b[at++] = 10;
  }
  return b.subarray(0, at);
}

export interface BatchResult {
  /** Output lines, without line feeds, in input order. */
  out: string[];
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
  const out: string[] = [];
  let records = 0;
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    const o = scoreLine(lines[i] ?? "", firstLine + i, matcher, now);
    if (o === null) continue;
    records++;
    if (o.error) errors++;
    out.push(o.json);
  }
  return { out, records, errors };
}
