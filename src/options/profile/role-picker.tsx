import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t } from "../../shared/i18n.ts";
import { send } from "../../shared/messages/send.ts";
import type { Role } from "../../shared/profile.ts";

/**
 * Shopper (default) or agent. Agent mode asks for <all_urls> in the same
 * click (a permission request needs a user gesture): screenshots of a tab
 * need it whenever the popup click's activeTab grant does not apply.
 */
export function RolePicker({ role, onChange }: { role: Role; onChange: (r: Role) => void }) {
  const [note, setNote] = useState("");
  const choose = async (next: Role) => {
    // Show the choice at once; the radio would otherwise snap back while the request is pending.
    onChange(next);
    if (next === "agent") {
      const granted = await browser.permissions.request({ origins: ["<all_urls>"] }).catch(() => false);
      setNote(granted ? t("role_agent_on") : t("role_agent_on_no_access"));
    } else {
      setNote("");
    }
    await send({ type: "set-role", role: next });
  };
  return (
    <fieldset class="role">
      <legend>{t("role_legend")}</legend>
      <label class="choice">
        <input
          type="radio"
          name="role"
          value="shopper"
          checked={role === "shopper"}
          onChange={() => choose("shopper")}
        />
        {t("role_shopper")}
      </label>
      <label class="choice">
        <input type="radio" name="role" value="agent" checked={role === "agent"} onChange={() => choose("agent")} />
        {t("role_agent")}
      </label>
      <p class="role-note" role="status">
        {note}
      </p>
    </fieldset>
  );
}
