/** One subscription: status, schedule, pinned key, the last error with what to do, and its actions. */
import type { Subscription } from "../../shared/subscription.ts";
import { interval, when } from "./format.ts";

const STATUS: Record<Subscription["status"], string> = {
  pending: "Waiting for the first update",
  updating: "Updating…",
  ok: "Up to date",
  error: "Last update failed",
  expired: "Pack expired",
};

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
        {sub.url}
      </h4>
      <p class={`rules-status rules-status-${sub.status}`} aria-live="polite">
        {STATUS[sub.status]}
        {sub.packId ? ` — ${sub.packId} version ${sub.packVersion}` : ""}
      </p>
      <dl class="rules-facts">
        <dt>Signature</dt>
        <dd>
          {sub.keyFingerprint ? (
            <>
              required, key <code class="rules-fingerprint">{sub.keyFingerprint}</code>
            </>
          ) : (
            "none (you accepted unsigned packs)"
          )}
        </dd>
        <dt>Precedence</dt>
        <dd>{sub.brandOwner && sub.publicKey ? "brand's own pack" : "community pack"}</dd>
        <dt>Checks</dt>
        <dd>{interval(sub.intervalMinutes)}</dd>
        <dt>Last update</dt>
        <dd data-field="last-success">{when(sub.lastSuccessAt, "never")}</dd>
        <dt>Last check</dt>
        <dd>{when(sub.lastCheckAt, "never")}</dd>
        <dt>Next check</dt>
        <dd data-field="next-check">{when(sub.nextCheckAt)}</dd>
      </dl>
      {sub.error ? (
        <div class="rules-error" role="alert">
          <p class="rules-error-message">{sub.error.message}</p>
          <p class="rules-muted">{when(sub.error.at)}</p>
          <p class="rules-error-advice">{sub.error.advice}</p>
        </div>
      ) : null}
      {sub.warnings.length > 0 ? (
        <details class="rules-warnings">
          <summary>{sub.warnings.length} entries of the pack were skipped</summary>
          <ul>
            {sub.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="rules-actions">
        <button type="button" disabled={busy || sub.status === "updating"} onClick={onUpdate}>
          Update now
        </button>
        {onGrant ? (
          <button type="button" disabled={busy} onClick={onGrant}>
            Grant access to the feed
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
