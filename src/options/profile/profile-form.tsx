import { useState } from "preact/hooks";
import { errorMessage } from "../../shared/error-message.ts";
import { send } from "../../shared/messages/send.ts";
import { MAX_TRADEMARKS, type RightsHolderProfile, type TrademarkRegistration } from "../../shared/profile.ts";

type TextKey = "name" | "company" | "email" | "phone" | "address" | "authorisationRef";

const FIELDS: { key: TextKey; label: string; type: "text" | "email" | "tel" }[] = [
  { key: "name", label: "Your name", type: "text" },
  { key: "company", label: "Rights owner / company", type: "text" },
  { key: "email", label: "Contact e-mail", type: "email" },
  { key: "phone", label: "Contact phone", type: "tel" },
  { key: "address", label: "Postal address", type: "text" },
  { key: "authorisationRef", label: "Letter of authorisation reference", type: "text" },
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
      setStatus("Profile saved.");
    } catch (error) {
      setStatus(`Not saved: ${errorMessage(error)}`);
    }
  };
  return (
    <form class="profile-form" onSubmit={save} aria-label="Rights-holder profile">
      <div class="grid">
        {FIELDS.map((f) => (
          <label key={f.key} class="stacked">
            {f.label}
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
        <legend>Trademark registrations</legend>
        {profile.trademarks.map((m, i) => (
          <div class="trademark" key={i}>
            <label>
              Office{" "}
              <input
                type="text"
                name={`office-${i}`}
                value={m.office}
                onInput={(e) => setMark(i, { office: e.currentTarget.value })}
              />
            </label>
            <label>
              Number{" "}
              <input
                type="text"
                name={`number-${i}`}
                value={m.number}
                onInput={(e) => setMark(i, { number: e.currentTarget.value })}
              />
            </label>
            <label>
              Class{" "}
              <input
                type="text"
                name={`classes-${i}`}
                value={m.classes}
                onInput={(e) => setMark(i, { classes: e.currentTarget.value })}
              />
            </label>
            <label>
              Jurisdiction{" "}
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
              Expires{" "}
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
              aria-label={`Remove registration ${i + 1}`}
              onClick={() => setProfile({ ...profile, trademarks: profile.trademarks.filter((_, j) => j !== i) })}
            >
              Remove
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
          Add a registration
        </button>
      </fieldset>
      <div class="actions">
        <button type="submit" class="save-profile">
          Save profile
        </button>
        <span role="status" class="profile-status">
          {status}
        </span>
      </div>
    </form>
  );
}
