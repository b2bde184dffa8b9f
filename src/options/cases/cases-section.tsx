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
import { CaseRow } from "./case-row.tsx";
import "./options-report.css";
import { errorMessage } from "../../shared/error-message.ts";

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
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const shown = cases ? applyFilter(cases, filter) : [];
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="options-section cases-section" aria-labelledby="cases-title">
      <h2 id="cases-title">Cases</h2>
      <p>
        <a
          class="open-workspace"
          href={browser.runtime.getURL("src/workspace/index.html")}
          target="_blank"
          rel="noopener"
        >
          Open the case workspace
        </a>{" "}
        (search, follow-up, repeat offenders, re-checks, printable reports).
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <search class="case-filters" aria-label="Filter cases">
        <label>
          Brand{" "}
          <select
            name="brand"
            value={filter.brand}
            onChange={(e) => setFilter({ ...filter, brand: e.currentTarget.value })}
          >
            <option value="">All</option>
            {distinct(cases?.map((c) => c.brandName) ?? []).map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          Marketplace{" "}
          <select
            name="marketplace"
            value={filter.marketplace}
            onChange={(e) => setFilter({ ...filter, marketplace: e.currentTarget.value })}
          >
            <option value="">All</option>
            {distinct(cases?.map((c) => c.marketplace) ?? []).map((m) => (
              <option key={m} value={m}>
                {MARKETPLACE_NAME[m as CaseRecord["marketplace"]] ?? m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seller{" "}
          <input
            type="text"
            name="seller"
            value={filter.seller}
            onInput={(e) => setFilter({ ...filter, seller: e.currentTarget.value })}
          />
        </label>
        <label>
          State{" "}
          <select
            name="state"
            value={filter.state}
            onChange={(e) => setFilter({ ...filter, state: e.currentTarget.value as DeliveryState | "" })}
          >
            <option value="">All</option>
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary refresh-cases" onClick={load}>
          Refresh
        </button>
      </search>
      <div class="actions">
        <button
          type="button"
          class="secondary export-csv"
          disabled={shown.length === 0}
          onClick={() => downloadBytes(`copycatch-cases-${stamp}.csv`, casesCsv(shown), "text/csv")}
        >
          Export CSV
        </button>
        <button
          type="button"
          class="secondary export-json"
          disabled={shown.length === 0}
          onClick={() => downloadBytes(`copycatch-cases-${stamp}.json`, casesJson(shown), "application/json")}
        >
          Export JSON
        </button>
        <span class="case-count" role="status">
          {cases ? `${shown.length} of ${cases.length} cases` : "Loading…"}
        </span>
      </div>
      {shown.length > 0 && settings ? (
        <table class="cases">
          <caption class="sr-only">Cases, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Saved (UTC)</th>
              <th scope="col">Brand</th>
              <th scope="col">Marketplace</th>
              <th scope="col">Seller</th>
              <th scope="col">Listing</th>
              <th scope="col">Risk</th>
              <th scope="col">Delivery</th>
              <th scope="col">Evidence (SHA-256)</th>
              <th scope="col">Actions</th>
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
      setStatus("No corrections yet.");
      return;
    }
    const body = `${JSON.stringify({ format: "copycatch.corrections/1", corrections }, null, 2)}\n`;
    downloadBytes(`copycatch-corrections-${new Date().toISOString().slice(0, 10)}.json`, body, "application/json");
    setStatus(`Exported ${corrections.length} correction${corrections.length === 1 ? "" : "s"}.`);
  };
  return (
    <div class="corrections">
      <h3>Your corrections</h3>
      <p>Verdicts you marked as wrong, for rule-pack authors. They never leave this browser unless you export them.</p>
      <div class="actions">
        <button type="button" class="secondary export-corrections" onClick={exportAll}>
          Export corrections (JSON)
        </button>
        <span role="status" class="corrections-status">
          {status}
        </span>
      </div>
    </div>
  );
}
