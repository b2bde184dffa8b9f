/** The workspace's settings: takedown re-checks (opt-in; on demand or on a schedule) and trusted time (off by default). */
import { useEffect, useState } from "preact/hooks";
import type { WorkspaceSettings } from "../shared/messages/cases.ts";
import { send } from "../shared/messages/send.ts";

const INTERVALS: [number | null, string][] = [
  [null, "On demand only"],
  [60, "Every hour"],
  [360, "Every 6 hours"],
  [1440, "Every day"],
  [10080, "Every week"],
];

export function useWorkspaceSettings(): [WorkspaceSettings | null, (s: WorkspaceSettings) => void] {
  const [settings, setSettings] = useState<WorkspaceSettings | null>(null);
  useEffect(() => {
    send({ type: "get-workspace-settings" }).then(setSettings, () => setSettings(null));
  }, []);
  return [settings, setSettings];
}

export function SettingsPanel({
  settings,
  onSaved,
}: {
  settings: WorkspaceSettings;
  onSaved: (s: WorkspaceSettings) => void;
}) {
  const [enabled, setEnabled] = useState(settings.recheck.enabled);
  const [interval, setInterval] = useState<number | null>(settings.recheck.intervalMinutes);
  const [status, setStatus] = useState("");
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      onSaved(await send({ type: "set-recheck", settings: { enabled, intervalMinutes: enabled ? interval : null } }));
      setStatus(enabled ? "Re-checks on." : "Re-checks off.");
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <details class="ws-settings">
      <summary>Re-checks and trusted time</summary>
      <form class="settings-form recheck-form" onSubmit={save}>
        <p>
          A re-check requests the filed listing's own address (one GET, no cookies, nothing else sent) on the
          marketplaces Copycatch covers, and records whether the listing is live, changed or removed, with the time and
          a SHA-256 of what it saw. Off unless you switch it on.
        </p>
        <label>
          <input
            type="checkbox"
            name="recheck-enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />{" "}
          Re-check filed listings
        </label>
        <label>
          Schedule{" "}
          <select
            name="recheck-interval"
            disabled={!enabled}
            value={interval === null ? "" : String(interval)}
            onChange={(e) => setInterval(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          >
            {INTERVALS.map(([n, label]) => (
              <option key={label} value={n === null ? "" : String(n)}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="save-recheck">
          Save
        </button>
        <span role="status" class="recheck-status">
          {status}
        </span>
      </form>
      <TsaForm settings={settings} onSaved={onSaved} />
    </details>
  );
}

function TsaForm({ settings, onSaved }: { settings: WorkspaceSettings; onSaved: (s: WorkspaceSettings) => void }) {
  const [url, setUrl] = useState(settings.tsaUrl ?? "");
  const [status, setStatus] = useState("");
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await send({ type: "set-tsa", url: url.trim() || null });
      onSaved(saved);
      setStatus(saved.tsaUrl ? "Trusted time on." : "Trusted time off.");
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form class="settings-form tsa-form" onSubmit={save}>
      <p>
        Trusted time (RFC 3161): each new case's manifest hash is sent to the time-stamping authority you set here, and
        its signed token is kept with the case (manifest.tsr) and checked by verify-case. Only the hash and a random
        number are sent. Off while empty.
      </p>
      <label>
        Authority URL{" "}
        <input type="url" name="tsa-url" size={40} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <button type="submit" class="save-tsa">
        Save
      </button>
      <span role="status" class="tsa-status">
        {status}
      </span>
    </form>
  );
}
