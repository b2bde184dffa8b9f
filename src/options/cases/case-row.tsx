import { useState } from "preact/hooks";
import { downloadBytes } from "../../popup/files.ts";
import { riskLabel } from "../../popup/format.ts";
import { Msg, SaidText, Told } from "../../popup/msg.tsx";
import type { CaseRecord, DeliveryState } from "../../shared/case.ts";
import { base64Decode } from "../../shared/hash.ts";
import { t } from "../../shared/i18n.ts";
import { send } from "../../shared/messages/send.ts";
import type { RightsHolderProfile } from "../../shared/profile.ts";
import { MARKETPLACE_NAME } from "../../shared/report-portals.ts";
import { asSaid, errorText, said } from "../../shared/said.ts";
import { CaseNotice } from "./case-notice.tsx";

export function deliveryStateLabel(state: DeliveryState): string {
  return t(`delivery_state_${state}`);
}

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
      setStatus(errorText(error));
    }
  };
  const exportZip = () =>
    run(async () => {
      const { fileName, base64 } = await send({ type: "export-case", caseId: c.id });
      downloadBytes(fileName, base64Decode(base64), "application/zip");
      setStatus(t("exported_file", { name: fileName }));
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
        <td class="case-brand">{c.brandName ? <bdi>{c.brandName}</bdi> : "—"}</td>
        <td class="case-marketplace">{MARKETPLACE_NAME[c.marketplace]}</td>
        <td class="case-seller">{c.sellerName ? <bdi>{c.sellerName}</bdi> : "—"}</td>
        <td class="case-title">
          <a href={c.url} target="_blank" rel="noopener noreferrer">
            <bdi>{c.listing.title ?? c.url}</bdi>
          </a>
        </td>
        <td class="case-risk">
          {riskLabel(c.verdict.risk)} <bdi>{c.verdict.score}/100</bdi>
        </td>
        <td class="case-delivery">
          <span class="delivery-state">{deliveryStateLabel(d.state)}</span>
          {d.attempts > 0 ? (
            <span class="delivery-attempts"> · {t("delivery_attempts", { count: d.attempts })}</span>
          ) : null}
          {d.lastError ? (
            <div class="delivery-error">
              <SaidText said={said("last_error", { error: asSaid(d.lastErrorSaid) ?? d.lastError })} />
            </div>
          ) : null}
        </td>
        <td class="case-evidence">
          {c.artefacts.map((a) => (
            <div key={a.name} class="artefact" data-name={a.name} title={`sha256:${a.sha256}`} dir="ltr">
              {a.name} <code>{a.sha256.slice(0, 12)}…</code>
            </div>
          ))}
          {c.captureErrors.map((e, i) => (
            <div key={e} class="capture-error">
              ⚠ <Told said={c.captureSaid?.[i]} text={e} />
            </div>
          ))}
        </td>
        <td class="case-actions">
          <button type="button" class="secondary export-zip" onClick={exportZip}>
            {t("export_zip")}
          </button>
          <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t("notices")}
          </button>
          {props.webhookSet && (d.state === "local" || d.state === "failed") ? (
            <button type="button" class="secondary send-case" onClick={sendNow}>
              {t("send")}
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
              <Msg k="manifest_hash" p={{ hash: c.manifestSha256 }} wrap={{ hash: (h) => <code>{h}</code> }} />
            </p>
            <CaseNotice record={c} profile={props.profile} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
