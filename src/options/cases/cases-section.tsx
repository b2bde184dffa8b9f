/** Options: the cases, newest first, filtered, exported (CSV, JSON, ZIP per case), and the user's corrections. */
import { useCallback, useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { downloadBytes } from "../../popup/files.ts";
import type { CaseRecord, DeliveryState } from "../../shared/case.ts";
import { casesCsv, casesJson } from "../../shared/case-export.ts";
import type { ReportSettings } from "../../shared/messages/reports.ts";
import { send } from "../../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../../shared/report-portals.ts";
import { applyFilter, type CaseFilter, distinct, NO_FILTER } from "./case-filter.ts";
import { CaseRow, deliveryStateLabel } from "./case-row.tsx";
import "./options-report.css";
import { t } from "../../shared/i18n.ts";
import { errorText } from "../../shared/said.ts";

const STATES: DeliveryState[] = ["local", "queued", "sending", "delivered", "failed"];

export function CasesSection() {
  const [cases, setCases] = useState<CaseRecord[] | null>(null);
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  const [filter, setFilter] = useState<CaseFilter>(NO_FILTER);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [list, s] = await Promise.all([send({ type: "list-cases" }), send({ type: "get-report-settings" })]);
      setCases(list.cases);
      setSettings(s);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const shown = cases ? applyFilter(cases, filter) : [];
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="options-section cases-section" aria-labelledby="cases-title">
      <h2 id="cases-title">{t("cases")}</h2>
      <p>
        <a
          class="open-workspace"
          href={browser.runtime.getURL("src/workspace/index.html")}
          target="_blank"
          rel="noopener"
        >
          {t("open_case_workspace")}
        </a>{" "}
        {t("open_case_workspace_what")}
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <search class="case-filters" aria-label={t("filter_cases")}>
        <label>
          {t("field_brand")}{" "}
          <select
            name="brand"
            value={filter.brand}
            onChange={(e) => setFilter({ ...filter, brand: e.currentTarget.value })}
          >
            <option value="">{t("all")}</option>
            {distinct(cases?.map((c) => c.brandName) ?? []).map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          {t("field_marketplace")}{" "}
          <select
            name="marketplace"
            value={filter.marketplace}
            onChange={(e) => setFilter({ ...filter, marketplace: e.currentTarget.value })}
          >
            <option value="">{t("all")}</option>
            {distinct(cases?.map((c) => c.marketplace) ?? []).map((m) => (
              <option key={m} value={m}>
                {MARKETPLACE_NAME[m as CaseRecord["marketplace"]] ?? m}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("field_seller")}{" "}
          <input
            type="text"
            name="seller"
            value={filter.seller}
            onInput={(e) => setFilter({ ...filter, seller: e.currentTarget.value })}
          />
        </label>
        <label>
          {t("col_state")}{" "}
          <select
            name="state"
            value={filter.state}
            onChange={(e) => setFilter({ ...filter, state: e.currentTarget.value as DeliveryState | "" })}
          >
            <option value="">{t("all")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {deliveryStateLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary refresh-cases" onClick={load}>
          {t("refresh")}
        </button>
      </search>
      <div class="actions">
        <button
          type="button"
          class="secondary export-csv"
          disabled={shown.length === 0}
          onClick={() => downloadBytes(`copycatch-cases-${stamp}.csv`, casesCsv(shown), "text/csv")}
        >
          {t("export_csv")}
        </button>
        <button
          type="button"
          class="secondary export-json"
          disabled={shown.length === 0}
          onClick={() => downloadBytes(`copycatch-cases-${stamp}.json`, casesJson(shown), "application/json")}
        >
          {t("export_json")}
        </button>
        <span class="case-count" role="status">
          {cases ? t("cases_shown", { shown: shown.length, total: cases.length }) : t("loading")}
        </span>
      </div>
      {shown.length > 0 && settings ? (
        <table class="cases">
          <caption class="sr-only">{t("cases_newest_first")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("col_saved_utc")}</th>
              <th scope="col">{t("field_brand")}</th>
              <th scope="col">{t("field_marketplace")}</th>
              <th scope="col">{t("field_seller")}</th>
              <th scope="col">{t("listing")}</th>
              <th scope="col">{t("col_risk")}</th>
              <th scope="col">{t("col_delivery")}</th>
              <th scope="col">{t("col_evidence")}</th>
              <th scope="col">{t("col_actions")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <CaseRow
                key={c.id}
                record={c}
                profile={settings.profile}
                webhookSet={settings.webhook.url !== null}
                onChanged={load}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <CorrectionsExport />
    </section>
  );
}

function CorrectionsExport() {
  const [status, setStatus] = useState("");
  const exportAll = async () => {
    const { corrections } = await send({ type: "list-corrections" });
    if (corrections.length === 0) {
      setStatus(t("corrections_none"));
      return;
    }
    const body = `${JSON.stringify({ format: "copycatch.corrections/1", corrections }, null, 2)}\n`;
    downloadBytes(`copycatch-corrections-${new Date().toISOString().slice(0, 10)}.json`, body, "application/json");
    setStatus(t("corrections_exported", { count: corrections.length }));
  };
  return (
    <div class="corrections">
      <h3>{t("corrections_title")}</h3>
      <p>{t("corrections_text")}</p>
      <div class="actions">
        <button type="button" class="secondary export-corrections" onClick={exportAll}>
          {t("corrections_export")}
        </button>
        <span role="status" class="corrections-status">
          {status}
        </span>
      </div>
    </div>
  );
}
