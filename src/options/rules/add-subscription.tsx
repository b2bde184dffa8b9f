/** Subscribe to a feed: address, schedule, the publisher's key (shown as a fingerprint to compare) or consent to unsigned packs. */
import { useEffect, useState } from "preact/hooks";
import { errorMessage } from "../../shared/error-message.ts";
import type { SubscribeRequest } from "../../shared/messages/packs.ts";
import { importPublicKey } from "../../shared/pack-signature.ts";
import { requestFeedAccess } from "./feed-access.ts";

const INTERVALS = [
  { minutes: 60, label: "Every hour" },
  { minutes: 6 * 60, label: "Every 6 hours" },
  { minutes: 24 * 60, label: "Every day" },
  { minutes: 7 * 24 * 60, label: "Every week" },
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
        setKeyError(errorMessage(e));
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
      const note = granted
        ? null
        : "Copycatch was not given access to this site: updates work only if the feed allows cross-origin requests.";
      props.onSubmit(
        { url, intervalMinutes: minutes, allowUnsigned: unsigned, brandOwner: owner, publicKey: key.trim() || null },
        note,
      );
    });
  };

  return (
    <form class="rules-add" onSubmit={submit} aria-labelledby="rules-add-title">
      <h3 id="rules-add-title">Subscribe to a rule feed</h3>
      <label>
        Feed address
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
        Check for updates
        <select name="interval" value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {INTERVALS.map((i) => (
            <option key={i.minutes} value={i.minutes}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Publisher's public key (PEM, base64 or JWK)
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
          <>
            Key fingerprint: <code class="rules-fingerprint">{fingerprint}</code>. Compare it with the one the publisher
            shows on their own site before subscribing.
          </>
        ) : (
          (keyError ?? "Every pack from this feed must be signed with this key; it is pinned when you subscribe.")
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
        Accept unsigned packs from this feed (no key: anyone who controls the address controls the rules)
      </label>
      <label class="rules-check">
        <input name="brand-owner" type="checkbox" checked={owner} onChange={(e) => setOwner(e.currentTarget.checked)} />
        This is the brand's own feed (its signed pack overrides community packs for its brands)
      </label>
      <button type="submit" disabled={props.busy || (key.trim() !== "" && fingerprint === null)}>
        Subscribe
      </button>
    </form>
  );
}
