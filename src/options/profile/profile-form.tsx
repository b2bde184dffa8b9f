import { useState } from "preact/hooks";
import { t } from "../../shared/i18n.ts";
import { send } from "../../shared/messages/send.ts";
import { MAX_TRADEMARKS, type RightsHolderProfile, type TrademarkRegistration } from "../../shared/profile.ts";
import { errorText } from "../../shared/said.ts";

type TextKey = "name" | "company" | "email" | "phone" | "address" | "authorisationRef";

const FIELDS: { key: TextKey; label: () => string; type: "text" | "email" | "tel" }[] = [
  { key: "name", label: () => t("profile_name"), type: "text" },
  { key: "company", label: () => t("profile_company"), type: "text" },
  { key: "email", label: () => t("profile_email"), type: "email" },
  { key: "phone", label: () => t("profile_phone"), type: "tel" },
  { key: "address", label: () => t("profile_address"), type: "text" },
  { key: "authorisationRef", label: () => t("profile_authorisation_ref"), type: "text" },
];

/** The rights-holder profile every notice is filled from. */
export function ProfileForm({ initial }: { initial: RightsHolderProfile }) {
  const [profile, setProfile] = useState(initial);
  const [status, setStatus] = useState("");
  const set = (key: TextKey, value: string) => setProfile({ ...profile, [key]: value });
  const setMark = (i: number, patch: Partial<TrademarkRegistration>) =>
    setProfile({ ...profile, trademarks: profile.trademarks.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await send({ type: "set-profile", profile });
      setStatus(t("profile_saved"));
    } catch (error) {
      setStatus(t("not_saved", { error: errorText(error) }));
    }
  };
  return (
    <form class="profile-form" onSubmit={save} aria-label={t("profile_title")}>
      <div class="grid">
        {FIELDS.map((f) => (
          <label key={f.key} class="stacked">
            {f.label()}
            <input
              type={f.type as "text"}
              name={f.key}
              value={profile[f.key]}
              onInput={(e) => set(f.key, e.currentTarget.value)}
            />
          </label>
        ))}
      </div>
      <fieldset class="trademarks">
        <legend>{t("trademarks_legend")}</legend>
        {profile.trademarks.map((m, i) => (
          <div class="trademark" key={i}>
            <label>
              {t("trademark_office")}{" "}
              <input
                type="text"
                name={`office-${i}`}
                value={m.office}
                onInput={(e) => setMark(i, { office: e.currentTarget.value })}
              />
            </label>
            <label>
              {t("trademark_number")}{" "}
              <input
                type="text"
                name={`number-${i}`}
                value={m.number}
                onInput={(e) => setMark(i, { number: e.currentTarget.value })}
              />
            </label>
            <label>
              {t("trademark_class")}{" "}
              <input
                type="text"
                name={`classes-${i}`}
                value={m.classes}
                onInput={(e) => setMark(i, { classes: e.currentTarget.value })}
              />
            </label>
            <label>
              {t("trademark_jurisdiction")}{" "}
              <input
                type="text"
                name={`jurisdiction-${i}`}
                placeholder="US, EU, GB, CN…"
                size={4}
                value={m.jurisdiction}
                onInput={(e) => setMark(i, { jurisdiction: e.currentTarget.value.toUpperCase() })}
              />
            </label>
            <label>
              {t("trademark_expires")}{" "}
              <input
                type="date"
                name={`expiry-${i}`}
                value={m.expiry}
                onInput={(e) => setMark(i, { expiry: e.currentTarget.value })}
              />
            </label>
            <button
              type="button"
              class="secondary"
              aria-label={t("trademark_remove", { n: i + 1 })}
              onClick={() => setProfile({ ...profile, trademarks: profile.trademarks.filter((_, j) => j !== i) })}
            >
              {t("remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary add-trademark"
          disabled={profile.trademarks.length >= MAX_TRADEMARKS}
          onClick={() =>
            setProfile({
              ...profile,
              trademarks: [
                ...profile.trademarks,
                { office: "", number: "", classes: "", jurisdiction: "", expiry: "" },
              ],
            })
          }
        >
          {t("trademark_add")}
        </button>
      </fieldset>
      <div class="actions">
        <button type="submit" class="save-profile">
          {t("profile_save")}
        </button>
        <span role="status" class="profile-status">
          {status}
        </span>
      </div>
    </form>
  );
}
