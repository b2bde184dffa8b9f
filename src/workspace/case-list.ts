/**
 * The workspace's list: search, filters, sort and paging over case
 * summaries, all pure (tested beside this file, measured by bench/workspace.ts).
 * Thousands of cases are filtered in memory: the search text of each summary
 * is folded once and cached.
 */
import type { CaseSummary } from "../shared/case.ts";
import type { CaseState } from "../shared/case-state.ts";
import type { MarketplaceId } from "../shared/listing.ts";

export type SortKey = "newest" | "oldest" | "score" | "seller" | "state-age";

export interface WorkspaceFilter {
  /** Free text: title, seller, brand, URL, case id. */
  q: string;
  brand: string;
  marketplace: MarketplaceId | "";
  /** Part of the seller's name. */
  seller: string;
  state: CaseState | "";
  /** UTC dates (YYYY-MM-DD), inclusive; "" for open. */
  from: string;
  to: string;
  sort: SortKey;
}

export const NO_FILTER: WorkspaceFilter = {
  q: "",
  brand: "",
  marketplace: "",
  seller: "",
  state: "",
  from: "",
  to: "",
  sort: "newest",
};

export const PAGE_SIZE = 50;

const folded = new WeakMap<CaseSummary, string>();

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function haystack(c: CaseSummary): string {
  let h = folded.get(c);
  if (h === undefined) {
    h = fold([c.title ?? "", c.sellerName ?? "", c.brandName ?? "", c.url, c.id].join("\n"));
    folded.set(c, h);
  }
  return h;
}

export function filterCases(cases: readonly CaseSummary[], f: WorkspaceFilter): CaseSummary[] {
  const q = fold(f.q.trim());
  const seller = fold(f.seller.trim());
  // createdAt is ISO UTC: a date prefix compares as text.
  const to = f.to ? `${f.to}T99` : "";
  return cases.filter(
    (c) =>
      (!f.brand || c.brandName === f.brand) &&
      (!f.marketplace || c.marketplace === f.marketplace) &&
      (!f.state || c.state === f.state) &&
      (!f.from || c.createdAt >= f.from) &&
      (!to || c.createdAt <= to) &&
      (!seller || fold(c.sellerName ?? "").includes(seller)) &&
      (!q || haystack(c).includes(q)),
  );
}

const COMPARE: Record<SortKey, (a: CaseSummary, b: CaseSummary) => number> = {
  newest: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
  oldest: (a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
  score: (a, b) => b.score - a.score || COMPARE.newest(a, b),
  seller: (a, b) => (a.sellerName ?? "").localeCompare(b.sellerName ?? "") || COMPARE.newest(a, b),
  "state-age": (a, b) => (a.stateSince < b.stateSince ? -1 : a.stateSince > b.stateSince ? 1 : 0),
};

export function sortCases(cases: CaseSummary[], sort: SortKey): CaseSummary[] {
  return [...cases].sort(COMPARE[sort]);
}

export function pageOf<T>(
  items: readonly T[],
  page: number,
  size = PAGE_SIZE,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, (p + 1) * size), page: p, pages };
}

export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort();
}
