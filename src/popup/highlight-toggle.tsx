import { useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import { send } from "../shared/messages/send.ts";
import { errorText } from "../shared/said.ts";
import type { Verdict } from "../shared/verdict.ts";

/** Evidence words that appear as text on the page (not the URL or the price figure). */
export function phrasesOf(verdict: Verdict): string[] {
  const fields = new Set(["title", "brand", "description", "specifics", "seller"]);
  const all = verdict.reasons.flatMap((r) => (r.evidence && fields.has(r.evidence.field) ? [r.evidence.text] : []));
  return [...new Set(all.map((p) => p.trim()).filter((p) => p.length > 0))];
}

export function HighlightToggle({ tabId, verdict }: { tabId: number; verdict: Verdict }) {
  const phrases = phrasesOf(verdict);
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<string>("");
  if (phrases.length === 0) return null;
  const toggle = async () => {
    const next = !on;
    try {
      const { found } = await send({ type: "highlight", tabId, phrases, on: next });
      setOn(next);
      setStatus(next ? t("highlight_found", { count: found }) : t("highlight_removed"));
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  return (
    <div class="highlight-row">
      <button type="button" class="secondary show-on-page" aria-pressed={on} onClick={toggle}>
        {on ? t("highlight_hide") : t("highlight_show")}
      </button>
      <span class="highlight-status" role="status">
        {status}
      </span>
    </div>
  );
}
