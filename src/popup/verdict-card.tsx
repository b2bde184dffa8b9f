import { reasonParts, t, ui } from "../shared/i18n.ts";
import type { Listing } from "../shared/listing.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import type { EvidenceSpan, Reason, Verdict } from "../shared/verdict.ts";
import { formatMoney, riskHint, riskLabel } from "./format.ts";
import { Msg, Parts } from "./msg.tsx";
import { sellerStatus } from "./seller-status.ts";

function evidenceWhere(field: EvidenceSpan["field"]): string {
  return t(`evidence_in_${field}`);
}

function ReasonItem({ reason }: { reason: Reason }) {
  const up = reason.weight >= 0;
  return (
    <li class={`reason ${up ? "up" : "down"}`} data-signal={reason.signal} data-code={reason.code}>
      <span class="reason-dir" aria-hidden="true">
        {up ? "▲" : "▼"}
      </span>
      <span class="sr-only">{up ? t("reason_raises") : t("reason_lowers")} </span>
      <span class="reason-text">
        <Parts parts={reasonParts(ui(), reason)} />
        {reason.evidence ? (
          <>
            {" "}
            <q class="evidence" title={evidenceWhere(reason.evidence.field)}>
              <bdi>{reason.evidence.text}</bdi>
            </q>
            <span class="evidence-field"> {t("evidence_where", { where: evidenceWhere(reason.evidence.field) })}</span>
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
          {riskLabel(verdict.risk)}
        </h1>
        <span class="score" title={t("score_title")}>
          <bdi>{verdict.score}/100</bdi>
        </span>
      </div>
      <p class="hint">{riskHint(verdict.risk)}</p>
      {verdict.brand ? (
        <p class="brand">
          <Msg k="brand_claimed" p={{ brand: verdict.brand.name }} wrap={{ brand: (b) => <strong>{b}</strong> }} />
        </p>
      ) : null}
      {verdict.reasons.length > 0 ? (
        <>
          <h2>{t("why")}</h2>
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

type SummaryField = "title" | "brand" | "price" | "seller" | "seller-status" | "marketplace";

export function ListingSummary({ listing, verdict }: { listing: Listing; verdict: Verdict }) {
  const status = sellerStatus(listing, verdict);
  const rows: [SummaryField, string, string | null][] = [
    ["title", t("field_title"), listing.title],
    ["brand", t("field_brand"), listing.brand],
    ["price", t("field_price"), formatMoney(listing.price)],
    ["seller", t("field_seller"), listing.seller?.name ?? null],
    ["seller-status", t("field_seller_status"), status.label],
    [
      "marketplace",
      t("field_marketplace"),
      listing.marketplace === "generic" ? new URL(listing.url).hostname : MARKETPLACE_NAME[listing.marketplace],
    ],
  ];
  return (
    <section class="summary" aria-label={t("listing")}>
      <h2>{t("listing")}</h2>
      <dl>
        {rows.map(([field, label, value]) => (
          <div key={field} class="row">
            <dt>{label}</dt>
            <dd data-field={field} data-kind={field === "seller-status" ? status.kind : undefined}>
              {value === null ? "—" : field === "seller-status" ? value : <bdi>{value}</bdi>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
