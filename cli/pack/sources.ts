/**
 * What `pack build` reads: one or more brand sheets (.csv, or .json rows), or
 * a folder holding several sheets plus the data that is not per brand:
 *
 *   pack.json              the pack's metadata (id, name, publisher, version, issued, expires, description)
 *   vocabulary.csv         term, lang, kind, weight, source
 *   accessory-phrases.csv  phrase, lang, position
 *   exchange-rates.json    { date, base, source, rates }
 *   any other *.csv/*.json a brand sheet (read in file-name order)
 *
 * The default pack (packs/default/) is built this way; docs/pack-tool.md.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { AccessoryPhrase, ExchangeRates, VocabTerm } from "../../src/shared/pack.ts";
import { BuildError, type PackData, type PackMeta, readRows } from "./build.ts";
import { csvRecords } from "./csv.ts";

export const DATA_FILES = ["pack.json", "vocabulary.csv", "accessory-phrases.csv", "exchange-rates.json"];

export interface Sources {
  rows: Record<string, string>[];
  /** Where each row came from: "sportswear.csv row 12". */
  origins: string[];
  data: PackData;
  /** Metadata from a folder's pack.json (command-line options override it). */
  meta: Partial<PackMeta>;
}

function sheet(path: string, out: Sources): void {
  const name = basename(path);
  for (const { row, values } of readRows(name, readFileSync(path, "utf8"))) {
    out.rows.push(values);
    out.origins.push(`${name} row ${row}`);
  }
}

function vocabulary(text: string): VocabTerm[] {
  return csvRecords(text, "vocabulary.csv").map(({ row, values: r }) => {
    const weight = Number(r.weight);
    if (r.weight === "" || !Number.isFinite(weight)) throw new BuildError(`vocabulary.csv row ${row}: bad weight`);
    return {
      term: r.term ?? "",
      lang: r.lang ?? "",
      kind: r.kind as VocabTerm["kind"],
      weight,
      source: r.source || null,
    };
  });
}

function phrases(text: string): AccessoryPhrase[] {
  return csvRecords(text, "accessory-phrases.csv").map(({ values: r }) => ({
    phrase: r.phrase ?? "",
    lang: r.lang ?? "",
    position: r.position as AccessoryPhrase["position"],
  }));
}

function folder(dir: string, out: Sources): void {
  const names = readdirSync(dir).sort();
  const read = (n: string) => readFileSync(join(dir, n), "utf8");
  if (names.includes("pack.json")) out.meta = JSON.parse(read("pack.json")) as Partial<PackMeta>;
  if (names.includes("vocabulary.csv")) out.data.vocabulary.push(...vocabulary(read("vocabulary.csv")));
  if (names.includes("accessory-phrases.csv")) {
    out.data.accessoryPhrases.push(...phrases(read("accessory-phrases.csv")));
  }
  if (names.includes("exchange-rates.json")) {
    out.data.exchangeRates = JSON.parse(read("exchange-rates.json")) as ExchangeRates;
  }
  for (const n of names) {
    if (DATA_FILES.includes(n) || !/\.(csv|json)$/i.test(n)) continue;
    sheet(join(dir, n), out);
  }
}

/** Reads every input in order: files as brand sheets, folders as described above. */
export function readSources(inputs: string[]): Sources {
  const out: Sources = {
    rows: [],
    origins: [],
    data: { vocabulary: [], accessoryPhrases: [], exchangeRates: null },
    meta: {},
  };
  for (const input of inputs) {
    if (statSync(input).isDirectory()) folder(input, out);
    else sheet(input, out);
  }
  return out;
}
