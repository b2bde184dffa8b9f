/**
 * `npm run -s bench:workspace -- [--json]`: is the case workspace responsive
 * with 5,000 cases? Prints times, not pass/fail (no timed test anywhere).
 * 5,000 case summaries are generated from a fixed seed (60 sellers, 12
 * brands, 6 marketplaces, 2 years, all states). Measured in one process:
 *
 * - filter_ms_*: `filterCases` + `sortCases` over the 5,000 summaries for a
 *   typical query each (free-text search, seller, brand + state, date range,
 *   sort by risk), median of 25 runs after 5 warm-ups. The search text of each
 *   case is folded once and cached (the first search pays it: filter_cold_ms).
 * - group_ms: `groupBySeller` over the 5,000 (what the list and the popup's
 *   "N earlier cases" rely on), median of 25.
 * - render_ms: the list page (filters, 50 rows of the first page, pager, the
 *   two charts over 5,000 cases) rendered by Preact into a linkedom document,
 *   median of 15 fresh renders; rerender_ms: the same page after a filter
 *   change (search text), median of 15.
 * - floor: the same Preact render of a bare 50-row, 8-column table of the same
 *   cases (no filtering, grouping or charts): what any list of that page size
 *   costs; the render ratios are against it. floor_filter: one pass over the
 *   5,000 summaries reading one field each.
 */
import { parseHTML } from "linkedom";
import { h, render } from "preact";
import type { CaseSummary } from "../src/shared/case.ts";
import { groupBySeller } from "../src/shared/case-seller.ts";
import { CASE_STATES } from "../src/shared/case-state.ts";
import type { MarketplaceId } from "../src/shared/listing.ts";
import { rng } from "../src/shared/prng.node.ts";

// The workspace imports the extension's message helper (webextension-polyfill), which wants an extension context.
(globalThis as Record<string, unknown>).chrome = { runtime: { id: "bench" } };
const { document, window } = parseHTML("<!doctype html><html><body><main id='app'></main></body></html>");
Object.assign(globalThis, { document, window, Node: window.Node, Element: window.Element, Event: window.Event });
const { filterCases, NO_FILTER, sortCases, pageOf } = await import("../src/workspace/case-list.ts");
const { CaseList } = await import("../src/workspace/case-list-view.tsx");
const { Charts } = await import("../src/workspace/charts.tsx");
const { sellerIndex } = await import("../src/workspace/workspace.tsx");

const N = 5000;
const MARKETS: MarketplaceId[] = ["amazon", "ebay", "aliexpress", "etsy", "walmart", "temu"];
const BRANDS = [
  "Nike",
  "Rolex",
  "Apple",
  "Chanel",
  "Adidas",
  "Gucci",
  "Sony",
  "Lego",
  "Dyson",
  "Canon",
  "Pandora",
  "Ray-Ban",
];
const WORDS = [
  "replica",
  "1:1",
  "AAA",
  "new",
  "original",
  "cheap",
  "wholesale",
  "sneakers",
  "watch",
  "bag",
  "case",
  "mirror",
];

function generate(): CaseSummary[] {
  const r = rng(20261204);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const start = Date.parse("2025-01-01T00:00:00Z");
  return Array.from({ length: N }, (_, i) => {
    const seller = Math.floor(r() * 60);
    const marketplace = pick(MARKETS);
    const createdAt = new Date(start + Math.floor(r() * 730 * 86_400_000)).toISOString();
    const brand = pick(BRANDS);
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      createdAt,
      marketplace,
      brandName: brand,
      sellerName: `Seller ${seller} Store`,
      sellerKeys: [`id:${marketplace}:s${seller}`, ...(seller % 3 === 0 ? [`name:seller${seller}store`] : [])],
      title: `${brand} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} item ${i}`,
      url: `https://www.${marketplace}.com/item/${i}`,
      risk: pick(["high", "medium", "low"] as const),
      score: Math.floor(r() * 100),
      state: pick(CASE_STATES),
      stateSince: createdAt,
      delivery: "local",
      lastCheck: null,
      timestamped: false,
    };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(runs: number, warm: number, fn: () => void): number {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const cases = generate();
let sink = 0;

const coldStart = performance.now();
sink += filterCases(cases, { ...NO_FILTER, q: "replica" }).length;
const filterCold = performance.now() - coldStart;

const QUERIES = {
  search: { ...NO_FILTER, q: "rolex replica" },
  seller: { ...NO_FILTER, seller: "seller 17" },
  brand_state: { ...NO_FILTER, brand: "Nike", state: "filed" as const },
  dates: { ...NO_FILTER, from: "2025-06-01", to: "2025-08-31" },
  sort_risk: { ...NO_FILTER, sort: "score" as const },
};
const filterMs: Record<string, number> = {};
for (const [name, f] of Object.entries(QUERIES)) {
  filterMs[name] = time(25, 5, () => {
    sink += pageOf(sortCases(filterCases(cases, f), f.sort), 0).items.length;
  });
}
const floorFilter = time(25, 5, () => {
  let n = 0;
  for (const c of cases) if (c.score >= 0) n++;
  sink += n;
});
const groupMs = time(25, 5, () => {
  sink += groupBySeller(cases, (c) => c.sellerKeys).length;
});

const root = document.getElementById("app") as unknown as Element;
const sellers = sellerIndex(cases);
const page = (q: string) =>
  h("div", null, [
    h(Charts, { cases }),
    h(CaseList, {
      cases,
      sellers,
      filter: { ...NO_FILTER, q },
      onFilter: () => undefined,
      page: 0,
      onPage: () => undefined,
      onRefresh: () => undefined,
    }),
  ]);
const renderMs = time(15, 3, () => {
  render(null, root);
  render(page(""), root);
});
let flip = false;
const rerenderMs = time(15, 3, () => {
  flip = !flip;
  render(page(flip ? "replica" : "watch"), root);
});
const rows = root.querySelectorAll("tr.ws-row").length;
const bare = cases.slice(0, 50);
const floorRender = time(15, 3, () => {
  render(null, root);
  render(
    h(
      "table",
      null,
      h(
        "tbody",
        null,
        bare.map((c) =>
          h("tr", { key: c.id }, [
            h("td", null, c.createdAt),
            h("td", null, c.state),
            h("td", null, c.brandName),
            h("td", null, c.marketplace),
            h("td", null, c.sellerName),
            h("td", null, h("a", { href: `#case/${c.id}` }, c.title)),
            h("td", null, `${c.risk} ${c.score}`),
            h("td", null, "—"),
          ]),
        ),
      ),
    ),
    root,
  );
});

const result = {
  cases: N,
  rows_rendered: rows,
  filter_cold_ms: Number(filterCold.toFixed(2)),
  ...Object.fromEntries(Object.entries(filterMs).map(([k, v]) => [`filter_ms_${k}`, Number(v.toFixed(2))])),
  floor_filter_ms: Number(floorFilter.toFixed(3)),
  group_ms: Number(groupMs.toFixed(2)),
  render_ms: Number(renderMs.toFixed(2)),
  rerender_ms: Number(rerenderMs.toFixed(2)),
  floor_render_ms: Number(floorRender.toFixed(2)),
  render_vs_floor: Number((renderMs / floorRender).toFixed(2)),
  rerender_vs_floor: Number((rerenderMs / floorRender).toFixed(2)),
  sink,
};
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else console.table(result);
