import { useState } from "preact/hooks";
import { USER_SAYS, type UserSays } from "../shared/correction.ts";
import { t } from "../shared/i18n.ts";
import type { Listing } from "../shared/listing.ts";
import { send } from "../shared/messages/send.ts";
import { errorText } from "../shared/said.ts";
import type { Verdict } from "../shared/verdict.ts";

/** "This verdict is wrong": kept in this browser only; pack authors get it as JSON from the options page. */
export function CorrectionForm({ listing, verdict }: { listing: Listing; verdict: Verdict }) {
  const [open, setOpen] = useState(false);
  const [says, setSays] = useState<UserSays>(verdict.risk === "low" ? "counterfeit" : "genuine");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  if (saved) {
    return (
      <p class="correction-saved" role="status">
        {saved}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" class="link wrong-verdict" onClick={() => setOpen(true)}>
        {t("correction_open")}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await send({
        type: "record-correction",
        correction: {
          url: listing.url,
          risk: verdict.risk,
          score: verdict.score,
          brandId: verdict.brand?.id ?? null,
          userSays: says,
          note: note.trim() || null,
          title: listing.title,
        },
      });
      setSaved(t("correction_saved"));
    } catch (error) {
      setSaved(t("correction_not_saved", { error: errorText(error) }));
    }
  };
  return (
    <form class="correction" onSubmit={submit}>
      <fieldset>
        <legend>{t("correction_what")}</legend>
        {(Object.keys(USER_SAYS) as UserSays[]).map((key) => (
          <label key={key} class="choice">
            <input type="radio" name="says" value={key} checked={says === key} onChange={() => setSays(key)} />
            {t(`correction_${key}`)}
          </label>
        ))}
      </fieldset>
      <label class="stacked">
        {t("correction_note")}
        <textarea rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit">{t("correction_save")}</button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
