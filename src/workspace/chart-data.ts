/** The numbers behind the workspace's charts, pure: cases per marketplace per week, and the share removed. */
import type { CaseSummary } from "../shared/case.ts";
import type { MarketplaceId } from "../shared/listing.ts";

/** Monday 00:00 UTC of the ISO week of `iso`, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

export interface WeeklyCounts {
  /** Oldest first, every week from the first case to the last (empty weeks included). */
  weeks: string[];
  marketplaces: MarketplaceId[];
  /** counts[w][m]: cases saved in weeks[w] on marketplaces[m]. */
  counts: number[][];
}

export function casesPerWeek(cases: readonly CaseSummary[], maxWeeks = 26): WeeklyCounts {
  if (cases.length === 0) return { weeks: [], marketplaces: [], counts: [] };
  const byWeek = new Map<string, Map<MarketplaceId, number>>();
  const markets = new Set<MarketplaceId>();
  let last = "";
  for (const c of cases) {
    const w = weekOf(c.createdAt);
    if (w > last) last = w;
    markets.add(c.marketplace);
    const row = byWeek.get(w) ?? new Map<MarketplaceId, number>();
    row.set(c.marketplace, (row.get(c.marketplace) ?? 0) + 1);
    byWeek.set(w, row);
  }
  const weeks: string[] = [];
  const first = [...byWeek.keys()].sort()[0] as string;
  for (let t = Date.parse(`${last}T00:00:00Z`); weeks.length < maxWeeks; t -= 7 * 86_400_000) {
    const w = new Date(t).toISOString().slice(0, 10);
    weeks.unshift(w);
    if (w <= first) break;
  }
  const marketplaces = [...markets].sort();
  return {
    weeks,
    marketplaces,
    counts: weeks.map((w) => marketplaces.map((m) => byWeek.get(w)?.get(m) ?? 0)),
  };
}

export interface RemovedShare {
  marketplace: MarketplaceId;
  /** Cases that were filed (filed, removed, rejected or relisted now). */
  filed: number;
  /** Of those, removed now. */
  removed: number;
}

const FILED = new Set(["filed", "removed", "rejected", "relisted"]);

export function removedShare(cases: readonly CaseSummary[]): RemovedShare[] {
  const out = new Map<MarketplaceId, RemovedShare>();
  for (const c of cases) {
    if (!FILED.has(c.state)) continue;
    const row = out.get(c.marketplace) ?? { marketplace: c.marketplace, filed: 0, removed: 0 };
    row.filed++;
    if (c.state === "removed") row.removed++;
    out.set(c.marketplace, row);
  }
  return [...out.values()].sort((a, b) => b.filed - a.filed || a.marketplace.localeCompare(b.marketplace));
}
