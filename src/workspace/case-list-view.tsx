/** The case list: search, filters, sort, pages of 50; each row links to the case and to its seller. */
import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { downloadBytes } from "../popup/files.ts";
import { riskLabel } from "../popup/format.ts";
import type { CaseSummary } from "../shared/case.ts";
import { casesCsv, casesJson } from "../shared/case-export.ts";
import type { CheckObservation, CheckResult } from "../shared/case-state.ts";
import { CASE_STATES, type CaseState } from "../shared/case-state.ts";
import { t } from "../shared/i18n.ts";
import type { MarketplaceId } from "../shared/listing.ts";
import { send } from "../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { asSaid, errorText, sayText } from "../shared/said.ts";
import { distinct, filterCases, pageOf, type SortKey, sortCases, type WorkspaceFilter } from "./case-list.ts";
import { href } from "./route.ts";
import type { SellerIndex } from "./workspace.tsx";

const SORTS: [SortKey, () => string][] = [
  ["newest", () => t("sort_newest")],
  ["oldest", () => t("sort_oldest")],
  ["score", () => t("sort_score")],
  ["seller", () => t("field_seller")],
  ["state-age", () => t("sort_state_age")],
];

export function stateLabel(state: CaseState): string {
  return t(`case_state_${state}`);
}

export function checkLabel(result: CheckResult): string {
  return t(`check_${result}`);
}

/** What a re-check saw, in the UI's language (a check recorded before: its English detail). */
export function checkDetail(check: CheckObservation): string {
  const s = asSaid(check.said);
  if (!s) return check.detail;
  const text = sayText(s);
  return check.redirected ? `${text} ${t("recheck_redirected")}` : text;
}

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
      setStatus(t("exported_cases", { count: records.length }));
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  return (
    <div class="workspace">
      <header class="workspace-head">
        <h1>{t("cases")}</h1>
        <span class="case-count" role="status">
          {t("cases_shown", { shown: shown.length, total: cases.length })}
        </span>
      </header>
      {props.header}
      <search class="ws-filters" aria-label={t("ws_filter")}>
        <label>
          {t("search")} <input type="search" name="q" value={f.q} onInput={(e) => set({ q: e.currentTarget.value })} />
        </label>
        <label>
          {t("field_brand")}{" "}
          <select name="brand" value={f.brand} onChange={(e) => set({ brand: e.currentTarget.value })}>
            <option value="">{t("all")}</option>
            {brands.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          {t("field_marketplace")}{" "}
          <select
            name="marketplace"
            value={f.marketplace}
            onChange={(e) => set({ marketplace: e.currentTarget.value as MarketplaceId | "" })}
          >
            <option value="">{t("all")}</option>
            {markets.map((m) => (
              <option key={m} value={m}>
                {MARKETPLACE_NAME[m] ?? m}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("field_seller")}{" "}
          <input type="text" name="seller" value={f.seller} onInput={(e) => set({ seller: e.currentTarget.value })} />
        </label>
        <label>
          {t("col_state")}{" "}
          <select
            name="state"
            value={f.state}
            onChange={(e) => set({ state: e.currentTarget.value as CaseState | "" })}
          >
            <option value="">{t("all")}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {stateLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("date_from")}{" "}
          <input type="date" name="from" value={f.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t("date_to")}{" "}
          <input type="date" name="to" value={f.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <label>
          {t("sort")}{" "}
          <select name="sort" value={f.sort} onChange={(e) => set({ sort: e.currentTarget.value as SortKey })}>
            {SORTS.map(([k, label]) => (
              <option key={k} value={k}>
                {label()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary refresh-cases" onClick={props.onRefresh}>
          {t("refresh")}
        </button>
      </search>
      <div class="actions">
        <button
          type="button"
          class="secondary export-csv"
          disabled={shown.length === 0}
          onClick={() => exportAs("csv")}
        >
          {t("export_csv")}
        </button>
        <button
          type="button"
          class="secondary export-json"
          disabled={shown.length === 0}
          onClick={() => exportAs("json")}
        >
          {t("export_json")}
        </button>
        <span role="status" class="ws-status">
          {status}
        </span>
      </div>
      <table class="ws-cases">
        <caption class="sr-only">{t("cases")}</caption>
        <CaseTableHead />
        <tbody>
          {paged.items.map((c) => (
            <CaseRowView key={c.id} c={c} sellers={props.sellers} />
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label={t("pages")}>
        <button
          type="button"
          class="secondary prev-page"
          disabled={paged.page === 0}
          onClick={() => props.onPage(paged.page - 1)}
        >
          {t("page_previous")}
        </button>
        <span class="page-of">{t("page_of", { page: paged.page + 1, pages: paged.pages })}</span>
        <button
          type="button"
          class="secondary next-page"
          disabled={paged.page >= paged.pages - 1}
          onClick={() => props.onPage(paged.page + 1)}
        >
          {t("page_next")}
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
        <th scope="col">{t("col_saved_utc")}</th>
        <th scope="col">{t("col_state")}</th>
        <th scope="col">{t("field_brand")}</th>
        <th scope="col">{t("field_marketplace")}</th>
        <th scope="col">{t("field_seller")}</th>
        <th scope="col">{t("listing")}</th>
        <th scope="col">{t("col_risk")}</th>
        <th scope="col">{t("col_last_recheck")}</th>
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
        <span class={`state state-${c.state}`}>{stateLabel(c.state)}</span>
        <div class="muted">{t("since", { date: utc(c.stateSince) })}</div>
      </td>
      <td class="ws-brand">{c.brandName ? <bdi>{c.brandName}</bdi> : "—"}</td>
      <td class="ws-marketplace">{MARKETPLACE_NAME[c.marketplace]}</td>
      <td class="ws-seller">
        {key ? (
          <a href={href({ view: "seller", key })}>
            <bdi>{c.sellerName ?? t("seller_unnamed")}</bdi>
          </a>
        ) : c.sellerName ? (
          <bdi>{c.sellerName}</bdi>
        ) : (
          "—"
        )}
        {others > 0 ? (
          <div class="repeat" data-count={others}>
            {t("other_cases", { count: others })}
          </div>
        ) : null}
      </td>
      <td class="ws-title">
        <a href={href({ view: "case", id: c.id })}>
          <bdi>{c.title ?? c.url}</bdi>
        </a>
      </td>
      <td class="ws-risk">
        {riskLabel(c.risk)} <bdi>{c.score}/100</bdi>
      </td>
      <td class="ws-check">{c.lastCheck ? `${checkLabel(c.lastCheck.result)} · ${utc(c.lastCheck.at)}` : "—"}</td>
    </tr>
  );
}
