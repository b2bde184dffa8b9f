/**
 * `pack build`: brand spreadsheets (CSV, or JSON rows with the same column
 * names; one file, several, or a folder of them with its pack.json and data
 * files) → a rule pack, checked by the same validatePack the extension runs.
 * The layout is documented in docs/pack-tool.md.
 */
import type { AccessoryPhrase, ExchangeRates, ReferencePrice, RulePack, VocabTerm } from "../../src/shared/pack.ts";
import { PACK_FORMAT } from "../../src/shared/pack.ts";
import { validatePack } from "../../src/shared/pack-validate.ts";
import type { Said } from "../../src/shared/said.ts";
import { csvRecords, normaliseColumn } from "./csv.ts";
import { packTypoStopwords } from "./typo-stopwords.ts";

export interface PackMeta {
  id: string;
  name: string;
  version: number;
  publisher: string;
  /** YYYY-MM-DD; also the default date of reference prices. */
  issued: string;
  expires: string | null;
  description: string | null;
}

export const KNOWN_COLUMNS = [
  "brand",
  "id",
  "aliases",
  "models",
  "lines",
  "common word lines",
  "reference price",
  "price floors",
  "price date",
  "price source",
  "authorised sellers",
  "official stores",
  "domains",
  "categories",
  "common word",
  "tier",
  "owner",
  "report email",
  "report url",
  "report notes",
  "not the brand",
] as const;

type Row = Record<string, string>;

export class BuildError extends Error {
  override name = "BuildError";
}

/**
 * Rows from a .csv file or a .json array of objects (values: strings in the CSV syntax, arrays, booleans, numbers),
 * each with its row number: the spreadsheet's for CSV, the item's index + 2 for JSON (as if item 0 were row 2).
 */
export function readRows(fileName: string, text: string): { row: number; values: Row }[] {
  if (!fileName.toLowerCase().endsWith(".json")) return csvRecords(text, fileName);
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new BuildError("JSON input: expected an array of brand rows");
  return data.map((item, i) => {
    if (typeof item !== "object" || item === null) throw new BuildError(`JSON input [${i}]: expected an object`);
    const row: Row = {};
    for (const [k, v] of Object.entries(item)) {
      row[normaliseColumn(k)] = Array.isArray(v)
        ? v.map(String).join("|")
        : typeof v === "boolean"
          ? v
            ? "yes"
            : "no"
          : String(v ?? "");
    }
    return { row: i + 2, values: row };
  });
}

export const list = (s: string | undefined): string[] =>
  (s ?? "")
    .split("|")
    .map((x) => x.trim())
    .filter((x) => x !== "");

export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "name:amount:CUR" → [name, "amount:CUR"]; [item, null] when the item carries no price. */
export function splitPrice(item: string): [string, string | null] {
  const parts = item.split(":");
  if (
    parts.length >= 3 &&
    /^\s*\d+(?:\.\d+)?\s*$/.test(parts.at(-2) ?? "") &&
    /^\s*[A-Za-z]{3}\s*$/.test(parts.at(-1) ?? "")
  ) {
    return [parts.slice(0, -2).join(":").trim(), parts.slice(-2).join(":")];
  }
  return [item.trim(), null];
}

/** "Air Jordan 1 = AJ1; Jordan 1" → name and aliases. */
function named(item: string): { name: string; aliases: string[] } {
  const eq = item.indexOf("=");
  if (eq < 0) return { name: item.trim(), aliases: [] };
  const aliases = item
    .slice(eq + 1)
    .split(";")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  return { name: item.slice(0, eq).trim(), aliases };
}

function price(amountCurrency: string, meta: PackMeta, row: Row, where: string) {
  const m = amountCurrency.trim().match(/^(\d+(?:\.\d+)?)\s*[: ]\s*([A-Za-z]{3})$/);
  if (!m) throw new BuildError(`${where}: expected "amount:CUR" such as "180:USD", got "${amountCurrency}"`);
  return {
    amount: m[1],
    currency: m[2]?.toUpperCase(),
    date: row["price date"] || meta.issued,
    source: row["price source"] || meta.publisher,
  };
}

/** "Air Jordan 1 = AJ1; Jordan 1:180:USD|Dunk Low" → models; a model name may itself contain colons. */
function models(row: Row, meta: PackMeta, where: string) {
  return list(row.models).map((item) => {
    const [head, amount] = splitPrice(item);
    const { name, aliases } = named(head);
    return { name, aliases, referencePrice: amount ? price(amount, meta, row, `${where} "${name}"`) : null };
  });
}

/** "Jordan = Air Jordan; Jumpman|Yeezy" → lines; those also listed in "common word lines" are ordinary words. */
function lines(row: Row) {
  const common = new Set(list(row["common word lines"]).map((x) => x.toLowerCase()));
  return list(row.lines).map((item) => {
    const { name, aliases } = named(item);
    return { name, aliases, commonWord: common.has(name.toLowerCase()) };
  });
}

/** "sneakers:60:USD|sneakers:4999:INR|polo:1299:INR" → price floors per product type and currency. */
function floors(row: Row, meta: PackMeta, where: string) {
  return list(row["price floors"]).map((item) => {
    const [type, amount] = splitPrice(item);
    if (!amount) throw new BuildError(`${where}: expected "type:amount:CUR" such as "sneakers:60:USD", got "${item}"`);
    return { type: type.toLowerCase(), ...price(amount, meta, row, `${where} "${type}"`) };
  });
}

/** "amazon:Nike|*:Nike Store" → sellers on a marketplace ("*": any). */
function sellers(cell: string | undefined, where: string) {
  return list(cell).map((item) => {
    const at = item.indexOf(":");
    if (at <= 0) throw new BuildError(`${where}: expected "marketplace:name" such as "amazon:Nike", got "${item}"`);
    return { marketplace: item.slice(0, at).trim().toLowerCase(), name: item.slice(at + 1).trim(), id: null };
  });
}

function yesNo(cell: string | undefined, where: string): boolean {
  const v = (cell ?? "").trim().toLowerCase();
  if (["", "no", "n", "false", "0"].includes(v)) return false;
  if (["yes", "y", "true", "1", "x"].includes(v)) return true;
  throw new BuildError(`${where}: expected yes or no, got "${cell}"`);
}

function brandOf(row: Row, origin: string, meta: PackMeta) {
  const where = (col: string) => `${origin}, column "${col}"`;
  const name = row.brand?.trim();
  if (!name) throw new BuildError(`${origin}: the "brand" column is empty`);
  const email = row["report email"] || null;
  const url = row["report url"] || null;
  const notes = row["report notes"] || null;
  const ls = lines(row);
  const fs = floors(row, meta, where("price floors"));
  const notBrand = list(row["not the brand"]);
  return {
    id: row.id || slug(name),
    name,
    aliases: list(row.aliases),
    commonWord: yesNo(row["common word"], where("common word")),
    tier: (row.tier || "mass").toLowerCase(),
    categories: list(row.categories).map((c) => slug(c)),
    models: models(row, meta, where("models")),
    referencePrice: row["reference price"] ? price(row["reference price"], meta, row, where("reference price")) : null,
    authorisedSellers: sellers(row["authorised sellers"], where("authorised sellers")),
    officialStores: sellers(row["official stores"], where("official stores")),
    domains: list(row.domains).map((d) => d.toLowerCase()),
    report: email || url || notes ? { email, url, notes } : null,
    ...(row.owner ? { owner: row.owner.trim() } : {}),
    ...(ls.length > 0 ? { lines: ls } : {}),
    ...(fs.length > 0 ? { priceFloors: fs } : {}),
    ...(notBrand.length > 0 ? { notBrand } : {}),
  };
}

export interface BuildResult {
  pack: RulePack;
  /** The file to write: pretty JSON, newline-terminated. These exact bytes are what `sign` signs. */
  json: string;
  warnings: string[];
}

/** What a pack carries besides brands: only a folder build (the default pack's) supplies them. */
export interface PackData {
  vocabulary: VocabTerm[];
  accessoryPhrases: AccessoryPhrase[];
  exchangeRates: ExchangeRates | null;
}

const NO_DATA: PackData = { vocabulary: [], accessoryPhrases: [], exchangeRates: null };

/** Builds and validates; unknown columns are warned about, a broken row stops the build (a pack tool should not guess). */
export function buildPack(
  rows: Row[],
  meta: PackMeta,
  data: PackData = NO_DATA,
  origins: string[] = rows.map((_, i) => `row ${i + 2}`),
): BuildResult {
  if (rows.length === 0)
    throw new BuildError("no brand rows: the first line must be the header, then one brand per line");
  const unknown = new Set(
    rows.flatMap((r) => Object.keys(r)).filter((k) => !(KNOWN_COLUMNS as readonly string[]).includes(k)),
  );
  const raw = {
    format: PACK_FORMAT,
    id: meta.id,
    name: meta.name,
    description: meta.description,
    version: meta.version,
    publisher: meta.publisher,
    issued: meta.issued,
    expires: meta.expires,
    brands: rows.map((r, i) => brandOf(r, origins[i] ?? `row ${i + 2}`, meta)),
    vocabulary: data.vocabulary,
    accessoryPhrases: data.accessoryPhrases,
    exchangeRates: data.exchangeRates,
  };
  const { pack, warnings, warningsSaid } = validatePack(raw, { now: new Date().toISOString() });
  // A skipped brand in a pack we are writing is an authoring error, not something to ship silently.
  const skipped = warnings.filter((_, i) => brandSkipped(warningsSaid[i]));
  const hint = (w: string) => rowHint(w, origins);
  if (skipped.length > 0) throw new BuildError(skipped.map(hint).join("\n"));
  const extra = [...unknown].map((c) => `column "${c}" is not a known column and was ignored`);
  // Dictionary words one edit from the pack's names: a title saying one is no disguised brand (typo-stopwords.ts).
  const typoStopwords = packTypoStopwords(pack);
  if (typoStopwords.length > 0) pack.typoStopwords = typoStopwords;
  return { pack, json: `${JSON.stringify(writtenForm(pack), null, 2)}\n`, warnings: [...extra, ...warnings.map(hint)] };
}

/**
 * The pack as written: a model's price or a price floor observed where the brand's reference price was (one date
 * and source per spreadsheet row) leaves them out, and a reader takes the reference's (pack-validate.ts). Over a
 * quarter of the default pack's bytes were these repeated sources.
 */
export function writtenForm(pack: RulePack): RulePack {
  const brands = pack.brands.map((b) => {
    const ref = b.referencePrice;
    if (!ref) return b;
    const own = <T extends ReferencePrice>(p: T): T =>
      p.date === ref.date && p.source === ref.source ? (omitProvenance(p) as T) : p;
    const models = b.models.map((m) => (m.referencePrice ? { ...m, referencePrice: own(m.referencePrice) } : m));
    return { ...b, models, ...(b.priceFloors ? { priceFloors: b.priceFloors.map(own) } : {}) };
  });
  return { ...pack, brands };
}

function omitProvenance<T extends ReferencePrice>(p: T): Omit<T, "date" | "source"> {
  const { date: _date, source: _source, ...rest } = p;
  return rest;
}

/** A warning that a brand was left out: a broken brand entry, or a second brand with the same id. */
function brandSkipped(w: Said | undefined): boolean {
  if (w?.key === "pack_warning_duplicate_brand") return true;
  return w?.key === "pack_warning_entry_skipped" && /^brands\[\d+\]/.test(String(w.params.path));
}

/** "brands[3].models[0]..." → "... (spreadsheet row 5)", or the sheet and row it came from. */
export function rowHint(message: string, origins: string[] = []): string {
  const m = message.match(/^brands\[(\d+)\]/);
  if (!m || message.includes("(spreadsheet ")) return message;
  const i = Number(m[1]);
  return `${message} (spreadsheet ${origins[i] ?? `row ${i + 2}`})`;
}
