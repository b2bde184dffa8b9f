import { useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { INFRINGEMENT_PLACES, type InfringementPlace, parseOrderIds } from "../shared/case-details.ts";
import { t } from "../shared/i18n.ts";
import type { ResponseOf } from "../shared/messages/index.ts";
import { send } from "../shared/messages/send.ts";
import { noticeJson, noticeText } from "../shared/notices/index.ts";
import { errorText } from "../shared/said.ts";
import { Alert } from "./alert.tsx";
import { CopyButton } from "./copy-button.tsx";
import { downloadBytes } from "./files.ts";
import { useFocusWhenOpen } from "./focus.ts";
import { Msg, Told } from "./msg.tsx";
import { stampCase } from "./stamp.ts";

type Filed = ResponseOf<"report-case">;

function deliveryLabel(state: Filed["delivery"]): string {
  return t(`delivery_${state}`);
}

function placeLabel(place: InfringementPlace): string {
  return t(`place_${place}`);
}

/** One click: capture and save a case (the background does it in one transaction), then the notice to file. */
export function AgentReportPanel({ tabId }: { tabId: number }) {
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [where, setWhere] = useState<InfringementPlace[]>([]);
  const [orders, setOrders] = useState("");
  const toggle = (place: InfringementPlace, on: boolean) =>
    setWhere(INFRINGEMENT_PLACES.filter((p) => (p === place ? on : where.includes(p))));
  const heading = useFocusWhenOpen<HTMLHeadingElement>(filed !== null);
  const [stamp, setStamp] = useState<string | null>(null);
  // A second click before the first re-render (a double or triple click) must not send a second report.
  const inFlight = useRef(false);
  const file = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const details = { where, testBuyOrders: parseOrderIds(orders) };
      const result = await send({ type: "report-case", tabId, details });
      setFiled(result);
      // Trusted time, when the agent set an authority: the case is saved already and never waits on it.
      const { tsaUrl } = await send({ type: "get-workspace-settings" });
      if (tsaUrl) {
        setStamp(t("stamp_asking"));
        stampCase(result.caseId, tsaUrl).then(
          (s) => setStamp(t("stamp_done", { time: s.genTime, signer: s.signer })),
          (e: unknown) => setStamp(t("stamp_failed", { error: errorText(e) })),
        );
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  if (!filed) {
    return (
      <section class="report" aria-label={t("report")}>
        <fieldset class="case-where">
          <legend>{t("case_where")}</legend>
          {INFRINGEMENT_PLACES.map((place) => (
            <label key={place} class="inline">
              <input
                type="checkbox"
                name="where"
                value={place}
                checked={where.includes(place)}
                onChange={(e) => toggle(place, e.currentTarget.checked)}
              />{" "}
              {placeLabel(place)}
            </label>
          ))}
        </fieldset>
        <label class="stacked" for="test-buy-orders">
          {t("case_orders")}
        </label>
        <input
          id="test-buy-orders"
          name="test-buy-orders"
          type="text"
          value={orders}
          onInput={(e) => setOrders(e.currentTarget.value)}
        />
        <button type="button" class="report-button file-case" onClick={file} disabled={busy} aria-busy={busy}>
          {busy ? t("case_capturing") : t("case_file")}
        </button>
        <Alert message={error} />
      </section>
    );
  }
  const { notice } = filed;
  const text = noticeText(notice);
  return (
    <section class="report filed" aria-label={t("case")}>
      <h2 ref={heading} tabIndex={-1}>
        {t("case_saved")}
      </h2>
      <p class="case-id">
        <Msg k="case_id" p={{ id: filed.caseId }} wrap={{ id: (id) => <code>{id}</code> }} />
      </p>
      <p class="delivery" data-state={filed.delivery}>
        {deliveryLabel(filed.delivery)}
      </p>
      {filed.captureErrors.length > 0 ? (
        <ul class="capture-errors" aria-label={t("case_capture_errors")}>
          {filed.captureErrors.map((e, i) => (
            <li key={e}>
              ⚠ <Told said={filed.captureSaid?.[i]} text={e} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="capture-ok">{t("case_capture_ok")}</p>
      )}
      {stamp ? (
        <p class="trusted-time-status" role="status">
          {stamp}
        </p>
      ) : null}
      <h3>{notice.portalName}</h3>
      {notice.errors.length > 0 ? (
        <div class="notice-errors" role="alert">
          <p>{t("notice_not_ready")}</p>
          <ul>
            {notice.errors.map((e, i) => (
              <li key={e}>
                <Told said={notice.said?.errors[i]} text={e} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice.url && !notice.urlVerified ? <p class="unverified-url">{t("notice_unverified_url")}</p> : null}
      {notice.submitTo ? (
        <p class="submit-to">
          <Msg k="notice_submit_to" p={{ address: notice.submitTo }} wrap={{ address: (a) => <code>{a}</code> }} />
        </p>
      ) : null}
      {notice.warnings.length > 0 ? (
        <ul class="notice-warnings" aria-label={t("notice_before_filing")}>
          {notice.warnings.map((w, i) => (
            <li key={w}>
              <Told said={notice.said?.warnings[i]} text={w} />
            </li>
          ))}
        </ul>
      ) : null}
      {notice.attachments.length > 0 ? (
        <p class="notice-attachments">
          <Msg k="notice_attach" p={{ files: notice.attachments.join(", ") }} />
        </p>
      ) : null}
      <div class="actions">
        <CopyButton text={text} label={t("notice_copy")} />
        <button
          type="button"
          class="secondary"
          onClick={() => downloadBytes(`${notice.portal}-${filed.caseId.slice(0, 8)}.txt`, text, "text/plain")}
        >
          {t("download_txt")}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            downloadBytes(`${notice.portal}-${filed.caseId.slice(0, 8)}.json`, noticeJson(notice), "application/json")
          }
        >
          {t("download_json")}
        </button>
        {notice.url ? (
          <button type="button" class="open-portal" onClick={() => browser.tabs.create({ url: notice.url ?? "" })}>
            {notice.urlVerified ? t("open_portal") : t("open_ip_help")}
          </button>
        ) : null}
      </div>
      <details class="notice-preview">
        <summary>{t("notice_show")}</summary>
        <p class="muted">{t("notice_english")}</p>
        <pre class="notice-text" lang="en" dir="ltr">
          {text}
        </pre>
      </details>
    </section>
  );
}
