/**
 * How many brands of each sheet and tier give price floors per kind of item, and how many do not:
 *   npx tsx scripts/floor-coverage.ts [FOLDER]           (default packs/default)
 *   npx tsx scripts/floor-coverage.ts --kinds [FOLDER]   per kind of item, among the brands that give floors
 * For choosing where floors are missing; sheets whose brands sell no kind of item the product types name
 * (alcohol, car parts, medicines, tools) stay at zero by design. A mass-market brand that gives floors per kind
 * gets no price estimate for a kind it leaves out (src/engine/price.ts), so `--kinds` shows, per sheet and tier,
 * how many of those brands give a floor for each kind their categories sell (product-types.json groups).
 */
import { basename } from "node:path";
import { list, slug, splitPrice } from "../cli/pack/build.ts";
import { readSources } from "../cli/pack/sources.ts";
import { PRODUCT_GROUPS, PRODUCT_TYPES } from "../src/shared/product-types.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { DEFAULT_PACK_SOURCES } from "./build-default-pack.ts";

export interface SheetCoverage {
  sheet: string;
  /** tier → [brands with floors, brands] */
  tiers: Record<string, [number, number]>;
}

const sheetOf = (origin: string | undefined) => basename((origin ?? "").replace(/ row \d+$/, ""));

/** Per sheet (in file-name order) and tier, the brands whose row has a non-empty "price floors" cell. */
export function floorCoverage(folder: string): SheetCoverage[] {
  const sources = readSources([folder]);
  const bySheet = new Map<string, SheetCoverage>();
  sources.rows.forEach((row, i) => {
    const sheet = sheetOf(sources.origins[i]);
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

export interface KindCoverage {
  sheet: string;
  tier: string;
  /** Brands of the sheet and tier whose row gives floors per kind of item. */
  floored: number;
  /** Kind of item → [those brands giving a floor for it, those brands whose categories sell its group]. */
  kinds: Record<string, [number, number]>;
}

/** The kinds of item a brand's categories sell, through the groups of product-types.json. */
function kindsSold(categories: string[]): string[] {
  const groups = new Set(
    Object.entries(PRODUCT_GROUPS)
      .filter(([, cats]) => cats.some((c) => categories.includes(c)))
      .map(([group]) => group),
  );
  return PRODUCT_TYPES.filter((t) => groups.has(t.group)).map((t) => t.type);
}

/** A brand row that gives floors per kind of item: its sheet, tier, categories and the kinds it gives floors for. */
export interface FlooredRow {
  sheet: string;
  brand: string;
  tier: string;
  categories: string[];
  kinds: string[];
}

/** The rows of a pack folder whose "price floors" cell is not empty, in file and row order. */
export function flooredRows(folder: string): FlooredRow[] {
  const sources = readSources([folder]);
  const out: FlooredRow[] = [];
  sources.rows.forEach((row, i) => {
    const kinds = [...new Set(list(row["price floors"]).map((item) => splitPrice(item)[0].toLowerCase()))];
    if (kinds.length === 0) return;
    out.push({
      sheet: sheetOf(sources.origins[i]),
      brand: row.brand ?? "",
      tier: (row.tier || "mass").toLowerCase(),
      categories: list(row.categories).map(slug),
      kinds,
    });
  });
  return out;
}

/**
 * Per sheet (in file-name order) and tier, among the brands whose row gives floors per kind of item: for each kind
 * their categories sell, how many give a floor for it. Kinds no such brand sells are left out.
 */
export function kindCoverage(folder: string): KindCoverage[] {
  const out = new Map<string, KindCoverage>();
  for (const row of flooredRows(folder)) {
    const key = `${row.sheet} ${row.tier}`;
    const entry = out.get(key) ?? { sheet: row.sheet, tier: row.tier, floored: 0, kinds: {} };
    entry.floored++;
    for (const kind of kindsSold(row.categories)) {
      const counts = entry.kinds[kind] ?? [0, 0];
      if (row.kinds.includes(kind)) counts[0]++;
      counts[1]++;
      entry.kinds[kind] = counts;
    }
    out.set(key, entry);
  }
  return [...out.values()];
}

/** Share of the (brand, kind) pairs of `kinds` that have a floor, over the entries given; NaN when there are none. */
export function kindShare(rows: KindCoverage[], kinds: readonly string[]): number {
  let covered = 0;
  let sold = 0;
  for (const r of rows) {
    for (const kind of kinds) {
      const [c, s] = r.kinds[kind] ?? [0, 0];
      covered += c;
      sold += s;
    }
  }
  return sold > 0 ? covered / sold : Number.NaN;
}

/** One line per sheet and tier: "sportswear.csv mass (55 brands)  hoodie 12/55  jacket 9/55 ...". */
export function formatKindCoverage(rows: KindCoverage[]): string {
  return rows
    .map(
      (r) =>
        `${`${r.sheet} ${r.tier}`.padEnd(42)} (${r.floored} brands)  ${Object.entries(r.kinds)
          .map(([kind, [c, s]]) => `${kind} ${c}/${s}`)
          .join("  ")}`,
    )
    .join("\n");
}

if (isCommand(import.meta.url)) {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith("--")) ?? DEFAULT_PACK_SOURCES;
  console.log(
    args.includes("--kinds") ? formatKindCoverage(kindCoverage(folder)) : formatCoverage(floorCoverage(folder)),
  );
}
