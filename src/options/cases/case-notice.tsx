import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { CopyButton } from "../../popup/copy-button.tsx";
import { downloadBytes } from "../../popup/files.ts";
import type { CaseRecord } from "../../shared/case.ts";
import { t } from "../../shared/i18n.ts";
import { type NoticeInput, noticeJson, noticeText, writeNotice } from "../../shared/notices/index.ts";
import type { RightsHolderProfile } from "../../shared/profile.ts";
import { PORTAL_OF, PORTALS, type PortalId } from "../../shared/report-portals.ts";

function inputOf(c: CaseRecord, profile: RightsHolderProfile): NoticeInput {
  const evidence = c.artefacts.filter((a) => a.kind === "screenshot" || a.kind === "mhtml");
  return {
    case: {
      caseId: c.id,
      createdAt: c.createdAt,
      url: c.url,
      marketplace: c.marketplace,
      listing: c.listing,
      verdict: c.verdict,
      evidence: evidence.map((a) => ({ name: a.name, sha256: a.sha256 })),
      ...(c.details ? { details: c.details } : {}),
    },
    profile,
  };
}

/** A notice for any portal, from the case and the current profile: copied, downloaded, and the portal opened. */
export function CaseNotice({ record, profile }: { record: CaseRecord; profile: RightsHolderProfile }) {
  const [portal, setPortal] = useState<PortalId>(PORTAL_OF[record.marketplace]);
  const notice = writeNotice(portal, inputOf(record, profile));
  const text = noticeText(notice);
  const base = `${portal}-${record.id.slice(0, 8)}`;
  return (
    <div class="case-notice">
      <label>
        {t("notice_for")}{" "}
        <select value={portal} onChange={(e) => setPortal(e.currentTarget.value as PortalId)} name="portal">
          {(Object.keys(PORTALS) as PortalId[]).map((id) => (
            <option key={id} value={id}>
              {PORTALS[id]?.name}
            </option>
          ))}
        </select>
      </label>
      <div class="actions">
        <CopyButton text={text} label={t("notice_copy")} />
        <button type="button" class="secondary" onClick={() => downloadBytes(`${base}.txt`, text, "text/plain")}>
          .txt
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => downloadBytes(`${base}.json`, noticeJson(notice), "application/json")}
        >
          .json
        </button>
        {notice.url ? (
          <button type="button" class="secondary" onClick={() => browser.tabs.create({ url: notice.url ?? "" })}>
            {t("open_portal")}
          </button>
        ) : null}
      </div>
      <p class="muted">{t("notice_english")}</p>
      <pre class="notice-text" lang="en" dir="ltr">
        {text}
      </pre>
    </div>
  );
}
