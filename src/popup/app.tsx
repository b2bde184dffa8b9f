import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { errorMessage } from "../shared/error-message.ts";
import { t } from "../shared/i18n.ts";
import { send } from "../shared/messages/send.ts";
import { errorText, failureSaid } from "../shared/said.ts";
import { type ShownState, stateForTab, type TabState } from "../shared/tab-state.ts";
import { Told } from "./msg.tsx";
import { ReportPanel } from "./report-panel.tsx";
import { RulesWarning } from "./rules-warning.tsx";
import { describedTab } from "./tab.ts";
import { ListingSummary, VerdictCard } from "./verdict-card.tsx";

type View =
  | { kind: "loading" }
  | { kind: "failed"; message: string }
  | { kind: "state"; tabId: number; state: ShownState };

function useTabState(): [View, (v: View) => void] {
  const [view, setView] = useState<View>({ kind: "loading" });
  useEffect(() => {
    let tabId: number | null = null;
    const load = async () => {
      try {
        const tab = await describedTab(location.search);
        tabId = tab.id;
        const stored = await send({ type: "get-tab-state", tabId: tab.id });
        // Read the tab's URL after the state: a verdict is shown only for the page the tab shows now.
        const now = await describedTab(location.search);
        setView({ kind: "state", tabId: tab.id, state: stateForTab(stored, now.url) });
      } catch (error) {
        setView({ kind: "failed", message: errorText(error) });
      }
    };
    // The verdict may arrive while the popup is open (the page was still loading).
    const onChange = (changes: Record<string, unknown>) => {
      if (tabId !== null && `tab:${tabId}` in changes) void load();
    };
    browser.storage.session.onChanged.addListener(onChange);
    void load();
    return () => browser.storage.session.onChanged.removeListener(onChange);
  }, []);
  return [view, setView];
}

function CheckThisPage({ tabId, onState }: { tabId: number; onState: (s: TabState) => void }) {
  const [busy, setBusy] = useState(false);
  const check = useCallback(async () => {
    setBusy(true);
    try {
      onState(await send({ type: "check-page", tabId }));
    } catch (error) {
      onState({ status: "error", message: errorMessage(error), said: failureSaid(error), at: "" });
    } finally {
      setBusy(false);
    }
  }, [tabId, onState]);
  return (
    <section class="card neutral">
      <h1 class="state-title">{t("popup_not_checked")}</h1>
      <p>{t("popup_not_checked_text")}</p>
      <button type="button" onClick={check} disabled={busy}>
        {busy ? t("popup_checking") : t("popup_check_page")}
      </button>
    </section>
  );
}

function StateView({ tabId, state, onState }: { tabId: number; state: ShownState; onState: (s: TabState) => void }) {
  switch (state.status) {
    case "rechecking":
      return (
        <section class="card neutral" data-state="rechecking" aria-live="polite">
          <h1 class="state-title">{t("popup_rechecking")}</h1>
          <p>{t("popup_rechecking_text")}</p>
        </section>
      );
    case "verdict":
      return (
        <>
          <VerdictCard verdict={state.verdict} />
          <ListingSummary listing={state.listing} verdict={state.verdict} />
          <ReportPanel tabId={tabId} state={state} />
        </>
      );
    case "not-listing":
      return (
        <section class="card neutral" data-state="not-listing">
          <h1 class="state-title">{t("popup_not_listing")}</h1>
          <p>{t("popup_not_listing_text")}</p>
        </section>
      );
    case "error":
      return (
        <ErrorView>
          <Told said={state.said} text={state.message} />
        </ErrorView>
      );
    case "unavailable":
      return (
        <section class="card neutral" data-state="unavailable">
          <h1 class="state-title">{t("popup_cannot_check")}</h1>
          <p class="unavailable-reason">
            <Told said={state.said} text={state.message} />
          </p>
        </section>
      );
    case "none":
      return <CheckThisPage tabId={tabId} onState={onState} />;
  }
}

function ErrorView({ children }: { children: ComponentChildren }) {
  return (
    <section class="card error" role="alert" data-state="error">
      <h1 class="state-title">{t("popup_error")}</h1>
      <p class="error-message">{children}</p>
      <p>{t("popup_error_text")}</p>
    </section>
  );
}

export function App() {
  const [view, setView] = useTabState();
  if (view.kind === "loading") return <p class="loading">{t("popup_checking")}</p>;
  if (view.kind === "failed") return <ErrorView>{view.message}</ErrorView>;
  return (
    <>
      <StateView
        tabId={view.tabId}
        state={view.state}
        onState={(state) => setView({ kind: "state", tabId: view.tabId, state })}
      />
      <RulesWarning />
    </>
  );
}
