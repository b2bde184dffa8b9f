/**
 * How many brands of each sheet and tier give price floors per kind of item, and how many do not:
 *   npx tsx scripts/floor-coverage.ts [FOLDER]   (default packs/default)
 * For choosing where floors are missing; sheets whose brands sell no kind of item the product types name
 * (alcohol, car parts, medicines, tools) stay at zero by design.
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { readSources } from "../cli/pack/sources.ts";
import { DEFAULT_PACK_SOURCES } from "./build-default-pack.ts";

export interface SheetCoverage {
  sheet: string;
  /** tier → [brands with floors, brands] */
  tiers: Record<string, [number, number]>;
}

/** Per sheet (in file-name order) and tier, the brands whose row has a non-empty "price floors" cell. */
export function floorCoverage(folder: string): SheetCoverage[] {
  const sources = readSources([folder]);
  const bySheet = new Map<string, SheetCoverage>();
  sources.rows.forEach((row, i) => {
    const sheet = basename((sources.origins[i] ?? "").replace(/ row \d+$/, ""));
    const tier = (row.tier || "mass").toLowerCase();
    const entry = bySheet.get(sheet) ?? { sheet, tiers: {} };
    const counts = entry.tiers[tier] ?? [0, 0];
    if ((row["price floors"] ?? "").trim() !== "") counts[0]++;
    counts[1]++;
    entry.tiers[tier] = counts;
    bySheet.set(sheet, entry);
  });
  return [...bySheet.values()];
}

/** One line per sheet, then the totals: "fashion.csv  luxury 145/158  premium 293/319  mass 118/121". */
export function formatCoverage(rows: SheetCoverage[]): string {
  const total: Record<string, [number, number]> = {};
  const line = (name: string, tiers: Record<string, [number, number]>) =>
    `${name.padEnd(34)} ${Object.entries(tiers)
      .map(([tier, [floored, all]]) => `${tier} ${floored}/${all}`)
      .join("  ")}`;
  const lines = rows.map((r) => {
    for (const [tier, [floored, all]] of Object.entries(r.tiers)) {
      const t = total[tier] ?? [0, 0];
      total[tier] = [t[0] + floored, t[1] + all];
    }
    return line(r.sheet, r.tiers);
  });
  return [...lines, line("total", total)].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatCoverage(floorCoverage(process.argv[2] ?? DEFAULT_PACK_SOURCES)));
}
