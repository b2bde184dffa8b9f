import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
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
      setNote(
        granted
          ? "Agent mode on: Copycatch may capture any page you report."
          : "Agent mode on without site access: captures work only right after you click the toolbar button.",
      );
    } else {
      setNote("");
    }
    await send({ type: "set-role", role: next });
  };
  return (
    <fieldset class="role">
      <legend>I use Copycatch as</legend>
      <label class="choice">
        <input
          type="radio"
          name="role"
          value="shopper"
          checked={role === "shopper"}
          onChange={() => choose("shopper")}
        />
        a shopper — report suspicious listings to the marketplace and the brand
      </label>
      <label class="choice">
        <input type="radio" name="role" value="agent" checked={role === "agent"} onChange={() => choose("agent")} />a
        brand-protection agent — file cases with captured evidence and prefilled notices
      </label>
      <p class="role-note" role="status">
        {note}
      </p>
    </fieldset>
  );
}
