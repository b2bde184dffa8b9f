/** The agent's case workspace: one page with the case list, a case's detail, a seller's cases and printable reports. */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { CaseSummary } from "../shared/case.ts";
import { groupBySeller } from "../shared/case-seller.ts";
import { t } from "../shared/i18n.ts";
import { send } from "../shared/messages/send.ts";
import { errorText } from "../shared/said.ts";
import { CaseDetailView } from "./case-detail.tsx";
import { NO_FILTER, type WorkspaceFilter } from "./case-list.ts";
import { CaseList } from "./case-list-view.tsx";
import { Charts } from "./charts.tsx";
import { caseBack, ReportView, sellerBack } from "./report-view.tsx";
import { parseRoute, type Route } from "./route.ts";
import { SellerView } from "./seller-view.tsx";
import { SettingsPanel, useWorkspaceSettings } from "./settings-panel.tsx";

export interface SellerIndex {
  /** Case id → its seller group (cases sharing a seller key, transitively). */
  groupOf: Map<string, { ids: string[]; keys: string[] }>;
  /** Seller key → the group that has it. */
  byKey: Map<string, { ids: string[]; keys: string[] }>;
}

export function sellerIndex(cases: readonly CaseSummary[]): SellerIndex {
  const groupOf = new Map<string, { ids: string[]; keys: string[] }>();
  const byKey = new Map<string, { ids: string[]; keys: string[] }>();
  for (const g of groupBySeller([...cases], (c) => c.sellerKeys)) {
    const group = { ids: g.items.map((c) => c.id), keys: g.keys };
    for (const id of group.ids) groupOf.set(id, group);
    for (const k of group.keys) byKey.set(k, group);
  }
  return { groupOf, byKey };
}

function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function Workspace() {
  const route = useRoute();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<WorkspaceFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [settings, setSettings] = useWorkspaceSettings();
  const load = useCallback(async () => {
    try {
      setCases((await send({ type: "case-summaries" })).cases);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const sellers = useMemo(() => sellerIndex(cases ?? []), [cases]);
  const byId = useMemo(() => new Map((cases ?? []).map((c) => [c.id, c])), [cases]);
  if (error)
    return (
      <p role="alert" class="workspace-error">
        {error}
      </p>
    );
  if (!cases) return <p class="loading">{t("loading_cases")}</p>;
  switch (route.view) {
    case "case":
      return (
        <CaseDetailView
          caseId={route.id}
          sellers={sellers}
          summaries={byId}
          onChanged={load}
          recheck={settings?.recheck.enabled === true}
          tsaUrl={settings?.tsaUrl ?? null}
        />
      );
    case "seller":
      return <SellerView sellerKey={route.key} sellers={sellers} byId={byId} />;
    case "report":
      return <ReportView caseIds={[route.id]} back={caseBack(route.id)} />;
    case "seller-report": {
      const ids = sellers.byKey.get(route.key)?.ids ?? [];
      const oldestFirst = [...ids].sort((a, b) =>
        (byId.get(a)?.createdAt ?? "") < (byId.get(b)?.createdAt ?? "") ? -1 : 1,
      );
      return <ReportView caseIds={oldestFirst} back={sellerBack(route.key)} />;
    }
    default:
      return (
        <CaseList
          cases={cases}
          sellers={sellers}
          filter={filter}
          onFilter={(f) => {
            setFilter(f);
            setPage(0);
          }}
          page={page}
          onPage={setPage}
          onRefresh={load}
          header={
            <>
              {settings ? <SettingsPanel settings={settings} onSaved={setSettings} /> : null}
              <Charts cases={cases} />
            </>
          }
        />
      );
  }
}
