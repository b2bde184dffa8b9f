/** Options: role (shopper / agent), the agent's rights-holder profile, the webhook. */
import { useEffect, useState } from "preact/hooks";
import { t } from "../../shared/i18n.ts";
import type { ReportSettings } from "../../shared/messages/reports.ts";
import { send } from "../../shared/messages/send.ts";
import "../cases/options-report.css";
import { ProfileDocuments } from "./profile-documents.tsx";
import { ProfileForm } from "./profile-form.tsx";
import { RolePicker } from "./role-picker.tsx";
import { WebhookForm } from "./webhook-form.tsx";

export function ProfileSection() {
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send({ type: "get-report-settings" }).then(setSettings, (e: unknown) => setError(String(e)));
  }, []);
  return (
    <section class="options-section profile-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("role_title")}</h2>
      {error ? <p role="alert">{error}</p> : null}
      {settings ? (
        <>
          <RolePicker role={settings.role} onChange={(role) => setSettings({ ...settings, role })} />
          {settings.role === "agent" ? (
            <>
              <h3>{t("profile_title")}</h3>
              <ProfileForm initial={settings.profile} />
              <ProfileDocuments initial={settings.profile.attachments} />
              <h3>{t("webhook_title")}</h3>
              <WebhookForm url={settings.webhook.url} hasToken={settings.webhook.hasToken} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
