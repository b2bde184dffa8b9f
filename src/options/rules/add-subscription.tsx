/** Subscribe to a feed: address, schedule, the publisher's key (shown as a fingerprint to compare) or consent to unsigned packs. */
import { useEffect, useState } from "preact/hooks";
import { Msg } from "../../popup/msg.tsx";
import { t } from "../../shared/i18n.ts";
import type { SubscribeRequest } from "../../shared/messages/packs.ts";
import { importPublicKey } from "../../shared/pack-signature.ts";
import { errorText } from "../../shared/said.ts";
import { requestFeedAccess } from "./feed-access.ts";

const INTERVALS = [
  { minutes: 60, label: () => t("every_hour") },
  { minutes: 6 * 60, label: () => t("every_6_hours") },
  { minutes: 24 * 60, label: () => t("every_day") },
  { minutes: 7 * 24 * 60, label: () => t("every_week") },
];

export function AddSubscription(props: {
  busy: boolean;
  onSubmit: (req: SubscribeRequest, note: string | null) => void;
}) {
  const [url, setUrl] = useState("");
  const [minutes, setMinutes] = useState(24 * 60);
  const [key, setKey] = useState("");
  const [unsigned, setUnsigned] = useState(false);
  const [owner, setOwner] = useState(false);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    if (!key.trim()) {
      setFingerprint(null);
      setKeyError(null);
      return;
    }
    importPublicKey(key).then(
      (k) => {
        if (stale) return;
        setFingerprint(k.fingerprint);
        setKeyError(null);
      },
      (e: unknown) => {
        if (stale) return;
        setFingerprint(null);
        setKeyError(errorText(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [key]);

  const submit = (event: Event) => {
    event.preventDefault();
    // Ask for host access first, while the click still counts as a user gesture.
    const access = requestFeedAccess(url);
    void access.then((granted) => {
      const note = granted ? null : t("feed_no_access");
      props.onSubmit(
        { url, intervalMinutes: minutes, allowUnsigned: unsigned, brandOwner: owner, publicKey: key.trim() || null },
        note,
      );
    });
  };

  return (
    <form class="rules-add" onSubmit={submit} aria-labelledby="rules-add-title">
      <h3 id="rules-add-title">{t("feed_subscribe_title")}</h3>
      <label>
        {t("feed_address")}
        <input
          name="url"
          type="url"
          required
          placeholder="https://brand.example/copycatch/pack.json"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("feed_check")}
        <select name="interval" value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {INTERVALS.map((i) => (
            <option key={i.minutes} value={i.minutes}>
              {i.label()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("feed_key")}
        <textarea
          name="public-key"
          rows={4}
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby="rules-key-help"
        />
      </label>
      <p id="rules-key-help" class="rules-muted">
        {fingerprint ? (
          <Msg
            k="feed_fingerprint"
            p={{ fingerprint }}
            wrap={{ fingerprint: (f) => <code class="rules-fingerprint">{f}</code> }}
          />
        ) : (
          (keyError ?? t("feed_key_help"))
        )}
      </p>
      <label class="rules-check">
        <input
          name="allow-unsigned"
          type="checkbox"
          checked={unsigned}
          disabled={key.trim() !== ""}
          onChange={(e) => setUnsigned(e.currentTarget.checked)}
        />
        {t("feed_unsigned")}
      </label>
      <label class="rules-check">
        <input name="brand-owner" type="checkbox" checked={owner} onChange={(e) => setOwner(e.currentTarget.checked)} />
        {t("feed_brand_owner")}
      </label>
      <button type="submit" disabled={props.busy || (key.trim() !== "" && fingerprint === null)}>
        {t("subscribe")}
      </button>
    </form>
  );
}
