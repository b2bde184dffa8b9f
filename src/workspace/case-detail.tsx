/** One case: follow-up, evidence with its hashes verified in place, the listing, the reasons, the notice, notes. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { downloadBytes } from "../popup/files.ts";
import { Msg, Told } from "../popup/msg.tsx";
import { checkStoredToken, stampCase } from "../popup/stamp.ts";
import { ListingSummary, VerdictCard } from "../popup/verdict-card.tsx";
import type { CaseSummary } from "../shared/case.ts";
import { base64Decode } from "../shared/hash.ts";
import { t, ui } from "../shared/i18n.ts";
import type { CaseDetail } from "../shared/messages/cases.ts";
import { send } from "../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { errorText } from "../shared/said.ts";
import { checkDetail, checkLabel, utc } from "./case-list-view.tsx";
import { FollowUpPanel, HistoryList } from "./follow-up.tsx";
import { href } from "./route.ts";
import type { SellerIndex } from "./workspace.tsx";

export function useCaseDetail(caseId: string): [CaseDetail | null, string | null, () => Promise<void>] {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDetail(await send({ type: "get-case", caseId }));
    } catch (e) {
      setError(errorText(e));
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);
  return [detail, error, load];
}

export function CaseDetailView(props: {
  caseId: string;
  sellers: SellerIndex;
  summaries: Map<string, CaseSummary>;
  onChanged: () => void;
  /** Re-checks are switched on. */
  recheck: boolean;
  /** The time-stamping authority, when one is set. */
  tsaUrl: string | null;
}) {
  const [detail, error, reload] = useCaseDetail(props.caseId);
  const [status, setStatus] = useState("");
  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p class="loading">{t("loading_case")}</p>;
  const c = detail.record;
  const changed = async () => {
    await reload();
    props.onChanged();
  };
  const group = props.sellers.groupOf.get(c.id);
  const others = group ? group.ids.length - 1 : 0;
  const download = async (name: string, fileName: string) => {
    try {
      const { mime, base64 } = await send({ type: "get-evidence", caseId: c.id, name });
      downloadBytes(fileName, base64Decode(base64), mime);
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  const recheck = async () => {
    setStatus(t("popup_rechecking"));
    try {
      const { check } = await send({ type: "recheck-case", caseId: c.id });
      setStatus(t("recheck_result", { result: checkLabel(check.result), detail: checkDetail(check) }));
      await changed();
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  const stamp = async () => {
    try {
      const { timestamp } = await stampCase(c.id, props.tsaUrl ?? "").then((t) => ({ timestamp: t }));
      setStatus(t("stamped_at", { time: timestamp.genTime }));
      await changed();
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  const exportZip = async () => {
    try {
      const { fileName, base64 } = await send({ type: "export-case", caseId: c.id });
      downloadBytes(fileName, base64Decode(base64), "application/zip");
      setStatus(t("exported_file", { name: fileName }));
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  return (
    <article class="case-view" data-case-id={c.id} aria-labelledby="case-title">
      <nav class="crumbs">
        <a href={href({ view: "list" })}>{t("all_cases_back")}</a>
      </nav>
      <h1 id="case-title" class="case-title">
        <bdi>{c.listing.title ?? c.url}</bdi>
      </h1>
      <p class="case-meta">
        <Msg k="case_id" p={{ id: c.id }} wrap={{ id: (id) => <code class="case-id">{id}</code> }} /> ·{" "}
        {t("saved_utc", { time: utc(c.createdAt) })} · {MARKETPLACE_NAME[c.marketplace]} ·{" "}
        <a href={c.url} target="_blank" rel="noopener noreferrer">
          {t("the_listing")}
        </a>
      </p>
      {group && others > 0 ? (
        <p class="seller-repeat">
          <Msg
            k="seller_other_cases"
            p={{ count: others }}
            wrap={{ count: (n) => <strong class="repeat-count">{n}</strong> }}
          />{" "}
          <a href={href({ view: "seller", key: group.keys[0] ?? "" })}>
            {c.sellerName ? <Msg k="all_cases_of" p={{ seller: c.sellerName }} /> : t("all_cases_of_seller")}
          </a>
        </p>
      ) : null}
      <div class="actions">
        <a class="button secondary print-report" href={href({ view: "report", id: c.id })}>
          {t("printable_report")}
        </a>
        {props.recheck && c.marketplace !== "generic" ? (
          <button type="button" class="secondary recheck" onClick={recheck}>
            {t("recheck_now")}
          </button>
        ) : null}
        {props.tsaUrl && !c.timestamp ? (
          <button type="button" class="secondary stamp" onClick={stamp}>
            {t("stamp_now")}
          </button>
        ) : null}
        <button type="button" class="secondary export-zip" onClick={exportZip}>
          {t("export_zip")}
        </button>
        <span role="status" class="case-status">
          {status}
        </span>
      </div>
      <FollowUpPanel record={c} onChanged={changed} />
      <section class="evidence" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t("evidence")}</h2>
        <p class={`integrity ${detail.check.intact ? "ok" : "bad"}`} data-intact={String(detail.check.intact)}>
          {detail.check.intact ? t("integrity_ok") : t("integrity_bad")}
        </p>
        <ul class="problems" lang="en">
          {detail.check.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <table class="hashes">
          <thead>
            <tr>
              <th scope="col">{t("col_file")}</th>
              <th scope="col">{t("col_bytes")}</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {c.artefacts.map((a) => (
              <tr key={a.name} class="artefact" data-name={a.name}>
                <td>{a.name}</td>
                <td>{ui().num(a.bytes)}</td>
                <td>
                  <code>{a.sha256}</code>
                </td>
              </tr>
            ))}
            <tr class="artefact" data-name="manifest.json">
              <td>manifest.json</td>
              <td />
              <td>
                <code class="manifest-hash">{c.manifestSha256}</code>
              </td>
            </tr>
          </tbody>
        </table>
        <p class="trusted-time" data-stamped={String(c.timestamp !== null)}>
          {c.timestamp
            ? t("trusted_time_stamped", {
                time: utc(c.timestamp.genTime),
                authority: c.timestamp.authority,
                signer: c.timestamp.signer,
              })
            : t("trusted_time_none")}
        </p>
        {c.timestamp ? <TokenCheck caseId={c.id} /> : null}
        {c.captureErrors.map((e, i) => (
          <p key={e} class="capture-error">
            ⚠ <Told said={c.captureSaid?.[i]} text={e} />
          </p>
        ))}
        {c.artefacts.some((a) => a.name === "page.mhtml") ? (
          <button
            type="button"
            class="secondary open-mhtml"
            onClick={() => download("page.mhtml", `${c.id.slice(0, 8)}-page.mhtml`)}
          >
            {t("download_mhtml")}
          </button>
        ) : null}
        {detail.screenshot ? (
          <figure class="screenshot">
            <img src={`data:image/png;base64,${detail.screenshot}`} alt={t("screenshot_alt")} />
            <figcaption>{t("screenshot_caption", { time: utc(c.createdAt) })}</figcaption>
          </figure>
        ) : null}
      </section>
      <div class="case-columns">
        <VerdictCard verdict={c.verdict} />
        <ListingSummary listing={c.listing} verdict={c.verdict} />
      </div>
      <details class="listing-record">
        <summary>{t("listing_record")}</summary>
        <pre dir="ltr">{JSON.stringify(c.listing, null, 2)}</pre>
      </details>
      {detail.noticeText ? (
        <section aria-labelledby="notice-title">
          <h2 id="notice-title">{t("notice_saved")}</h2>
          <p class="muted">{t("notice_english")}</p>
          <pre class="notice-text" lang="en" dir="ltr">
            {detail.noticeText}
          </pre>
        </section>
      ) : null}
      <HistoryList history={c.followUp.history} />
    </article>
  );
}

/** The stored RFC 3161 token re-checked in this page (PKI.js is loaded here, not in the worker). */
function TokenCheck({ caseId }: { caseId: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    checkStoredToken(caseId).then(setResult, (e: unknown) => setResult({ ok: false, text: `✗ ${errorText(e)}` }));
  }, [caseId]);
  return (
    <p class={`token-check ${result?.ok ? "ok" : "bad"}`} data-ok={result ? String(result.ok) : undefined}>
      {result?.text ?? t("token_checking")}
    </p>
  );
}
