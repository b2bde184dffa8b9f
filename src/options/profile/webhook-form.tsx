import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t } from "../../shared/i18n.ts";
import { send } from "../../shared/messages/send.ts";
import { errorText } from "../../shared/said.ts";

/**
 * Where cases are sent. The token is written to the worker's secrets store
 * and never read back here: the page only learns whether one is set. Saving
 * asks for the webhook's origin (the click is the user gesture the request
 * needs) so the worker may POST to it.
 */
export function WebhookForm({ url: initialUrl, hasToken }: { url: string | null; hasToken: boolean }) {
  const [url, setUrl] = useState(initialUrl ?? "");
  const [token, setToken] = useState("");
  const [tokenSet, setTokenSet] = useState(hasToken);
  const [status, setStatus] = useState("");
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      if (url.trim() === "") {
        await send({ type: "set-webhook", url: null, token: null });
        setTokenSet(false);
        setStatus(t("webhook_removed"));
        return;
      }
      const origin = new URL(url.trim()).origin;
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
      await send({ type: "set-webhook", url: url.trim(), token: token === "" ? null : token });
      if (token !== "") setTokenSet(true);
      setToken("");
      setStatus(granted ? t("webhook_saved") : t("webhook_saved_no_access"));
    } catch (error) {
      setStatus(t("not_saved", { error: errorText(error) }));
    }
  };
  return (
    <form class="webhook-form" onSubmit={save} aria-label={t("webhook")}>
      <label class="stacked">
        {t("webhook_url")}
        <input type="url" name="webhook-url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <label class="stacked">
        {tokenSet ? t("webhook_token_set") : t("webhook_token_optional")}
        <input
          type="password"
          name="webhook-token"
          autocomplete="off"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="save-webhook">
          {t("webhook_save")}
        </button>
        <span role="status" class="webhook-status">
          {status}
        </span>
      </div>
    </form>
  );
}
