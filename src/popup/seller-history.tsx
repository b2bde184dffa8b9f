/** Agents: "this seller has N earlier cases", linking to the seller in the workspace, and "Open workspace". */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t } from "../shared/i18n.ts";
import type { ResponseOf } from "../shared/messages/index.ts";
import { send } from "../shared/messages/send.ts";

export const WORKSPACE_PATH = "src/workspace/index.html";

export function openWorkspace(hash = ""): void {
  void browser.tabs.create({ url: browser.runtime.getURL(WORKSPACE_PATH) + hash });
}

export function SellerHistory({ tabId, refresh }: { tabId: number; refresh: number }) {
  const [history, setHistory] = useState<ResponseOf<"seller-history"> | null>(null);
  useEffect(() => {
    send({ type: "seller-history", tabId }).then(setHistory, () => setHistory(null));
  }, [tabId, refresh]);
  const key = history?.sellerKeys[0];
  return (
    <p class="seller-history">
      {history && history.count > 0 && key ? (
        <a
          href={`#seller/${encodeURIComponent(key)}`}
          class="earlier-cases"
          data-count={history.count}
          onClick={(e) => {
            e.preventDefault();
            openWorkspace(`#seller/${encodeURIComponent(key)}`);
          }}
        >
          {history.firstAt
            ? t("history_earlier_since", { count: history.count, since: history.firstAt.slice(0, 10) })
            : t("history_earlier", { count: history.count })}
        </a>
      ) : null}{" "}
      <button type="button" class="link open-workspace" onClick={() => openWorkspace()}>
        {t("open_workspace")}
      </button>
    </p>
  );
}
