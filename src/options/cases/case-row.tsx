import { useState } from "preact/hooks";
import { downloadBytes } from "../../popup/files.ts";
import type { CaseRecord } from "../../shared/case.ts";
import { errorMessage } from "../../shared/error-message.ts";
import { base64Decode } from "../../shared/hash.ts";
import { send } from "../../shared/messages/send.ts";
import type { RightsHolderProfile } from "../../shared/profile.ts";
import { MARKETPLACE_NAME } from "../../shared/report-portals.ts";
import { CaseNotice } from "./case-notice.tsx";

const STATE_LABEL: Record<string, string> = {
  local: "Local",
  queued: "Queued",
  sending: "Sending",
  delivered: "✓ Delivered",
  failed: "✗ Failed",
};

export function CaseRow(props: {
  record: CaseRecord;
  profile: RightsHolderProfile;
  webhookSet: boolean;
  onChanged: () => void;
}) {
  const { record: c } = props;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const run = async (what: () => Promise<void>) => {
    try {
      await what();
    } catch (error) {
      setStatus(errorMessage(error));
    }
  };
  const exportZip = () =>
    run(async () => {
      const { fileName, base64 } = await send({ type: "export-case", caseId: c.id });
      downloadBytes(fileName, base64Decode(base64), "application/zip");
      setStatus(`Exported ${fileName}`);
    });
  const sendNow = () =>
    run(async () => {
      await send({ type: "send-case", caseId: c.id });
      props.onChanged();
    });
  const d = c.delivery;
  return (
    <>
      <tr class="case-row" data-case-id={c.id} data-state={d.state}>
        <td>
          <time dateTime={c.createdAt}>{c.createdAt.slice(0, 19).replace("T", " ")}</time>
        </td>
        <td class="case-brand">{c.brandName ?? "—"}</td>
        <td class="case-marketplace">{MARKETPLACE_NAME[c.marketplace]}</td>
        <td class="case-seller">{c.sellerName ?? "—"}</td>
        <td class="case-title">
          <a href={c.url} target="_blank" rel="noopener noreferrer">
            {c.listing.title ?? c.url}
          </a>
        </td>
        <td class="case-risk">
          {c.verdict.risk} {c.verdict.score}/100
        </td>
        <td class="case-delivery">
          <span class="delivery-state">{STATE_LABEL[d.state] ?? d.state}</span>
          {d.attempts > 0 ? (
            <span class="delivery-attempts">
              {" "}
              · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
            </span>
          ) : null}
          {d.lastError ? <div class="delivery-error">Last error: {d.lastError}</div> : null}
        </td>
        <td class="case-evidence">
          {c.artefacts.map((a) => (
            <div key={a.name} class="artefact" data-name={a.name} title={`sha256:${a.sha256}`}>
              {a.name} <code>{a.sha256.slice(0, 12)}…</code>
            </div>
          ))}
          {c.captureErrors.map((e) => (
            <div key={e} class="capture-error">
              ⚠ {e}
            </div>
          ))}
        </td>
        <td class="case-actions">
          <button type="button" class="secondary export-zip" onClick={exportZip}>
            Export ZIP
          </button>
          <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            Notices
          </button>
          {props.webhookSet && (d.state === "local" || d.state === "failed") ? (
            <button type="button" class="secondary send-case" onClick={sendNow}>
              Send
            </button>
          ) : null}
          <div role="status" class="case-status">
            {status}
          </div>
        </td>
      </tr>
      {open ? (
        <tr class="case-detail">
          <td colSpan={9}>
            <p class="manifest-hash">
              Manifest SHA-256: <code>{c.manifestSha256}</code>
            </p>
            <CaseNotice record={c} profile={props.profile} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
