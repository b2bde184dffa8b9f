/** The toolbar badge: text and colour by risk (text too, so colour is never the only cue), worded in the UI's language. */
import browser from "webextension-polyfill";
import { type Catalog, ENGLISH } from "../shared/i18n.ts";
import { LANGUAGE_KEY, loadCatalog } from "../shared/i18n-browser.ts";
import type { TabState } from "../shared/tab-state.ts";
import type { Risk } from "../shared/verdict.ts";
import { allTabStates } from "./tab-states.ts";

export const BADGE_COLOR: Record<Risk, string> = {
  high: "#b91c1c",
  medium: "#b45309",
  low: "#15803d",
  unknown: "#6b7280",
};

/** The badge's text (a few characters) and title for a risk, in the catalog's language. */
export function badgeOf(c: Catalog, risk: Risk, score: number): { text: string; title: string } {
  return {
    text: c.t(`badge_${risk}`),
    title: c.t("badge_title", { risk: c.t(`badge_title_${risk}`), score }),
  };
}

let catalog: Promise<Catalog> | null = null;

/** The worker's catalog, loaded once and again when the user picks another language. */
function workerCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog().catch(() => ENGLISH);
  return catalog;
}

/** A new UI language: the next badge loads it, and the badges shown now are redrawn in it. */
export function listenForLanguage(): void {
  browser.storage.local.onChanged.addListener((changes) => {
    if (!(LANGUAGE_KEY in changes)) return;
    catalog = null;
    void allTabStates().then((states) =>
      Promise.all(states.map(([tabId, state]) => showBadge(tabId, state).catch(() => undefined))),
    );
  });
}

export async function showBadge(tabId: number, state: TabState): Promise<void> {
  if (state.status !== "verdict") {
    await browser.action.setBadgeText({ tabId, text: "" });
    await browser.action.setTitle({ tabId, title: "Copycatch" });
    return;
  }
  const badge = badgeOf(await workerCatalog(), state.verdict.risk, state.verdict.score);
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR[state.verdict.risk] });
  await browser.action.setTitle({ tabId, title: badge.title });
}
