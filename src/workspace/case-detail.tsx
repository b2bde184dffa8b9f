/** One case: follow-up, evidence with its hashes verified in place, the listing, the reasons, the notice, notes. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { downloadBytes } from "../popup/files.ts";
import { checkStoredToken, stampCase } from "../popup/stamp.ts";
import { ListingSummary, VerdictCard } from "../popup/verdict-card.tsx";
import type { CaseSummary } from "../shared/case.ts";
import { base64Decode } from "../shared/hash.ts";
import type { CaseDetail } from "../shared/messages/cases.ts";
import { send } from "../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { utc } from "./case-list-view.tsx";
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
      setError(e instanceof Error ? e.message : String(e));
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
  if (!detail) return <p class="loading">Loading case…</p>;
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
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  const recheck = async () => {
    setStatus("Re-checking…");
    try {
      const { check } = await send({ type: "recheck-case", caseId: c.id });
      setStatus(`Re-check: ${check.result} (${check.detail})`);
      await changed();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  const stamp = async () => {
    try {
      const { timestamp } = await stampCase(c.id, props.tsaUrl ?? "").then((t) => ({ timestamp: t }));
      setStatus(`Stamped at ${timestamp.genTime}`);
      await changed();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  const exportZip = async () => {
    try {
      const { fileName, base64 } = await send({ type: "export-case", caseId: c.id });
      downloadBytes(fileName, base64Decode(base64), "application/zip");
      setStatus(`Exported ${fileName}`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <article class="case-view" data-case-id={c.id} aria-labelledby="case-title">
      <nav class="crumbs">
        <a href={href({ view: "list" })}>‹ All cases</a>
      </nav>
      <h1 id="case-title" class="case-title">
        {c.listing.title ?? c.url}
      </h1>
      <p class="case-meta">
        Case <code class="case-id">{c.id}</code> · saved {utc(c.createdAt)} UTC · {MARKETPLACE_NAME[c.marketplace]} ·{" "}
        <a href={c.url} target="_blank" rel="noopener noreferrer">
          listing
        </a>
      </p>
      {group && others > 0 ? (
        <p class="seller-repeat">
          This seller has <strong class="repeat-count">{others}</strong> other case{others === 1 ? "" : "s"}:{" "}
          <a href={href({ view: "seller", key: group.keys[0] ?? "" })}>all cases of {c.sellerName ?? "this seller"}</a>
        </p>
      ) : null}
      <div class="actions">
        <a class="button secondary print-report" href={href({ view: "report", id: c.id })}>
          Printable report
        </a>
        {props.recheck && c.marketplace !== "generic" ? (
          <button type="button" class="secondary recheck" onClick={recheck}>
            Re-check the listing now
          </button>
        ) : null}
        {props.tsaUrl && !c.timestamp ? (
          <button type="button" class="secondary stamp" onClick={stamp}>
            Stamp now (trusted time)
          </button>
        ) : null}
        <button type="button" class="secondary export-zip" onClick={exportZip}>
          Export ZIP
        </button>
        <span role="status" class="case-status">
          {status}
        </span>
      </div>
      <FollowUpPanel record={c} onChanged={changed} />
      <section class="evidence" aria-labelledby="evidence-title">
        <h2 id="evidence-title">Evidence</h2>
        <p class={`integrity ${detail.check.intact ? "ok" : "bad"}`} data-intact={String(detail.check.intact)}>
          {detail.check.intact
            ? "✓ Every file re-hashed now matches the manifest saved with the case."
            : "✗ The stored evidence no longer matches its manifest."}
        </p>
        <ul class="problems">
          {detail.check.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <table class="hashes">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Bytes</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {c.artefacts.map((a) => (
              <tr key={a.name} class="artefact" data-name={a.name}>
                <td>{a.name}</td>
                <td>{a.bytes}</td>
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
            ? `Trusted time: the manifest hash was stamped at ${utc(c.timestamp.genTime)} UTC by ${c.timestamp.authority} (${c.timestamp.signer}); the token is manifest.tsr.`
            : "Trusted time: none (the times above come from this computer's clock)."}
        </p>
        {c.timestamp ? <TokenCheck caseId={c.id} /> : null}
        {c.captureErrors.map((e) => (
          <p key={e} class="capture-error">
            ⚠ {e}
          </p>
        ))}
        {c.artefacts.some((a) => a.name === "page.mhtml") ? (
          <button
            type="button"
            class="secondary open-mhtml"
            onClick={() => download("page.mhtml", `${c.id.slice(0, 8)}-page.mhtml`)}
          >
            Download the page snapshot (.mhtml, opens in Chrome)
          </button>
        ) : null}
        {detail.screenshot ? (
          <figure class="screenshot">
            <img src={`data:image/png;base64,${detail.screenshot}`} alt="The listing as captured" />
            <figcaption>Screenshot at capture, {utc(c.createdAt)} UTC</figcaption>
          </figure>
        ) : null}
      </section>
      <div class="case-columns">
        <VerdictCard verdict={c.verdict} />
        <ListingSummary listing={c.listing} verdict={c.verdict} />
      </div>
      <details class="listing-record">
        <summary>The listing record (JSON)</summary>
        <pre>{JSON.stringify(c.listing, null, 2)}</pre>
      </details>
      {detail.noticeText ? (
        <section aria-labelledby="notice-title">
          <h2 id="notice-title">Notice saved with the case</h2>
          <pre class="notice-text">{detail.noticeText}</pre>
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
    checkStoredToken(caseId).then(setResult, (e: unknown) =>
      setResult({ ok: false, text: `✗ ${e instanceof Error ? e.message : String(e)}` }),
    );
  }, [caseId]);
  return (
    <p class={`token-check ${result?.ok ? "ok" : "bad"}`} data-ok={result ? String(result.ok) : undefined}>
      {result?.text ?? "Checking the time-stamp token…"}
    </p>
  );
}
