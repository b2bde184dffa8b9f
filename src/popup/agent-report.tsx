import { useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { INFRINGEMENT_PLACES, type InfringementPlace, parseOrderIds } from "../shared/case-details.ts";
import { errorMessage } from "../shared/error-message.ts";
import type { ResponseOf } from "../shared/messages/index.ts";
import { send } from "../shared/messages/send.ts";
import { noticeJson, noticeText } from "../shared/notices/index.ts";
import { Alert } from "./alert.tsx";
import { CopyButton } from "./copy-button.tsx";
import { downloadBytes } from "./files.ts";
import { useFocusWhenOpen } from "./focus.ts";
import { stampCase } from "./stamp.ts";

type Filed = ResponseOf<"report-case">;

const DELIVERY_LABEL: Record<string, string> = {
  local: "Saved in this browser (no webhook set)",
  queued: "Queued for the webhook",
  sending: "Sending to the webhook",
  delivered: "Delivered",
  failed: "Delivery failed",
};

const PLACE_LABEL: Record<InfringementPlace, string> = {
  product: "Product",
  packaging: "Packaging",
  images: "Images",
  text: "Text",
};

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
        setStamp("Asking the time-stamping authority…");
        stampCase(result.caseId, tsaUrl).then(
          (t) => setStamp(`✓ Trusted time: ${t.genTime} (${t.signer})`),
          (e: unknown) => setStamp(`✗ Trusted time failed: ${e instanceof Error ? e.message : String(e)}`),
        );
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  if (!filed) {
    return (
      <section class="report" aria-label="Report">
        <fieldset class="case-where">
          <legend>Where the infringement appears</legend>
          {INFRINGEMENT_PLACES.map((place) => (
            <label key={place} class="inline">
              <input
                type="checkbox"
                name="where"
                value={place}
                checked={where.includes(place)}
                onChange={(e) => toggle(place, e.currentTarget.checked)}
              />{" "}
              {PLACE_LABEL[place]}
            </label>
          ))}
        </fieldset>
        <label class="stacked" for="test-buy-orders">
          Test-buy order ids (optional, comma-separated)
        </label>
        <input
          id="test-buy-orders"
          name="test-buy-orders"
          type="text"
          value={orders}
          onInput={(e) => setOrders(e.currentTarget.value)}
        />
        <button type="button" class="report-button file-case" onClick={file} disabled={busy} aria-busy={busy}>
          {busy ? "Capturing evidence…" : "File a case with evidence"}
        </button>
        <Alert message={error} />
      </section>
    );
  }
  const { notice } = filed;
  const text = noticeText(notice);
  return (
    <section class="report filed" aria-label="Case">
      <h2 ref={heading} tabIndex={-1}>
        Case saved
      </h2>
      <p class="case-id">
        Case <code>{filed.caseId}</code>
      </p>
      <p class="delivery" data-state={filed.delivery}>
        {DELIVERY_LABEL[filed.delivery] ?? filed.delivery}
      </p>
      {filed.captureErrors.length > 0 ? (
        <ul class="capture-errors" aria-label="Captures that failed">
          {filed.captureErrors.map((e) => (
            <li key={e}>⚠ {e}</li>
          ))}
        </ul>
      ) : (
        <p class="capture-ok">✓ Screenshot and page archive captured and hashed.</p>
      )}
      {stamp ? (
        <p class="trusted-time-status" role="status">
          {stamp}
        </p>
      ) : null}
      <h3>{notice.portalName}</h3>
      {notice.errors.length > 0 ? (
        <div class="notice-errors" role="alert">
          <p>Not ready to file: the portal would refuse it.</p>
          <ul>
            {notice.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice.url && !notice.urlVerified ? (
        <p class="unverified-url">
          No public source confirms this portal's address: Copycatch opens the marketplace's IP help page as last known.
          Check it before filing.
        </p>
      ) : null}
      {notice.submitTo ? (
        <p class="submit-to">
          Send the notice to <code>{notice.submitTo}</code>.
        </p>
      ) : null}
      {notice.warnings.length > 0 ? (
        <ul class="notice-warnings" aria-label="Before filing">
          {notice.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {notice.attachments.length > 0 ? <p class="notice-attachments">Attach: {notice.attachments.join(", ")}</p> : null}
      <div class="actions">
        <CopyButton text={text} label="Copy notice" />
        <button
          type="button"
          class="secondary"
          onClick={() => downloadBytes(`${notice.portal}-${filed.caseId.slice(0, 8)}.txt`, text, "text/plain")}
        >
          Download .txt
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            downloadBytes(`${notice.portal}-${filed.caseId.slice(0, 8)}.json`, noticeJson(notice), "application/json")
          }
        >
          Download .json
        </button>
        {notice.url ? (
          <button type="button" class="open-portal" onClick={() => browser.tabs.create({ url: notice.url ?? "" })}>
            {notice.urlVerified ? "Open portal" : "Open IP help page"}
          </button>
        ) : null}
      </div>
      <details class="notice-preview">
        <summary>Show the notice</summary>
        <pre class="notice-text">{text}</pre>
      </details>
    </section>
  );
}
