/** The case list: search, filters, sort, pages of 50; each row links to the case and to its seller. */
import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { downloadBytes } from "../popup/files.ts";
import type { CaseSummary } from "../shared/case.ts";
import { casesCsv, casesJson } from "../shared/case-export.ts";
import { CASE_STATES, type CaseState, STATE_LABEL } from "../shared/case-state.ts";
import type { MarketplaceId } from "../shared/listing.ts";
import { send } from "../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { distinct, filterCases, pageOf, type SortKey, sortCases, type WorkspaceFilter } from "./case-list.ts";
import { href } from "./route.ts";
import type { SellerIndex } from "./workspace.tsx";

const SORTS: [SortKey, string][] = [
  ["newest", "Newest first"],
  ["oldest", "Oldest first"],
  ["score", "Highest risk"],
  ["seller", "Seller"],
  ["state-age", "Longest in its state"],
];

export function utc(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

export function CaseList(props: {
  cases: CaseSummary[];
  sellers: SellerIndex;
  filter: WorkspaceFilter;
  onFilter: (f: WorkspaceFilter) => void;
  page: number;
  onPage: (p: number) => void;
  onRefresh: () => void;
  /** Settings and charts, above the filters. */
  header?: ComponentChildren;
}) {
  const { cases, filter: f, onFilter } = props;
  const [status, setStatus] = useState("");
  const shown = useMemo(() => sortCases(filterCases(cases, f), f.sort), [cases, f]);
  const paged = pageOf(shown, props.page);
  const brands = useMemo(() => distinct(cases.map((c) => c.brandName)), [cases]);
  const markets = useMemo(() => distinct(cases.map((c) => c.marketplace)) as MarketplaceId[], [cases]);
  const set = (patch: Partial<WorkspaceFilter>) => onFilter({ ...f, ...patch });
  const exportAs = async (kind: "csv" | "json") => {
    try {
      const wanted = new Set(shown.map((c) => c.id));
      const records = (await send({ type: "list-cases" })).cases.filter((c) => wanted.has(c.id));
      const stamp = new Date().toISOString().slice(0, 10);
      if (kind === "csv") downloadBytes(`copycatch-cases-${stamp}.csv`, casesCsv(records), "text/csv");
      else downloadBytes(`copycatch-cases-${stamp}.json`, casesJson(records), "application/json");
      setStatus(`Exported ${records.length} cases`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="workspace">
      <header class="workspace-head">
        <h1>Cases</h1>
        <span class="case-count" role="status">
          {shown.length} of {cases.length} cases
        </span>
      </header>
      {props.header}
      <search class="ws-filters" aria-label="Search and filter cases">
        <label>
          Search <input type="search" name="q" value={f.q} onInput={(e) => set({ q: e.currentTarget.value })} />
        </label>
        <label>
          Brand{" "}
          <select name="brand" value={f.brand} onChange={(e) => set({ brand: e.currentTarget.value })}>
            <option value="">All</option>
            {brands.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          Marketplace{" "}
          <select
            name="marketplace"
            value={f.marketplace}
            onChange={(e) => set({ marketplace: e.currentTarget.value as MarketplaceId | "" })}
          >
            <option value="">All</option>
            {markets.map((m) => (
              <option key={m} value={m}>
                {MARKETPLACE_NAME[m] ?? m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seller{" "}
          <input type="text" name="seller" value={f.seller} onInput={(e) => set({ seller: e.currentTarget.value })} />
        </label>
        <label>
          State{" "}
          <select
            name="state"
            value={f.state}
            onChange={(e) => set({ state: e.currentTarget.value as CaseState | "" })}
          >
            <option value="">All</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" name="from" value={f.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          To <input type="date" name="to" value={f.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <label>
          Sort{" "}
          <select name="sort" value={f.sort} onChange={(e) => set({ sort: e.currentTarget.value as SortKey })}>
            {SORTS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary refresh-cases" onClick={props.onRefresh}>
          Refresh
        </button>
      </search>
      <div class="actions">
        <button
          type="button"
          class="secondary export-csv"
          disabled={shown.length === 0}
          onClick={() => exportAs("csv")}
        >
          Export CSV
        </button>
        <button
          type="button"
          class="secondary export-json"
          disabled={shown.length === 0}
          onClick={() => exportAs("json")}
        >
          Export JSON
        </button>
        <span role="status" class="ws-status">
          {status}
        </span>
      </div>
      <table class="ws-cases">
        <caption class="sr-only">Cases</caption>
        <CaseTableHead />
        <tbody>
          {paged.items.map((c) => (
            <CaseRowView key={c.id} c={c} sellers={props.sellers} />
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          class="secondary prev-page"
          disabled={paged.page === 0}
          onClick={() => props.onPage(paged.page - 1)}
        >
          ‹ Previous
        </button>
        <span class="page-of">
          Page {paged.page + 1} of {paged.pages}
        </span>
        <button
          type="button"
          class="secondary next-page"
          disabled={paged.page >= paged.pages - 1}
          onClick={() => props.onPage(paged.page + 1)}
        >
          Next ›
        </button>
      </nav>
    </div>
  );
}

/** The columns of every case table in the workspace (list and seller view), matching CaseRowView's cells. */
export function CaseTableHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Saved (UTC)</th>
        <th scope="col">State</th>
        <th scope="col">Brand</th>
        <th scope="col">Marketplace</th>
        <th scope="col">Seller</th>
        <th scope="col">Listing</th>
        <th scope="col">Risk</th>
        <th scope="col">Last re-check</th>
      </tr>
    </thead>
  );
}

export function CaseRowView({ c, sellers }: { c: CaseSummary; sellers: SellerIndex }) {
  const group = sellers.groupOf.get(c.id);
  const others = group ? group.ids.length - 1 : 0;
  const key = group?.keys[0];
  return (
    <tr class="ws-row" data-case-id={c.id} data-state={c.state}>
      <td>
        <time dateTime={c.createdAt}>{utc(c.createdAt)}</time>
      </td>
      <td class="ws-state">
        <span class={`state state-${c.state}`}>{STATE_LABEL[c.state]}</span>
        <div class="muted">since {utc(c.stateSince)}</div>
      </td>
      <td class="ws-brand">{c.brandName ?? "—"}</td>
      <td class="ws-marketplace">{MARKETPLACE_NAME[c.marketplace]}</td>
      <td class="ws-seller">
        {key ? <a href={href({ view: "seller", key })}>{c.sellerName ?? "(seller)"}</a> : (c.sellerName ?? "—")}
        {others > 0 ? (
          <div class="repeat" data-count={others}>
            +{others} other case{others === 1 ? "" : "s"}
          </div>
        ) : null}
      </td>
      <td class="ws-title">
        <a href={href({ view: "case", id: c.id })}>{c.title ?? c.url}</a>
      </td>
      <td class="ws-risk">
        {c.risk} {c.score}/100
      </td>
      <td class="ws-check">{c.lastCheck ? `${c.lastCheck.result} · ${utc(c.lastCheck.at)}` : "—"}</td>
    </tr>
  );
}
