import type { Listing } from "../shared/listing.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import type { Reason, Verdict } from "../shared/verdict.ts";
import { formatMoney, RISK_HINT, RISK_LABEL } from "./format.ts";
import { sellerStatus } from "./seller-status.ts";

function ReasonItem({ reason }: { reason: Reason }) {
  const direction = reason.weight >= 0 ? "raises risk" : "lowers risk";
  return (
    <li class={`reason ${reason.weight >= 0 ? "up" : "down"}`} data-signal={reason.signal}>
      <span class="reason-dir" aria-hidden="true">
        {reason.weight >= 0 ? "▲" : "▼"}
      </span>
      <span class="sr-only">{direction}: </span>
      <span class="reason-text">
        {reason.message}
        {reason.evidence ? (
          <>
            {" "}
            <q class="evidence" title={`in the ${reason.evidence.field}`}>
              {reason.evidence.text}
            </q>
            <span class="evidence-field"> (in the {reason.evidence.field})</span>
          </>
        ) : null}
      </span>
    </li>
  );
}

export function VerdictCard({ verdict }: { verdict: Verdict }) {
  return (
    <section class={`card risk-${verdict.risk}`} aria-labelledby="risk-label">
      <div class="risk-row">
        <span class="risk-icon" aria-hidden="true">
          {verdict.risk === "high" ? "⚠" : verdict.risk === "medium" ? "!" : verdict.risk === "low" ? "✓" : "?"}
        </span>
        <h1 id="risk-label" class="risk" data-risk={verdict.risk}>
          {RISK_LABEL[verdict.risk]}
        </h1>
        <span class="score" title="Risk score out of 100">
          {verdict.score}/100
        </span>
      </div>
      <p class="hint">{RISK_HINT[verdict.risk]}</p>
      {verdict.brand ? (
        <p class="brand">
          Brand claimed: <strong>{verdict.brand.name}</strong>
        </p>
      ) : null}
      {verdict.reasons.length > 0 ? (
        <>
          <h2>Why</h2>
          <ul class="reasons">
            {verdict.reasons.map((r) => (
              <ReasonItem key={`${r.signal}:${r.evidence?.start ?? ""}:${r.message}`} reason={r} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ListingSummary({ listing, verdict }: { listing: Listing; verdict: Verdict }) {
  const status = sellerStatus(listing, verdict);
  const rows: [string, string | null][] = [
    ["Title", listing.title],
    ["Brand", listing.brand],
    ["Price", formatMoney(listing.price)],
    ["Seller", listing.seller?.name ?? null],
    ["Seller status", status.label],
    [
      "Marketplace",
      listing.marketplace === "generic" ? new URL(listing.url).hostname : MARKETPLACE_NAME[listing.marketplace],
    ],
  ];
  return (
    <section class="summary" aria-label="Listing">
      <h2>Listing</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} class="row">
            <dt>{label}</dt>
            <dd
              data-field={label.toLowerCase().replace(" ", "-")}
              data-kind={label === "Seller status" ? status.kind : undefined}
            >
              {value ?? "—"}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
