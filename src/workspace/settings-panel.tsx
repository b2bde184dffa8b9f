/** The workspace's settings: takedown re-checks (opt-in; on demand or on a schedule) and trusted time (off by default). */
import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import type { WorkspaceSettings } from "../shared/messages/cases.ts";
import { send } from "../shared/messages/send.ts";
import { errorText } from "../shared/said.ts";

const INTERVALS: [number | null, () => string][] = [
  [null, () => t("on_demand")],
  [60, () => t("every_hour")],
  [360, () => t("every_6_hours")],
  [1440, () => t("every_day")],
  [10080, () => t("every_week")],
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
      setStatus(enabled ? t("rechecks_on") : t("rechecks_off"));
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  return (
    <details class="ws-settings">
      <summary>{t("settings_title")}</summary>
      <form class="settings-form recheck-form" onSubmit={save}>
        <p>{t("recheck_text")}</p>
        <label>
          <input
            type="checkbox"
            name="recheck-enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />{" "}
          {t("recheck_enable")}
        </label>
        <label>
          {t("schedule")}{" "}
          <select
            name="recheck-interval"
            disabled={!enabled}
            value={interval === null ? "" : String(interval)}
            onChange={(e) => setInterval(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          >
            {INTERVALS.map(([n, label]) => (
              <option key={String(n)} value={n === null ? "" : String(n)}>
                {label()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="save-recheck">
          {t("save")}
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
      setStatus(saved.tsaUrl ? t("tsa_on") : t("tsa_off"));
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  return (
    <form class="settings-form tsa-form" onSubmit={save}>
      <p>{t("tsa_text")}</p>
      <label>
        {t("tsa_url")}{" "}
        <input type="url" name="tsa-url" size={40} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <button type="submit" class="save-tsa">
        {t("save")}
      </button>
      <span role="status" class="tsa-status">
        {status}
      </span>
    </form>
  );
}
