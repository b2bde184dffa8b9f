/** One subscription: status, schedule, pinned key, the last error with what to do, and its actions. */

import { Msg, Told } from "../../popup/msg.tsx";
import { t } from "../../shared/i18n.ts";
import type { Subscription } from "../../shared/subscription.ts";
import { interval, when } from "./format.ts";

function statusLabel(status: Subscription["status"]): string {
  return t(`sub_status_${status}`);
}

interface Props {
  sub: Subscription;
  busy: boolean;
  onUpdate: () => void;
  onRemove: () => void;
  onGrant: (() => void) | null;
}

export function SubscriptionItem({ sub, busy, onUpdate, onRemove, onGrant }: Props) {
  const titleId = `rules-sub-${sub.id}`;
  return (
    <li class="rules-sub" data-url={sub.url} data-status={sub.status} aria-labelledby={titleId}>
      <h4 id={titleId} class="rules-sub-url">
        <bdi>{sub.url}</bdi>
      </h4>
      <p class={`rules-status rules-status-${sub.status}`} aria-live="polite">
        {statusLabel(sub.status)}
        {sub.packId ? ` — ${t("pack_version", { id: sub.packId, version: sub.packVersion ?? "" })}` : ""}
      </p>
      <dl class="rules-facts">
        <dt>{t("sub_signature")}</dt>
        <dd>
          {sub.keyFingerprint ? (
            <Msg
              k="sub_signature_required"
              p={{ key: sub.keyFingerprint }}
              wrap={{ key: (k) => <code class="rules-fingerprint">{k}</code> }}
            />
          ) : (
            t("sub_signature_none")
          )}
        </dd>
        <dt>{t("sub_precedence")}</dt>
        <dd>{sub.brandOwner && sub.publicKey ? t("sub_brand_pack") : t("sub_community_pack")}</dd>
        <dt>{t("sub_checks")}</dt>
        <dd>{interval(sub.intervalMinutes)}</dd>
        <dt>{t("sub_last_update")}</dt>
        <dd data-field="last-success">{when(sub.lastSuccessAt, t("never"))}</dd>
        <dt>{t("sub_last_check")}</dt>
        <dd>{when(sub.lastCheckAt, t("never"))}</dd>
        <dt>{t("sub_next_check")}</dt>
        <dd data-field="next-check">{when(sub.nextCheckAt)}</dd>
      </dl>
      {sub.error ? (
        <div class="rules-error" role="alert">
          <p class="rules-error-message">
            <Told said={sub.error.said} text={sub.error.message} />
          </p>
          <p class="rules-muted">{when(sub.error.at)}</p>
          {sub.error.advice ? (
            <p class="rules-error-advice">
              <Told said={sub.error.adviceSaid} text={sub.error.advice} />
            </p>
          ) : null}
        </div>
      ) : null}
      {sub.warnings.length > 0 ? (
        <details class="rules-warnings">
          <summary>{t("sub_skipped", { count: sub.warnings.length })}</summary>
          <ul>
            {sub.warnings.map((w, i) => (
              <li key={w}>
                <Told said={sub.warningsSaid?.[i]} text={w} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="rules-actions">
        <button type="button" disabled={busy || sub.status === "updating"} onClick={onUpdate}>
          {t("update_now")}
        </button>
        {onGrant ? (
          <button type="button" disabled={busy} onClick={onGrant}>
            {t("grant_access")}
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={onRemove}>
          {t("remove")}
        </button>
      </div>
    </li>
  );
}
