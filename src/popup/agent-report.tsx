import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { errorMessage } from "../shared/error-message.ts";
import type { ResponseOf } from "../shared/messages/index.ts";
import { send } from "../shared/messages/send.ts";
import { noticeJson, noticeText } from "../shared/notices/index.ts";
import { Alert } from "./alert.tsx";
import { CopyButton } from "./copy-button.tsx";
import { downloadBytes } from "./files.ts";

type Filed = ResponseOf<"report-case">;

const DELIVERY_LABEL: Record<string, string> = {
  local: "Saved in this browser (no webhook set)",
  queued: "Queued for the webhook",
  sending: "Sending to the webhook",
  delivered: "Delivered",
  failed: "Delivery failed",
};

/** One click: capture and save a case (the background does it in one transaction), then the notice to file. */
export function AgentReportPanel({ tabId }: { tabId: number }) {
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = async () => {
    setBusy(true);
    setError(null);
    try {
      setFiled(await send({ type: "report-case", tabId }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (!filed) {
    return (
      <section class="report" aria-label="Report">
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
      <h2>Case saved</h2>
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
      <h3>{notice.portalName}</h3>
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
            Open portal
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
